package dev.evtrace.benchmarks.process;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The heap as a {@code -Xlog:gc} log saw it: the most left live after any collection (the run's live-set
 * high-water mark, at the collections' granularity) and the most committed. Both in bytes, -1 with no collection.
 */
public record GcLog(long maxAfterGc, long maxCommitted) {
    /** {@code 25M->4M(256M)} in lines like {@code GC(3) Pause Young (Normal) (G1 Evacuation Pause) 25M->4M(256M) 2.1ms}. */
    private static final Pattern HEAP = Pattern.compile("\\d+[KMG]->(\\d+)([KMG])\\((\\d+)([KMG])\\)");

    /** The JVM option that writes the log {@link #parse} reads. */
    public static String option(java.nio.file.Path file) {
        return "-Xlog:gc:file=" + file;
    }

    public static GcLog parse(String log) {
        long after = -1;
        long committed = -1;
        Matcher m = HEAP.matcher(log);
        while (m.find()) {
            after = Math.max(after, bytes(m.group(1), m.group(2)));
            committed = Math.max(committed, bytes(m.group(3), m.group(4)));
        }
        return new GcLog(after, committed);
    }

    private static long bytes(String n, String unit) {
        long shift = switch (unit) {
            case "K" -> 10;
            case "M" -> 20;
            default -> 30;
        };
        return Long.parseLong(n) << shift;
    }
}
