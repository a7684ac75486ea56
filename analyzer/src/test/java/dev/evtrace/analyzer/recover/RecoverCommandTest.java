package dev.evtrace.analyzer.recover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evtrace.analyzer.Cli;
import dev.evtrace.analyzer.StoreFixture;
import dev.evtrace.store.EventDatasetWriter;
import dev.evtrace.store.TracedEvent;
import dev.evtrace.store.WriterOptions;
import dev.evtrace.store.journal.Journal;
import dev.evtrace.store.journal.JournalRecovery;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecoverCommandTest {
    private static final String RUN = "backtest_20251124_160000_1a2b3c4d";

    @TempDir
    Path store;

    /** What a tracer killed mid-run leaves: 10 events in completed files, 5 more only in its journal. */
    private void killedTracer() throws IOException {
        String writerId = "host-4242-00c0ffee";
        EventDatasetWriter writer = new EventDatasetWriter(store.toString(), new WriterOptions(writerId, 1_000_000, Map.of()));
        Journal journal = Journal.create(JournalRecovery.journalDir(store.toString()).orElseThrow(), writerId);
        for (long id = 1; id <= 15; id++) {
            TracedEvent e = StoreFixture.event(RUN, StoreFixture.T0, id, "BAR", TracedEvent.ABSENT,
                    StoreFixture.data("symbol", "SPY", "close", Long.toString(500 + id)));
            journal.append(e);
            writer.write(e);
            if (id == 10) {
                writer.flush();
                journal.checkpoint(writer.nextEventFileNumber(), writer.nextDeliveryFileNumber());
            }
        }
        journal.close();
    }

    @Test
    void storesWhatAKilledTracersJournalHeldAndSaysSo() throws IOException {
        killedTracer();
        assertThat(Cli.run("events", "--store", store.toString(), "--run", RUN, "--format", "csv").out().lines())
                .hasSize(11);

        assertThat(Cli.run("runs", "--store", store.toString()).err()).isEqualTo("analyzer runs: 1 killed tracer(s) left "
                + "events in _journal that these runs do not show yet; analyzer recover stores them\n");

        Cli.Result recovered = Cli.run("recover", "--store", store.toString());

        assertThat(recovered.exitCode()).isZero();
        assertThat(recovered.err()).isEmpty();
        assertThat(recovered.out()).isEqualTo("""
                RECOVERED  LIVE  EVENTS  DELIVERIES  ALREADY_STORED
                        1     0       5           0               0
                """);
        assertThat(Cli.run("events", "--store", store.toString(), "--run", RUN, "--format", "csv").out().lines())
                .hasSize(16);
        assertThat(Cli.run("recover", "--store", store.toString(), "--format", "json").out())
                .isEqualTo("""
                        {
                          "store": "%s",
                          "recovered": 0,
                          "live": 0,
                          "events": 0,
                          "deliveries": 0,
                          "already_stored": 0
                        }
                        """.formatted(store));
        assertThat(Cli.run("recover", "--store", store.toString()).out()).isEqualTo("no journal to recover in " + store + "\n");
        assertThat(Cli.run("runs", "--store", store.toString()).err()).isEmpty();
    }

    @Test
    void aMissingStoreOrOneNotOnTheLocalFileSystemIsBadData() {
        Cli.Result missing = Cli.run("recover", "--store", store.resolve("nowhere").toString());
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).isEqualTo("analyzer recover: no store at " + store.resolve("nowhere") + "\n");

        Cli.Result remote = Cli.run("recover", "--store", "hdfs://namenode/events");
        assertThat(remote.exitCode()).isEqualTo(1);
        assertThat(remote.err()).isEqualTo("analyzer recover: hdfs://namenode/events is not on the local file system: "
                + "journals are written only there\n");
    }
}
