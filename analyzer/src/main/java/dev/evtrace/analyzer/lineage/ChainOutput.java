package dev.evtrace.analyzer.lineage;

import dev.evtrace.analyzer.lineage.CausationChain.Step;
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
import java.util.Arrays;
import java.util.List;

/** How {@code lineage} prints causation chains: a titled table per chain; one flat table in csv; json. */
final class ChainOutput {
    private ChainOutput() {}

    static void print(Output output, String run, List<CausationChain> chains) {
        if (output.format() != Format.TABLE) {
            output.print(steps(chains, true), json -> json(json, run, chains));
            return;
        }
        // For people, one titled block per chain reads better than one long table.
        PrintWriter out = output.writer();
        for (int i = 0; i < chains.size(); i++) {
            CausationChain chain = chains.get(i);
            out.println((i > 0 ? "\n" : "") + run + " event " + chain.target().eventId() + ": " + chain.path());
            TableRenderer.render(steps(List.of(chain), false), out);
        }
        out.flush();
    }

    private static Table steps(List<CausationChain> chains, boolean withChain) {
        List<Column> columns = new ArrayList<>();
        if (withChain) {
            columns.add(Column.number("chain"));
        }
        columns.addAll(List.of(Column.number("step"), Column.number("id"), Column.text("type"),
                Column.clipped("source", Clip.KEEP_END, 40), Column.text("created"), Column.number("elapsed_ms")));
        Table table = new Table(columns);
        for (CausationChain chain : chains) {
            for (int i = 0; i < chain.steps().size(); i++) {
                Step step = chain.steps().get(i);
                TracedEvent e = step.event();
                List<Object> row = new ArrayList<>();
                if (withChain) {
                    row.add(chain.target().eventId());
                }
                row.addAll(step.missing()
                        ? Arrays.asList(i + 1, step.eventId(), "(missing)", null, null, null)
                        : List.of(i + 1, step.eventId(), e.eventType(), e.sourceContainer(), Units.iso(e.createdAt()),
                                Units.millis(e.createdAt() - chain.firstCreatedAt())));
                table.row(row.toArray());
            }
        }
        return table;
    }

    private static void json(JsonWriter json, String run, List<CausationChain> chains) {
        json.beginObject().field("run", run).name("chains").beginArray();
        for (CausationChain chain : chains) {
            json.beginObject()
                    .field("event_id", chain.target().eventId())
                    .field("event_type", chain.target().eventType())
                    .field("path", chain.path())
                    .field("complete", chain.complete())
                    .name("steps").beginArray();
            for (Step step : chain.steps()) {
                TracedEvent e = step.event();
                json.beginObject()
                        .field("event_id", step.eventId())
                        .field("event_type", step.missing() ? null : e.eventType())
                        .field("source", step.missing() ? null : e.sourceContainer())
                        .field("created_at", step.missing() ? null : Units.iso(e.createdAt()))
                        .field("elapsed_ms", step.missing() ? null : Units.millis(e.createdAt() - chain.firstCreatedAt()))
                        .field("missing", step.missing())
                        .endObject();
            }
            json.endArray().endObject();
        }
        json.endArray().endObject();
    }
}
