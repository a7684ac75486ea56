package dev.evtrace.analyzer.lineage;

import dev.evtrace.analyzer.lineage.DescendantTree.Node;
import dev.evtrace.analyzer.output.Format;
import dev.evtrace.analyzer.output.JsonWriter;
import dev.evtrace.analyzer.output.Output;
import dev.evtrace.analyzer.output.Table;
import dev.evtrace.analyzer.output.Table.Clip;
import dev.evtrace.analyzer.output.Table.Column;
import dev.evtrace.analyzer.output.TableRenderer;
import dev.evtrace.analyzer.output.Units;
import dev.evtrace.store.TracedEvent;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** How {@code lineage --down} prints: a titled, indented table per tree; flat rows in csv; nested in json. */
final class TreeOutput {
    private static final String INDENT = "  ";

    private TreeOutput() {}

    static void print(Output output, String run, List<DescendantTree> trees) {
        if (output.format() != Format.TABLE) {
            output.print(rows(trees, true), json -> json(json, run, trees));
            return;
        }
        PrintWriter out = output.writer();
        for (int i = 0; i < trees.size(); i++) {
            DescendantTree tree = trees.get(i);
            int descendants = tree.nodes().size() - 1;
            out.println((i > 0 ? "\n" : "") + run + " event " + tree.root().eventId() + ": " + tree.root().eventType()
                    + " and " + descendants + (descendants == 1 ? " descendant" : " descendants"));
            TableRenderer.render(rows(List.of(tree), false), out);
        }
        out.flush();
    }

    /** In tables the type is indented by depth, which draws the tree; csv has depth and cause columns instead. */
    private static Table rows(List<DescendantTree> trees, boolean flat) {
        List<Column> columns = new ArrayList<>();
        if (flat) {
            columns.addAll(List.of(Column.number("tree"), Column.number("depth")));
        }
        columns.add(Column.number("id"));
        if (flat) {
            columns.add(Column.number("cause"));
        }
        columns.addAll(List.of(Column.text("type"), Column.clipped("source", Clip.KEEP_END, 40), Column.text("created"),
                Column.number("elapsed_ms")));
        Table table = new Table(columns);
        for (DescendantTree tree : trees) {
            long start = tree.root().createdAt();
            for (Node node : tree.nodes()) {
                TracedEvent e = node.event();
                List<Object> row = new ArrayList<>();
                if (flat) {
                    row.addAll(List.of(tree.root().eventId(), node.depth(), e.eventId()));
                    row.add(e.isRoot() ? null : e.causationId());
                    row.add(e.eventType());
                } else {
                    row.addAll(List.of(e.eventId(), INDENT.repeat(node.depth()) + e.eventType()));
                }
                row.addAll(List.of(e.sourceContainer(), Units.iso(e.createdAt()), Units.millis(e.createdAt() - start)));
                table.row(row.toArray());
            }
        }
        return table;
    }

    /** Each node an object with a "children" array; opened and closed by depth, without recursion. */
    private static void json(JsonWriter json, String run, List<DescendantTree> trees) {
        json.beginObject().field("run", run).name("trees").beginArray();
        for (DescendantTree tree : trees) {
            long start = tree.root().createdAt();
            int depth = -1;
            for (Node node : tree.nodes()) {
                for (; depth >= node.depth(); depth--) {
                    json.endArray().endObject();
                }
                TracedEvent e = node.event();
                json.beginObject()
                        .field("event_id", e.eventId())
                        .field("event_type", e.eventType())
                        .field("source", e.sourceContainer())
                        .field("created_at", Units.iso(e.createdAt()))
                        .field("elapsed_ms", Units.millis(e.createdAt() - start))
                        .name("children").beginArray();
                depth = node.depth();
            }
            for (; depth >= 0; depth--) {
                json.endArray().endObject();
            }
        }
        json.endArray().endObject();
    }
}
