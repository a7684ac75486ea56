package dev.evtrace.analyzer.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evtrace.analyzer.output.Table.Clip;
import dev.evtrace.analyzer.output.Table.Column;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvWriterTest {
    @Test
    void writesRfc4180WithAHeaderAndQuotesOnlyWhereNeeded() {
        Table table = new Table(List.of(Column.number("id"), Column.clipped("data", Clip.KEEP_START, 3), Column.text("cause")))
                .row(1, "plain and long", null)
                .row(2, "a,b", "say \"hi\"")
                .row(3, "line\nbreak", "x");
        StringWriter out = new StringWriter();
        PrintWriter writer = new PrintWriter(out);
        CsvWriter.write(table, writer);
        writer.flush();
        assertThat(out.toString()).isEqualTo("id,data,cause\r\n"
                + "1,plain and long,\r\n"
                + "2,\"a,b\",\"say \"\"hi\"\"\"\r\n"
                + "3,\"line\nbreak\",x\r\n");
    }
}
