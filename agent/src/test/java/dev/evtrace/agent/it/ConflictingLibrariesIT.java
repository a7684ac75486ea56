package dev.evtrace.agent.it;

import com.acme.programs.ProgramWithItsOwnLibraries;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evtrace.store.EventDatasetReader;
import dev.evtrace.store.EventQuery;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent's relocated copies of Byte Buddy, Parquet, Avro and slf4j never meet the program's own. */
class ConflictingLibrariesIT {
    private static final Path LIBS = Path.of(System.getProperty("conflicting.libs", "target/conflicting-libs"));

    @TempDir
    Path work;

    @Test
    void aProgramWithOtherVersionsOfTheAgentsLibrariesRunsTracedAndUnchanged() throws Exception {
        List<String> classPath = new ArrayList<>();
        classPath.add(JavaProcess.SAMPLES_JAR.toAbsolutePath().toString());
        classPath.add(Path.of(ProgramWithItsOwnLibraries.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        try (Stream<Path> jars = Files.list(LIBS)) {
            jars.map(Path::toString).sorted().forEach(classPath::add);
        }
        List<String> program = List.of("-cp", String.join(File.pathSeparator, classPath),
                ProgramWithItsOwnLibraries.class.getName(), "--symbols", "4", "--bars", "800");
        Path store = work.resolve("events");

        JavaProcess untraced = JavaProcess.runMain(List.of(), program, work);
        JavaProcess traced = JavaProcess.runMain(List.of("-javaagent:" + JavaProcess.TRACER_JAR.toAbsolutePath(),
                "-Dtracer.config=" + JavaProcess.SAMPLES_PROPERTIES.toAbsolutePath(), "-Dtracer.store=" + store), program, work);

        assertThat(untraced.exitCode()).as(untraced.stderr()).isZero();
        assertThat(untraced.stdout()).contains("program libraries: byte-buddy-1.14.12.jar avro-1.11.4.jar "
                + "parquet-column-1.13.1.jar slf4j-api-2.0.16.jar");
        assertThat(traced.exitCode()).as(traced.stderr()).isZero();
        assertThat(traced.stdout()).isEqualTo(untraced.stdout());
        assertThat(new EventDatasetReader(store.toString()).read(EventQuery.all())).hasSize((int) untraced.eventsPublished());
    }
}
