package dev.evtrace.store;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;

/**
 * What the writers said of their work, from each one's {@code _meta/<writer>.properties}: how many events each
 * run published, and how many of each run and type the smart sampler left out ({@code tracer.sample.rate} below
 * 1), so that the analyzer can say what a run is missing. A writer writes its file at exit (and after a store
 * error); one that was killed wrote none, so its runs' totals are unknown.
 */
public final class WriterCounters {
    private static final String SAMPLED_OUT = "sampled_out.";
    private static final String PUBLISHED = "published.";
    private static final String SUFFIX = ".properties";

    private final Map<String, Map<String, Long>> sampledOutByRun;
    private final Map<String, Long> publishedByRun;

    private WriterCounters(Map<String, Map<String, Long>> sampledOutByRun, Map<String, Long> publishedByRun) {
        this.sampledOutByRun = sampledOutByRun;
        this.publishedByRun = publishedByRun;
    }

    /** The key under which a writer counts the events the program published in {@code run}. */
    public static String publishedKey(String run) {
        return PUBLISHED + run;
    }

    /** The events the program published in {@code run}, stored or not; empty when no writer reported the run. */
    public OptionalLong published(String run) {
        Long n = publishedByRun.get(run);
        return n == null ? OptionalLong.empty() : OptionalLong.of(n);
    }

    /** The key under which a writer counts the events of {@code run} and {@code type} it sampled out. */
    public static String sampledOutKey(String run, String type) {
        return SAMPLED_OUT + run + "." + type;
    }

    /** The events of {@code run} left out by the sampler, per type (by name); empty when none were. */
    public Map<String, Long> sampledOut(String run) {
        return Collections.unmodifiableMap(sampledOutByRun.getOrDefault(run, Map.of()));
    }

    /** @throws StoreException naming the file when a counters file cannot be read or holds a bad count */
    static WriterCounters read(StoreFiles fs, Path store) {
        Path meta = new Path(store, StoreLayout.META);
        Map<String, Map<String, Long>> sampledOut = new HashMap<>();
        Map<String, Long> published = new HashMap<>();
        try {
            if (!fs.exists(meta)) {
                return new WriterCounters(sampledOut, published);
            }
            for (FileStatus file : fs.list(meta)) {
                if (file.getPath().getName().endsWith(SUFFIX)) {
                    add(load(fs, file.getPath()), file.getPath(), sampledOut, published);
                }
            }
        } catch (IOException e) {
            throw new StoreException("cannot read " + meta + ": " + e.getMessage(), e);
        }
        return new WriterCounters(sampledOut, published);
    }

    private static Properties load(StoreFiles fs, Path file) throws IOException {
        Properties values = new Properties();
        try (InputStream in = fs.input(file).newStream()) {
            values.load(in);
        } catch (IllegalArgumentException e) {
            throw new StoreException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return values;
    }

    private static void add(Properties values, Path file, Map<String, Map<String, Long>> sampledOut,
                            Map<String, Long> published) {
        for (String key : values.stringPropertyNames()) {
            if (key.startsWith(PUBLISHED)) {
                published.merge(key.substring(PUBLISHED.length()), count(values, key, file), Long::sum);
                continue;
            }
            // The run's name may hold dots; the type is what follows the last one.
            int dot = key.lastIndexOf('.');
            if (key.startsWith(SAMPLED_OUT) && dot >= SAMPLED_OUT.length()) {
                sampledOut.computeIfAbsent(key.substring(SAMPLED_OUT.length(), dot), r -> new TreeMap<>())
                        .merge(key.substring(dot + 1), count(values, key, file), Long::sum);
            }
        }
    }

    private static long count(Properties values, String key, Path file) {
        try {
            return Long.parseLong(values.getProperty(key).trim());
        } catch (NumberFormatException e) {
            throw new StoreException("cannot read " + file + ": " + key + " is not a count: " + values.getProperty(key));
        }
    }
}
