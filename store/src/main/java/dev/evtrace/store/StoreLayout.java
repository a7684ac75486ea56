package dev.evtrace.store;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where files go: {@code <store>/events/date=YYYY-MM-DD/type=EVENT_TYPE/part-<writer>-<n>.parquet}, the Hive
 * layout DuckDB, Spark and pyarrow read as partition columns. Each dataset of the store has a directory of
 * its own, so a reader's {@code events/**}{@code /*.parquet} glob only ever meets one schema.
 */
public final class StoreLayout {
    public static final String EVENTS = "events";
    public static final String DELIVERIES = "deliveries";
    /** Writers' own counters, one properties file per writer: not a dataset, so '_' keeps engines out. */
    public static final String META = "_meta";
    public static final String DATE = "date";
    public static final String TYPE = "type";
    public static final String SUFFIX = ".parquet";
    /** Files being written start with '_' and end with '.inprogress': Spark, Hive and *.parquet globs skip them. */
    public static final String IN_PROGRESS_PREFIX = "_";
    public static final String IN_PROGRESS_SUFFIX = ".inprogress";

    // Anchored at the end: a writer id is host-pid-random with a hex random, so only the tag can match here.
    private static final Pattern TAGGED = Pattern.compile("-run([0-9a-f]{8})-\\d+\\" + SUFFIX + "$");

    private StoreLayout() {}

    public static String partitionDir(LocalDate date, String eventType) {
        return DATE + "=" + date + "/" + TYPE + "=" + escape(eventType);
    }

    public static String fileName(String writerId, String runTag, long fileNumber) {
        return String.format("part-%s-run%s-%05d%s", writerId, runTag, fileNumber, SUFFIX);
    }

    /**
     * A short tag of a run for the names of its files (every file holds one run), so that a reader looking for
     * one run skips the others' files without reading their footers: eight hex digits of the run name's
     * {@link String#hashCode}, which the language fixes. Two runs may share a tag; their footers then decide.
     */
    public static String runTag(String run) {
        return String.format("%08x", run.hashCode());
    }

    /** The run tag in a data file's name, or null for a file named without one (older writers, other tools). */
    public static String runTagOf(String fileName) {
        Matcher m = TAGGED.matcher(fileName);
        return m.find() ? m.group(1) : null;
    }

    public static String inProgressName(String finalName) {
        return IN_PROGRESS_PREFIX + finalName + IN_PROGRESS_SUFFIX;
    }

    public static boolean isDataFile(String name) {
        return name.endsWith(SUFFIX) && !name.startsWith(IN_PROGRESS_PREFIX) && !name.startsWith(".");
    }

    /**
     * Hive-style escaping of a partition value: every byte outside [A-Za-z0-9._-] becomes %XX, so a type
     * such as "../x" or "a/b" stays one directory level inside the store.
     */
    public static String escape(String value) {
        if (value.isEmpty()) {
            return "__EMPTY__";
        }
        StringBuilder sb = new StringBuilder(value.length());
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '-' || (c == '.' && !value.chars().allMatch(ch -> ch == '.'));
            if (plain) {
                sb.append(c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return sb.toString();
    }

    public static String unescape(String value) {
        if (value.equals("__EMPTY__")) {
            return "";
        }
        if (value.indexOf('%') < 0) {
            return value;
        }
        byte[] out = new byte[value.length()];
        int n = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%' && i + 2 < value.length()) {
                out[n++] = (byte) Integer.parseInt(value.substring(i + 1, i + 3), 16);
                i += 2;
            } else {
                out[n++] = (byte) c;
            }
        }
        return new String(out, 0, n, StandardCharsets.UTF_8);
    }

    /** The value of {@code key=value} in a directory name, if the name is that partition. */
    public static Optional<String> partitionValue(String dirName, String key) {
        String prefix = key + "=";
        return dirName.startsWith(prefix) ? Optional.of(unescape(dirName.substring(prefix.length()))) : Optional.empty();
    }
}
