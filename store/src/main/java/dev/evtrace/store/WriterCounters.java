package dev.evtrace.store;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;

/**
 * What the writers said of their work, from each one's {@code _meta/<writer>.properties}: here, how many events
 * of each run and type the smart sampler left out ({@code tracer.sample.rate} below 1), so that the analyzer
 * can say what a sampled run is missing. A writer writes its file at exit; one that was killed wrote none.
 */
public final class WriterCounters {
    private static final String SAMPLED_OUT = "sampled_out.";
    private static final String SUFFIX = ".properties";

    private final Map<String, Map<String, Long>> sampledOutByRun;

    private WriterCounters(Map<String, Map<String, Long>> sampledOutByRun) {
        this.sampledOutByRun = sampledOutByRun;
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
        try {
            if (!fs.exists(meta)) {
                return new WriterCounters(sampledOut);
            }
            for (FileStatus file : fs.list(meta)) {
                if (file.getPath().getName().endsWith(SUFFIX)) {
                    addSampledOut(load(fs, file.getPath()), file.getPath(), sampledOut);
                }
            }
        } catch (IOException e) {
            throw new StoreException("cannot read " + meta + ": " + e.getMessage(), e);
        }
        return new WriterCounters(sampledOut);
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

    private static void addSampledOut(Properties values, Path file, Map<String, Map<String, Long>> sampledOut) {
        for (String key : values.stringPropertyNames()) {
            // The run's name may hold dots; the type is what follows the last one.
            int dot = key.lastIndexOf('.');
            if (!key.startsWith(SAMPLED_OUT) || dot < SAMPLED_OUT.length()) {
                continue;
            }
            String run = key.substring(SAMPLED_OUT.length(), dot);
            String type = key.substring(dot + 1);
            long count;
            try {
                count = Long.parseLong(values.getProperty(key).trim());
            } catch (NumberFormatException e) {
                throw new StoreException("cannot read " + file + ": " + key + " is not a count: " + values.getProperty(key));
            }
            sampledOut.computeIfAbsent(run, r -> new TreeMap<>()).merge(type, count, Long::sum);
        }
    }
}
