package dev.evtrace.analyzer.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evtrace.analyzer.output.Table.Clip;
import dev.evtrace.analyzer.output.Table.Column;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class StreamedTableTest {
    private static final List<Column> COLUMNS = List.of(Column.number("id"), Column.text("type"),
            Column.clipped("source", Clip.KEEP_END, 12), Column.text("note"));

    private static List<String> stream(int rows, Consumer<ColumnWidths> beyondWindow) {
        StringWriter out = new StringWriter();
        PrintWriter writer = new PrintWriter(out);
        StreamedTable table = new StreamedTable(COLUMNS, beyondWindow, writer);
        for (int i = 1; i <= rows; i++) {
            table.row(row(i));
        }
        table.end();
        writer.flush();
        return out.toString().lines().toList();
    }

    /** The last row is wider in every column but the last. */
    private static List<String> row(int i) {
        return i < 10_005 ? List.of(Integer.toString(i % 10), "BAR", "main", "n" + i)
                : List.of(Integer.toString(i), "RISK_BREACH", "com.acme.risk.RiskCheck", "last");
    }

    private static List<String> held(int rows) {
        Table table = new Table(COLUMNS);
        for (int i = 1; i <= rows; i++) {
            table.row(row(i).toArray());
        }
        return TableRendererTest.render(table);
    }

    @Test
    void upToTheWindowItIsTheTableHeldWhole() {
        assertThat(stream(StreamedTable.WINDOW, widths -> {})).isEqualTo(held(StreamedTable.WINDOW));
        assertThat(stream(0, widths -> {})).containsExactly("ID  TYPE  SOURCE  NOTE");
    }

    @Test
    void pastTheWindowClippedColumnsTakeTheirClipAndAWiderCellWidensItsColumnFromItsLineOn() {
        List<String> lines = stream(10_005, widths -> {});
        assertThat(lines).hasSize(10_006);
        assertThat(lines.get(0)).isEqualTo("ID  TYPE  SOURCE        NOTE");
        assertThat(lines.get(10_004)).isEqualTo(" 4  BAR   main          n10004");
        assertThat(lines.get(10_005)).isEqualTo("10005  RISK_BREACH  ...RiskCheck  last");
    }

    @Test
    void pastTheWindowCellsKnownToBeComingWidenTheColumnsBeforeAnyLine() {
        List<String> lines = stream(10_005, widths -> {
            widths.atLeast(0, 5);
            widths.atLeast(1, "RISK_BREACH".length());
        });
        assertThat(lines).isEqualTo(held(10_005));
    }
}
