package dev.evtrace.benchmarks.process;

import picocli.CommandLine;

/** A harness's {@code main}: picocli runs it, and what makes it fail is one line named after it, then exit 1. */
public final class Harness {
    private Harness() {}

    public static void main(String name, Object command, String[] args) {
        CommandLine cli = new CommandLine(command).setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println(name + ": " + e.getMessage());
            return 1;
        });
        System.exit(cli.execute(args));
    }
}
