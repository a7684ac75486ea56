package dev.evtrace.benchmarks.process;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The jars and settings a harness runs the traced sample with: options shared by the harnesses (a picocli mixin). */
public final class SampleJars {
    @Option(names = "--tracer-jar", defaultValue = "agent/target/tracer.jar", description = "default: ${DEFAULT-VALUE}")
    Path tracerJar;

    @Option(names = "--samples-jar", defaultValue = "samples/target/samples.jar", description = "default: ${DEFAULT-VALUE}")
    Path samplesJar;

    @Option(names = "--tracer-config", defaultValue = "samples/tracer.properties", description = "default: ${DEFAULT-VALUE}")
    Path tracerConfig;

    public Path tracerJar() {
        return existing(tracerJar, "tracer.jar");
    }

    public Path samplesJar() {
        return existing(samplesJar, "samples.jar");
    }

    public Path tracerConfig() {
        return existing(tracerConfig, "the tracer config");
    }

    /** {@code path}, absolute, if it is a file; else what it should have been and how to build it. */
    public static Path existing(Path path, String what) {
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("no " + what + " at " + path.toAbsolutePath()
                    + " (build with mvn -B -q package -DskipTests, or name it with its option)");
        }
        return path.toAbsolutePath();
    }
}
