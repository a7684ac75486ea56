package dev.evtrace.analyzer.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evtrace.analyzer.output.Table.Clip;
import dev.evtrace.analyzer.output.Table.Column;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableRendererTest {
    /** The table's lines, as TableRenderer prints it held whole. */
    static List<String> render(Table table) {
        StringWriter out = new StringWriter();
        PrintWriter writer = new PrintWriter(out);
        TableRenderer.render(table, writer);
        writer.flush();
        return out.toString().lines().toList();
    }

    @Test
    void alignsTextLeftAndNumbersRightUnderAnUpperCaseHeader() {
        Table table = new Table(List.of(Column.text("type"), Column.number("count"), Column.number("mean_ms")))
                .row("BAR", 100, new BigDecimal("10.000"))
                .row("SIGNAL", 3, null);
        assertThat(render(table)).containsExactly(
                "TYPE    COUNT  MEAN_MS",
                "BAR       100   10.000",
                "SIGNAL      3        -");
    }

    @Test
    void leavesNoTrailingBlanksAfterTheLastColumn() {
        Table table = new Table(List.of(Column.number("id"), Column.text("data"))).row(1, "a=1").row(2, "a=1 b=2 c=3");
        assertThat(render(table)).containsExactly("ID  DATA", " 1  a=1", " 2  a=1 b=2 c=3");
    }

    @Test
    void clipsLongCellsKeepingTheChosenEnd() {
        Table table = new Table(List.of(Column.clipped("source", Clip.KEEP_END, 10), Column.clipped("data", Clip.KEEP_START, 8)))
                .row("com.acme.Strategy", "symbol=SPY");
        assertThat(render(table).get(1)).isEqualTo("...trategy  symbo...");
    }
}
