package dev.evtrace.analyzer.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class JsonWriterTest {
    private static String write(Consumer<JsonWriter> body) {
        StringWriter out = new StringWriter();
        PrintWriter writer = new PrintWriter(out);
        body.accept(new JsonWriter(writer));
        writer.flush();
        return out.toString();
    }

    @Test
    void indentsNestedObjectsAndArrays() {
        String json = write(w -> w.beginObject()
                .field("run", "r")
                .name("ids").beginArray().value(1L).value(2L).endArray()
                .name("empty").beginObject().endObject()
                .endObject());
        assertThat(json).isEqualTo("{\n  \"run\": \"r\",\n  \"ids\": [\n    1,\n    2\n  ],\n  \"empty\": {}\n}\n");
    }

    @Test
    void writesEveryValueKindSoAParserReadsItBack() throws Exception {
        String tricky = "quote \" backslash \\ newline \n tab \t bell \u0007 unicode é";
        String json = write(w -> w.beginObject()
                .field("text", tricky)
                .field("missing", (String) null)
                .field("count", 42L)
                .field("ms", new BigDecimal("10.000"))
                .field("big", BigDecimal.valueOf(1, -3))
                .field("ok", true)
                .endObject());
        JsonNode node = new ObjectMapper().readTree(json);
        assertThat(node.get("text").asText()).isEqualTo(tricky);
        assertThat(node.get("missing").isNull()).isTrue();
        assertThat(node.get("count").asLong()).isEqualTo(42);
        assertThat(node.get("ms").decimalValue()).isEqualByComparingTo("10.000");
        assertThat(json).contains("\"ms\": 10.000", "\"big\": 1000", "\\u0007");
        assertThat(node.get("ok").asBoolean()).isTrue();
    }
}
