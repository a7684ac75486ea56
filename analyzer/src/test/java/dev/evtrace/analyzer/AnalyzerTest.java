package dev.evtrace.analyzer;

import static dev.evtrace.analyzer.StoreFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evtrace.analyzer.Cli.Result;
import dev.evtrace.store.EventDatasetReader;
import dev.evtrace.store.parquet.HadoopFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The command line as a whole: help, version, and the error contract every command shares. */
class AnalyzerTest {
    private static final String RUN = "run-a";

    @TempDir
    Path dir;

    private String store() {
        return new StoreFixture(dir).pipeline(RUN, T0, 6).write();
    }

    @ParameterizedTest
    @ValueSource(strings = {"runs", "events", "lineage", "latency", "catalog", "report", "export", "sample"})
    void everyCommandHasHelpWithAnExample(String command) {
        Result result = Cli.run(command, "--help");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("Usage: analyzer " + command).contains("Example").contains("--store=DIR");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void topCommandHasHelpAndVersion() {
        assertThat(Cli.run("--help").out()).contains("runs", "events", "lineage", "latency", "catalog", "report", "export",
                "sample", "Exit codes:");
        Result version = Cli.run("--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("evtrace analyzer ");
    }

    @Test
    void missingStoreExitsOneWithOneLine() {
        String missing = dir.resolve("nope").toString();
        assertDataError(Cli.run("runs", "--store", missing), "analyzer runs: no store at " + missing);
    }

    @Test
    void unknownRunExitsOne() {
        String store = store();
        assertDataError(Cli.run("latency", "--store", store, "--run", "run-x"),
                "analyzer latency: no run run-x in store " + store);
    }

    @Test
    void corruptParquetFileExitsOneNamingTheFile() throws IOException {
        String store = store();
        Path corrupt = besideTheStoresFiles(store, "part-other-00000.parquet");
        Files.writeString(corrupt, "not parquet at all");
        assertDataError(Cli.run("runs", "--store", store),
                "analyzer runs: cannot read file:" + corrupt + ": not a Parquet file");
    }

    @Test
    void foreignParquetFileExitsOneNamingTheFile() throws IOException {
        String store = store();
        Path foreign = besideTheStoresFiles(store, "part-other-00000.parquet");
        MessageType schema = MessageTypeParser.parseMessageType("message trade { required int64 price; }");
        try (ParquetWriter<Group> writer = ExampleParquetWriter
                .builder(new org.apache.hadoop.fs.Path(foreign.toUri()))
                .withConf(HadoopFiles.configuration())
                .withType(schema)
                .build()) {
            writer.write(new SimpleGroupFactory(schema).newGroup().append("price", 1L));
        }
        Result result = Cli.run("runs", "--store", store);
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("analyzer runs: cannot read ").contains("part-other-00000.parquet: not an event file");
        assertThat(result.err().lines()).hasSize(1);
    }

    @Test
    void unknownOptionExitsTwoWithUsage() {
        assertUsageError(Cli.run("runs", "--bogus"), "analyzer runs: unknown option: '--bogus'", "runs");
    }

    @Test
    void badFormatExitsTwoNamingTheFormats() {
        assertUsageError(Cli.run("runs", "--store", store(), "--format", "xml"),
                "analyzer runs: invalid value for option '--format': expected one of table, json, csv but was 'xml'", "runs");
    }

    @Test
    void missingRequiredOptionExitsTwo() {
        assertUsageError(Cli.run("events", "--store", store()), "analyzer events: missing required option: '--run=RUN'", "events");
    }

    @Test
    void noCommandExitsTwo() {
        Result result = Cli.run();
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().lines().findFirst())
                .hasValue("analyzer: missing command: name one of runs, events, lineage, latency, catalog, report, export, "
                        + "sample, recover");
    }

    @Test
    void formatIsCaseInsensitive() {
        assertThat(Cli.run("runs", "--store", store(), "--format", "JSON").exitCode()).isZero();
    }

    @Test
    void debugAddsTheStackTrace() {
        Result result = Cli.run("runs", "--store", dir.resolve("nope").toString(), "--debug");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("analyzer runs: no store at ").contains("StoreException", "\tat ");
    }

    /** A path in the partition directory of the store's first file, wherever the store's layout puts that. */
    private static Path besideTheStoresFiles(String store, String name) {
        return Path.of(new EventDatasetReader(store).files().get(0).path().toUri()).resolveSibling(name);
    }

    private static void assertDataError(Result result, String message) {
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo(message + System.lineSeparator());
        assertThat(result.out()).isEmpty();
    }

    private static void assertUsageError(Result result, String message, String command) {
        assertThat(result.exitCode()).isEqualTo(2);
        List<String> lines = result.err().lines().toList();
        assertThat(lines.get(0)).isEqualTo(message);
        assertThat(result.err()).contains("Usage: analyzer " + command).doesNotContain("\tat ", "Exception");
        assertThat(result.out()).isEmpty();
    }
}
