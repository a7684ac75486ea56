package dev.evtrace.benchmarks.process;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the harness reads from the sample's output and from the tracer's exit line. */
public final class SampleOutput {
    private static final Pattern ELAPSED = Pattern.compile("(?m)^elapsed: ([0-9.]+) s$");
    private static final Pattern PUBLISHED = Pattern.compile("(?m)^events published: (\\d+)$");
    private static final Pattern EXIT_LINE = Pattern.compile(
            "(?m)^tracer: (\\d+) events written to .*, (\\d+) dropped, (\\d+) ms waiting for buffer space(?:, .*)?$");
    private static final Pattern MAIN_ENTERED = Pattern.compile("(?m)^" + Pattern.quote(TimeToMain.PREFIX) + "(\\d+)$");

    private SampleOutput() {}

    /** The tracer's exit line: {@code tracer: N events written to …, D dropped, W ms waiting for buffer space}. */
    public record ExitLine(long written, long dropped, long waitingMillis) {}

    /** The backtest's own timing, from its {@code elapsed: X s} line on stderr. */
    public static double elapsedSeconds(String stderr) {
        return Double.parseDouble(find(ELAPSED, stderr, "an 'elapsed: X s' line on the sample's stderr").group(1));
    }

    /**
     * The last {@code events published: N} line of the sample's results block: the only one for a single
     * backtest, the sweep's total after each run's own in {@code --mode parallel} and {@code sequential}.
     */
    public static long eventsPublished(String stdout) {
        Matcher m = find(PUBLISHED, stdout, "an 'events published: N' line on the sample's stdout");
        long last = Long.parseLong(m.group(1));
        while (m.find()) {
            last = Long.parseLong(m.group(1));
        }
        return last;
    }

    public static ExitLine exitLine(String stderr) {
        Matcher m = find(EXIT_LINE, stderr, "the tracer's 'tracer: N events written to' line on stderr");
        return new ExitLine(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)));
    }

    /** What {@link TimeToMain} printed: when its main was entered, in epoch microseconds. */
    public static long mainEnteredMicros(String stdout) {
        return Long.parseLong(find(MAIN_ENTERED, stdout, "the probe's '" + TimeToMain.PREFIX + "' line").group(1));
    }

    private static Matcher find(Pattern pattern, String text, String what) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("expected " + what + ", got:\n" + text);
        }
        return m;
    }
}
