package dev.evtrace.agent.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a real JVM (the sample backtest, with or without tracer.jar) and keeps what it printed. */
record JavaProcess(int exitCode, String stdout, String stderr) {
    static final Path TRACER_JAR = Path.of(System.getProperty("tracer.jar", "target/tracer.jar"));
    static final Path SAMPLES_JAR = Path.of(System.getProperty("samples.jar", "../samples/target/samples.jar"));
    static final Path SAMPLES_PROPERTIES = Path.of(System.getProperty("samples.properties", "../samples/tracer.properties"));

    static JavaProcess run(List<String> jvmOptions, List<String> programArgs, Path workDir) throws IOException, InterruptedException {
        List<String> program = new ArrayList<>();
        program.add("-jar");
        program.add(SAMPLES_JAR.toAbsolutePath().toString());
        program.addAll(programArgs);
        return runMain(jvmOptions, program, workDir);
    }

    /** Runs {@code java <jvmOptions> <program>}, the program being -jar or -cp with a main class and its arguments. */
    static JavaProcess runMain(List<String> jvmOptions, List<String> program, Path workDir) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(program);
        Path out = Files.createTempFile(workDir, "stdout", ".txt");
        Path err = Files.createTempFile(workDir, "stderr", ".txt");
        Process process = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("timed out: " + command);
        }
        return new JavaProcess(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    static JavaProcess untraced(List<String> programArgs, Path workDir) throws IOException, InterruptedException {
        return run(List.of(), programArgs, workDir);
    }

    static JavaProcess traced(List<String> agentOptions, List<String> programArgs, Path workDir)
            throws IOException, InterruptedException {
        List<String> options = new ArrayList<>();
        options.add("-javaagent:" + TRACER_JAR.toAbsolutePath());
        options.add("-Dtracer.config=" + SAMPLES_PROPERTIES.toAbsolutePath());
        options.addAll(agentOptions);
        return run(options, programArgs, workDir);
    }

    /** The sample's own count of events, from its results block. */
    long eventsPublished() {
        return stdout.lines().filter(l -> l.startsWith("events published: ")).findFirst()
                .map(l -> Long.parseLong(l.substring("events published: ".length()).trim()))
                .orElseThrow(() -> new AssertionError("no 'events published' line in:\n" + stdout));
    }

    /** The agent's own lines on stderr, without the program's. */
    List<String> tracerLines() {
        return stderr.lines().filter(l -> l.startsWith("tracer:")).toList();
    }
}
