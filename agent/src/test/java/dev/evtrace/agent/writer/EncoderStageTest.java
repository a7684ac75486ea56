package dev.evtrace.agent.writer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evtrace.store.Delivery;
import dev.evtrace.store.TracedEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EncoderStageTest {
    private final List<Object> written = new ArrayList<>();
    private final List<String> threads = new ArrayList<>();

    @Test
    void writesEveryRowInOrderOnItsOwnThreadBeforeAwaitIdleReturns() throws Exception {
        EncoderStage stage = new EncoderStage(row -> {
            written.add(row);
            threads.add(Thread.currentThread().getName());
        });
        int rows = EncoderStage.BATCH_ROWS * 2 + 17;
        List<Object> handed = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            Object row = i % 3 == 0 ? event(i) : delivery(i);
            handed.add(row);
            stage.add(row);
        }
        stage.awaitIdle();

        assertThat(written).containsExactlyElementsOf(handed);
        assertThat(threads).containsOnly("tracer-writer-encoder");
        assertThat(stage.handedRows()).isEqualTo(rows);
        assertThat(stage.error()).isNull();

        // After a wait, it takes rows again.
        stage.add(event(rows));
        stage.awaitIdle();
        assertThat(written).hasSize(rows + 1).last().isEqualTo(event(rows));

        stage.stop();
        assertThat(stage.cpuNanos()).isNotZero();
    }

    @Test
    void anErrorStopsTheWritingAndCountsTheEventsThatNeverReachedTheFiles() throws Exception {
        IOException full = new IOException("No space left on device");
        EncoderStage stage = new EncoderStage(row -> {
            if (written.size() == 5) {
                throw full;
            }
            written.add(row);
        });
        // Rows 0-4 are written, row 5 fails; of rows 5-9, the events (5, 7, 9) never reach the files.
        for (int i = 0; i < 10; i++) {
            stage.add(i % 2 == 1 ? event(i) : delivery(i));
        }
        stage.awaitIdle();

        assertThat(written).hasSize(5);
        assertThat(stage.error()).isSameAs(full);
        assertThat(stage.takeUnwrittenEvents()).isEqualTo(3);
        assertThat(stage.takeUnwrittenEvents()).as("counted once").isZero();
        stage.stop();
    }

    @Test
    void anErrorOfTheHeapStillLetsTheWriterThreadGoOn() throws Exception {
        OutOfMemoryError heap = new OutOfMemoryError("Java heap space");
        EncoderStage stage = new EncoderStage(row -> {
            throw heap;
        });
        stage.add(event(1));
        stage.add(delivery(1));
        stage.awaitIdle();
        assertThat(stage.error()).isSameAs(heap);
        assertThat(stage.takeUnwrittenEvents()).isEqualTo(1);

        // The thread is alive and answers: later rows are counted, not written, and the stage stops when asked.
        stage.add(event(2));
        stage.awaitIdle();
        assertThat(stage.takeUnwrittenEvents()).isEqualTo(1);
        stage.stop();
    }

    @Test
    void aStageNeverUsedHasNoThread() throws Exception {
        EncoderStage stage = new EncoderStage(written::add);
        stage.awaitIdle();
        stage.stop();
        assertThat(stage.cpuNanos()).isZero();
        assertThat(stage.handedRows()).isZero();
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                .doesNotContain("tracer-writer-encoder");
    }

    private static TracedEvent event(long id) {
        return new TracedEvent(id, "BAR", id, "run", TracedEvent.ABSENT, "feed", id, id, id + 1, id + 2, Map.of(),
                TracedEvent.CURRENT_VERSION, id, "");
    }

    private static Delivery delivery(long id) {
        return new Delivery("run", id, "BAR", "Strategy#onBar", "main", id + 1, id + 2, false);
    }
}
