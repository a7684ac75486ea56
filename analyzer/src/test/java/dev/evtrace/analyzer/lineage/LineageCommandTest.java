package dev.evtrace.analyzer.lineage;

import static dev.evtrace.analyzer.StoreFixture.T0;
import static dev.evtrace.analyzer.StoreFixture.data;
import static dev.evtrace.analyzer.StoreFixture.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evtrace.analyzer.Cli;
import dev.evtrace.analyzer.Cli.Result;
import dev.evtrace.analyzer.StoreFixture;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineageCommandTest {
    @TempDir
    Path dir;

    /** run-a has events 1..12 (FILLs 6 and 12), run-b only 1..6: ids 7..12 are unique to run-a. */
    private String store() {
        return new StoreFixture(dir).pipeline("run-a", T0, 6).pipeline("run-b", T0, 3).write();
    }

    @Test
    void walksAFillBackToItsBarAndPrintsItRootFirst() {
        Result result = Cli.run("lineage", "--store", store(), "--event", "12");
        assertThat(result.exitCode()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("run-a event 12: BAR -> SIGNAL -> ORDER -> FILL");
        assertThat(lines.get(1).split(" +")).containsExactly("STEP", "ID", "TYPE", "SOURCE", "CREATED", "ELAPSED_MS");
        assertThat(lines.subList(2, 6)).extracting(line -> line.trim().split(" +"))
                .extracting(cells -> cells[1] + " " + cells[2] + " " + cells[5])
                .containsExactly("9 BAR 0.000", "10 SIGNAL 1.000", "11 ORDER 2.000", "12 FILL 3.000");
        assertThat(lines.get(3)).contains("samples.backtest.MomentumStrategy", "2025-11-24T16:00:00.010000Z");
        assertThat(lines).hasSize(6);
    }

    @Test
    void printsOneChainPerEventOfTheType() {
        Result result = Cli.run("lineage", "--store", store(), "--run", "run-a", "--type", "FILL");
        assertThat(result.out().lines().filter(line -> line.startsWith("run-a event")))
                .containsExactly("run-a event 6: BAR -> SIGNAL -> ORDER -> FILL",
                        "run-a event 12: BAR -> SIGNAL -> ORDER -> FILL");
    }

    @Test
    void anIdInSeveralRunsNeedsARun() {
        String store = store();
        Result ambiguous = Cli.run("lineage", "--store", store, "--event", "6");
        assertThat(ambiguous.exitCode()).isEqualTo(1);
        assertThat(ambiguous.err()).isEqualTo("analyzer lineage: event 6 exists in 2 runs; name one with --run"
                + System.lineSeparator());
        assertThat(Cli.run("lineage", "--store", store, "--event", "6", "--run", "run-b").out())
                .startsWith("run-b event 6: BAR -> SIGNAL -> ORDER -> FILL");
    }

    /**
     * One event's chain is read a window of ids at a time: causes further back than a window, in runs that share
     * files, give the chain the whole run gives (printed by --type, which reads the run at once).
     */
    @Test
    void walksCausesFurtherBackThanOneReadAsTheWholeRunDoes() {
        long far = 3 * IdWindows.WINDOW;
        StoreFixture fixture = new StoreFixture(dir).pipeline("run-a", T0, 400);
        fixture.add(event("run-b", T0, 1, "BAR", 0, data()))
                .add(event("run-b", T0, 1 + far, "SIGNAL", 1, data()))
                .add(event("run-b", T0, 2 + 2 * far, "ORDER", 1 + far, data()))
                .add(event("run-b", T0, 3 + 3 * far, "FILL", 2 + 2 * far, data()));
        String store = fixture.pipeline("run-c", T0, 400).write();
        for (String run : List.of("run-a", "run-b", "run-c")) {
            List<String> whole = Cli.run("lineage", "--store", store, "--run", run, "--type", "FILL", "--format", "csv")
                    .out().lines().skip(1).toList();
            List<String> fills = whole.stream().map(row -> row.split(",")[0]).distinct().toList();
            List<String> oneByOne = new ArrayList<>();
            for (String fill : fills) {
                Result chain = Cli.run("lineage", "--store", store, "--run", run, "--event", fill, "--format", "csv");
                assertThat(chain.exitCode()).isZero();
                chain.out().lines().skip(1).forEach(oneByOne::add);
            }
            assertThat(fills).as(run).isNotEmpty();
            assertThat(oneByOne).as(run).isEqualTo(whole);
        }
    }

    @Test
    void marksACauseMissingFromTheStore() throws Exception {
        String store = new StoreFixture(dir)
                .add(event("run-a", T0, 1, "BAR", 0, data()))
                .add(event("run-a", T0, 3, "ORDER", 2, data()))
                .add(event("run-a", T0, 4, "FILL", 3, data()))
                .write();
        Result table = Cli.run("lineage", "--store", store, "--event", "4");
        assertThat(table.exitCode()).isZero();
        assertThat(table.out().lines().toList().get(0)).isEqualTo("run-a event 4: (missing 2) -> ORDER -> FILL");
        assertThat(table.out().lines().toList().get(2).trim().split(" +")).containsExactly("1", "2", "(missing)", "-", "-", "-");

        JsonNode chain = new ObjectMapper().readTree(
                Cli.run("lineage", "--store", store, "--event", "4", "--format", "json").out()).get("chains").get(0);
        assertThat(chain.get("complete").asBoolean()).isFalse();
        assertThat(chain.get("steps").get(0).get("missing").asBoolean()).isTrue();
        assertThat(chain.get("steps").get(0).get("event_id").asLong()).isEqualTo(2);
        assertThat(chain.get("steps").get(1).get("elapsed_ms").decimalValue()).isEqualByComparingTo("0");
    }

    @Test
    void unknownEventExitsOne() {
        String store = store();
        Result anywhere = Cli.run("lineage", "--store", store, "--event", "99");
        assertThat(anywhere.exitCode()).isEqualTo(1);
        assertThat(anywhere.err()).isEqualTo("analyzer lineage: no event 99 in store " + store + System.lineSeparator());
        Result inRun = Cli.run("lineage", "--store", store, "--event", "99", "--run", "run-a");
        assertThat(inRun.err()).isEqualTo("analyzer lineage: no event 99 in run run-a" + System.lineSeparator());
    }

    @Test
    void typeWithoutRunOrBothTargetsAreUsageErrors() {
        String store = store();
        Result noRun = Cli.run("lineage", "--store", store, "--type", "FILL");
        assertThat(noRun.exitCode()).isEqualTo(2);
        assertThat(noRun.err()).startsWith("analyzer lineage: --type needs --run");
        assertThat(Cli.run("lineage", "--store", store, "--event", "1", "--type", "FILL").exitCode()).isEqualTo(2);
        assertThat(Cli.run("lineage", "--store", store).exitCode()).isEqualTo(2);
        assertThat(Cli.run("lineage", "--store", store, "--event", "0").exitCode()).isEqualTo(2);
    }

    @Test
    void jsonAndCsvHoldEveryChainFlat() throws Exception {
        String store = store();
        JsonNode root = new ObjectMapper().readTree(
                Cli.run("lineage", "--store", store, "--run", "run-a", "--type", "FILL", "--format", "json").out());
        assertThat(root.get("run").asText()).isEqualTo("run-a");
        assertThat(root.get("chains")).hasSize(2);
        JsonNode chain = root.get("chains").get(1);
        assertThat(chain.get("event_id").asLong()).isEqualTo(12);
        assertThat(chain.get("path").asText()).isEqualTo("BAR -> SIGNAL -> ORDER -> FILL");
        assertThat(chain.get("steps").get(0).fieldNames()).toIterable()
                .containsExactly("event_id", "event_type", "source", "created_at", "elapsed_ms", "missing");

        String csv = Cli.run("lineage", "--store", store, "--run", "run-a", "--type", "FILL", "--format", "csv").out();
        assertThat(csv.split("\r\n")).hasSize(1 + 8);
        assertThat(csv).startsWith("chain,step,id,type,source,created,elapsed_ms\r\n6,1,3,BAR,");
    }

    /** A BAR whose handlers published two SIGNALs, one of which led to an ORDER and a FILL. */
    private String branchingStore() {
        return new StoreFixture(dir)
                .add(event("run-a", T0, 1, "BAR", 0, data()))
                .add(event("run-a", T0, 2, "SIGNAL", 1, data()))
                .add(event("run-a", T0, 3, "ORDER", 2, data()))
                .add(event("run-a", T0, 4, "SIGNAL", 1, data()))
                .add(event("run-a", T0, 5, "FILL", 3, data()))
                .add(event("run-a", T0, 6, "BAR", 0, data()))
                .write();
    }

    @Test
    void downPrintsTheDescendantsAsAnIndentedTree() {
        Result result = Cli.run("lineage", "--store", branchingStore(), "--event", "1", "--down");
        assertThat(result.exitCode()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("run-a event 1: BAR and 4 descendants");
        assertThat(lines.get(1).split(" +")).containsExactly("ID", "TYPE", "SOURCE", "CREATED", "ELAPSED_MS");
        int source = lines.get(1).indexOf("SOURCE");
        assertThat(lines.subList(2, lines.size())).extracting(line -> line.substring(0, source).stripTrailing())
                .containsExactly(" 1  BAR", " 2    SIGNAL", " 3      ORDER", " 5        FILL", " 4    SIGNAL");
        assertThat(lines.get(5)).endsWith(" 4.000");
    }

    @Test
    void downOfALeafIsTheEventAlone() {
        Result result = Cli.run("lineage", "--store", branchingStore(), "--event", "5", "--down");
        assertThat(result.out().lines().toList()).hasSize(3).first().isEqualTo("run-a event 5: FILL and 0 descendants");
    }

    @Test
    void downInJsonNestsAndInCsvIsFlatWithDepthAndCause() throws Exception {
        String store = branchingStore();
        JsonNode tree = new ObjectMapper().readTree(
                Cli.run("lineage", "--store", store, "--event", "1", "--down", "--format", "json").out()).get("trees").get(0);
        assertThat(tree.get("event_id").asLong()).isEqualTo(1);
        assertThat(tree.get("children")).extracting(child -> child.get("event_id").asLong()).containsExactly(2L, 4L);
        JsonNode order = tree.get("children").get(0).get("children").get(0);
        assertThat(order.get("event_type").asText()).isEqualTo("ORDER");
        assertThat(order.get("children").get(0).get("event_type").asText()).isEqualTo("FILL");
        assertThat(order.get("children").get(0).get("children")).isEmpty();
        assertThat(tree.get("children").get(1).get("children")).isEmpty();

        String csv = Cli.run("lineage", "--store", store, "--event", "1", "--down", "--format", "csv").out();
        assertThat(csv.split("\r\n")).extracting(line -> String.join(",", List.of(line.split(",")).subList(0, 5)))
                .containsExactly("tree,depth,id,cause,type", "1,0,1,,BAR", "1,1,2,1,SIGNAL", "1,2,3,2,ORDER",
                        "1,3,5,3,FILL", "1,1,4,1,SIGNAL");
    }

    @Test
    void downWithTypePrintsATreePerEvent() {
        Result result = Cli.run("lineage", "--store", branchingStore(), "--run", "run-a", "--type", "BAR", "--down");
        assertThat(result.out().lines().filter(line -> line.startsWith("run-a event")))
                .containsExactly("run-a event 1: BAR and 4 descendants", "run-a event 6: BAR and 0 descendants");
    }

    @Test
    void acceptsAnyEventRootsAndMiddlesIncluded() {
        String store = branchingStore();
        assertThat(Cli.run("lineage", "--store", store, "--event", "6").out()).startsWith("run-a event 6: BAR\n".replace("\n", System.lineSeparator()));
        assertThat(Cli.run("lineage", "--store", store, "--event", "3").out()).startsWith("run-a event 3: BAR -> SIGNAL -> ORDER");
        assertThat(Cli.run("lineage", "--store", store, "--event", "3", "--down").out())
                .startsWith("run-a event 3: ORDER and 1 descendant" + System.lineSeparator());
    }

    @Test
    void aCausationLoopIsADataErrorGoingDown() {
        String store = new StoreFixture(dir)
                .add(event("run-a", T0, 1, "A", 2, data()))
                .add(event("run-a", T0, 2, "B", 1, data()))
                .write();
        Result result = Cli.run("lineage", "--store", store, "--event", "1", "--down");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("analyzer lineage: causation ids loop through event 1 in run run-a"
                + System.lineSeparator());
    }
}
