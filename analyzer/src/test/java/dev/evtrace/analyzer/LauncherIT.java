package dev.evtrace.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built launcher script (target/analyzer), run as a user runs it: a copy of it and of the jar in a
 * directory of their own, so each test sees its class data sharing archive appear, or not, from nothing.
 */
class LauncherIT {
    private static final String RUN = "backtest_20251124_160000_1a2b3c4d";

    @TempDir
    Path tmp;
    private Path launcher;
    private Path store;

    record Result(int exitCode, String out, String err) {}

    @BeforeEach
    void install() throws IOException {
        Path built = Path.of(System.getProperty("analyzer.launcher"));
        Path bin = Files.createDirectory(tmp.resolve("bin"));
        launcher = Files.copy(built, bin.resolve("analyzer"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.copy(built.resolveSibling("analyzer.jar"), bin.resolve("analyzer.jar"));
        store = tmp.resolve("events");
        new StoreFixture(store).pipeline(RUN, StoreFixture.T0, 30).write();
    }

    @Test
    void printsWhatTheJarPrintsAndKeepsAClassArchiveForTheRunsAfterTheFirst() throws Exception {
        Cli.Result inProcess = Cli.run("events", "--store", store.toString(), "--run", RUN);
        assertThat(inProcess.exitCode()).isZero();

        Result first = launch("events", "--store", store.toString(), "--run", RUN);
        assertThat(first).isEqualTo(new Result(0, inProcess.out(), ""));
        Path archive = onlyArchive();
        FileTime written = Files.getLastModifiedTime(archive);

        Result second = launch("events", "--store", store.toString(), "--run", RUN);
        assertThat(second).isEqualTo(first);
        assertThat(onlyArchive()).isEqualTo(archive);
        assertThat(Files.getLastModifiedTime(archive)).isEqualTo(written);
        try (Stream<Path> files = Files.list(launcher.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".partial"));
        }
    }

    @Test
    void keepsTheAnalyzersExitCodesAndOneLineErrorsAndNoArchiveOfAFailedRun() throws Exception {
        Result badUsage = launch("events", "--store", store.toString());
        assertThat(badUsage.exitCode()).isEqualTo(2);
        assertThat(badUsage.err()).startsWith("analyzer events: missing required option");

        Result badData = launch("events", "--store", tmp.resolve("nowhere").toString(), "--run", RUN);
        assertThat(badData).isEqualTo(new Result(1, "", "analyzer events: no store at " + tmp.resolve("nowhere") + "\n"));

        Result help = launch("help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).startsWith("Usage: analyzer");
        assertThat(archives()).isEmpty();
    }

    @Test
    void rewritesTheArchiveWhenTheJarIsNewerAndSaysNothingOfOneTheJvmRefuses() throws Exception {
        Result first = launch("runs", "--store", store.toString());
        assertThat(first.exitCode()).isZero();
        Path archive = onlyArchive();

        // Not an archive at all, and newer than the jar: the JVM refuses it, and must not say so on stdout.
        Files.writeString(archive, "not a class data sharing archive");
        Result refused = launch("runs", "--store", store.toString());
        assertThat(refused).isEqualTo(first);

        // A rebuilt jar: the archive is older than it, so this run writes a fresh one.
        Files.setLastModifiedTime(launcher.resolveSibling("analyzer.jar"), FileTime.from(Instant.now().plusSeconds(60)));
        Result rebuilt = launch("runs", "--store", store.toString());
        assertThat(rebuilt).isEqualTo(first);
        assertThat(Files.size(onlyArchive())).isGreaterThan(1_000_000);
    }

    @Test
    void saysClearlyWhenTheJarIsNotBesideIt() throws Exception {
        Files.delete(launcher.resolveSibling("analyzer.jar"));
        Result missing = launch("runs");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).startsWith("analyzer: ").contains("analyzer.jar not found");
    }

    private Result launch(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("EVTRACE_ANALYZER_OPTS");
        Path out = tmp.resolve("out.txt");
        Path err = tmp.resolve("err.txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the launcher ends").isTrue();
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private List<Path> archives() throws IOException {
        try (Stream<Path> files = Files.list(launcher.getParent())) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jsa")).toList();
        }
    }

    private Path onlyArchive() throws IOException {
        List<Path> archives = archives();
        assertThat(archives).hasSize(1);
        return archives.get(0);
    }
}
