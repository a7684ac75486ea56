package dev.evtrace.agent.writer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecentTypesTest {
    /** An event whose type says how many times it was asked for. */
    static final class Counted {
        private final String type;
        int reads;

        Counted(String type) {
            this.type = type;
        }

        public String getType() {
            reads++;
            return type;
        }
    }

    private final RecentTypes types = new RecentTypes(new EventTypes("getType", w -> {}));

    @Test
    void anEventsDeliveriesAndItsOwnRowReadItsTypeOnce() {
        Counted bar = new Counted("BAR");
        for (int row = 0; row < 4; row++) {
            assertThat(types.typeOf(bar, "run-1", 7)).isEqualTo("BAR");
        }
        assertThat(bar.reads).isEqualTo(1);
    }

    @Test
    void anotherEventIdOrRunIsReadAgain() {
        Counted reused = new Counted("BAR");
        types.typeOf(reused, "run-1", 7);
        types.typeOf(reused, "run-1", 8);
        types.typeOf(reused, "run-2", 8);
        assertThat(reused.reads).isEqualTo(3);
    }

    @Test
    void idsThatShareASlotDoNotShareATypeName() {
        Counted fill = new Counted("FILL");
        Counted order = new Counted("ORDER");
        assertThat(types.typeOf(fill, "run-1", 1)).isEqualTo("FILL");
        assertThat(types.typeOf(order, "run-1", 1 + 256)).isEqualTo("ORDER");
        assertThat(types.typeOf(fill, "run-1", 1)).isEqualTo("FILL");
        assertThat(fill.reads).isEqualTo(2);
    }

    @Test
    void withoutAnAccessorTheClassNameStands() {
        RecentTypes byClass = new RecentTypes(new EventTypes("", w -> {}));
        assertThat(byClass.typeOf(new Counted("BAR"), "run-1", 1)).isEqualTo("RecentTypesTest$Counted");
    }
}
