package dev.evtrace.analyzer;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the analyzer in the test JVM and captures what it prints. */
public final class Cli {
    public record Result(int exitCode, String out, String err) {}

    private Cli() {}

    public static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = Analyzer.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(exitCode, out.toString(), err.toString());
    }
}
