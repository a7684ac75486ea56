package dev.evtrace.analyzer.lineage;

import static dev.evtrace.analyzer.StoreFixture.T0;
import static dev.evtrace.analyzer.StoreFixture.data;
import static dev.evtrace.analyzer.StoreFixture.event;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evtrace.analyzer.lineage.DescendantTree.Node;
import dev.evtrace.store.TracedEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DescendantTreeTest {
    @Test
    void growsAChainOfAHundredThousandEventsWithoutRecursion() {
        List<TracedEvent> run = new ArrayList<>();
        run.add(event("run-a", T0, 1, "TICK", TracedEvent.ABSENT, data()));
        for (long id = 2; id <= 100_000; id++) {
            run.add(event("run-a", T0, id, "TICK", id - 1, data()));
        }
        DescendantTree tree = DescendantTree.grow(run.get(0), DescendantTree.byCause(run));
        assertThat(tree.nodes()).hasSize(100_000);
        assertThat(tree.nodes().get(99_999)).extracting(Node::depth).isEqualTo(99_999);
    }

    @Test
    void listsSiblingsInPublishOrderEachFollowedByItsSubtree() {
        List<TracedEvent> run = List.of(
                event("run-a", T0, 1, "BAR", TracedEvent.ABSENT, data()),
                event("run-a", T0, 4, "SIGNAL", 1, data()),
                event("run-a", T0, 2, "SIGNAL", 1, data()),
                event("run-a", T0, 3, "ORDER", 2, data()));
        DescendantTree tree = DescendantTree.grow(run.get(0), DescendantTree.byCause(run));
        assertThat(tree.nodes()).extracting(n -> n.event().eventId() + "@" + n.depth())
                .containsExactly("1@0", "2@1", "3@2", "4@1");
    }
}
