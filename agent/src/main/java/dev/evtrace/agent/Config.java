package dev.evtrace.agent;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The agent's settings, read once at start. Precedence, highest first: agent arguments
 * ({@code -javaagent:tracer.jar=key=value,...}), {@code -Dtracer.*} system properties, {@code TRACER_*}
 * environment variables, then the properties file named by {@code tracer.config}.
 */
public record Config(
        boolean enabled,
        String store,
        List<MethodSpec> publish,
        List<MethodSpec> handlers,
        List<MethodSpec> runs,
        List<String> callers,
        String eventType,
        String eventClass,
        String eventTimestamp,
        String correlationId,
        int bufferSize,
        boolean dropWhenFull,
        Set<String> critical,
        boolean deliveries,
        boolean sharedDeliveryClock,
        boolean executors,
        long rollEvents,
        long rollMillis,
        boolean journal,
        double sampleRate,
        int sampleContext,
        PayloadMode payload,
        boolean writerC2,
        List<String> warnings) {

    public enum PayloadMode { NONE, FIELDS, TOSTRING }

    static final Set<String> KEYS = Set.of("tracer.enabled", "tracer.store", "tracer.publish", "tracer.handlers",
            "tracer.run", "tracer.preset", "tracer.callers", "tracer.event.type", "tracer.event.class",
            "tracer.event.timestamp", "tracer.correlation.id", "tracer.buffer.size", "tracer.overflow",
            "tracer.critical", "tracer.deliveries", "tracer.deliveries.clock", "tracer.executors",
            "tracer.store.roll.events", "tracer.store.roll.seconds", "tracer.store.journal", "tracer.payload",
            "tracer.sample.rate", "tracer.sample.context", "tracer.writer.c2", "tracer.config");
    static final String DEFAULT_CRITICAL = "SIGNAL,ORDER,FILL,RISK_BREACH,PORTFOLIO";

    public static Config load(String agentArgs, Map<String, String> sysProps, Map<String, String> env)
            throws ConfigException {
        Map<String, String> settings = new LinkedHashMap<>();
        Map<String, String> args = parseAgentArgs(agentArgs);
        Map<String, String> envSettings = fromEnvironment(env);
        String file = firstOf("tracer.config", args, sysProps, envSettings);
        if (file != null) {
            settings.putAll(readFile(file));
        }
        settings.putAll(envSettings);
        for (Map.Entry<String, String> p : sysProps.entrySet()) {
            if (p.getKey().startsWith("tracer.")) {
                settings.put(p.getKey(), p.getValue());
            }
        }
        settings.putAll(args);
        return from(settings);
    }

    static Config from(Map<String, String> s) throws ConfigException {
        List<String> warnings = new ArrayList<>();
        for (String key : s.keySet()) {
            if (!KEYS.contains(key)) {
                warnings.add("unknown setting " + key + " ignored (known: " + String.join(", ", new java.util.TreeSet<>(KEYS)) + ")");
            }
        }
        boolean enabled = bool(s, "tracer.enabled", true);
        List<MethodSpec> publish = new ArrayList<>(MethodSpec.parseList("tracer.publish", s.getOrDefault("tracer.publish", "")));
        List<MethodSpec> handlers = new ArrayList<>(MethodSpec.parseList("tracer.handlers", s.getOrDefault("tracer.handlers", "")));
        for (String preset : list(s, "tracer.preset", "")) {
            Preset p = Preset.named(preset);
            publish.addAll(p.publish());
            handlers.addAll(p.handlers());
        }
        if (enabled && publish.isEmpty()) {
            throw new ConfigException("tracer.publish is not set: name the bus's publish method as Type#method");
        }
        List<String> callers = list(s, "tracer.callers", "");
        MethodSpec jdkCall = firstJdkCall(publish);
        if (jdkCall != null && callers.isEmpty()) {
            throw new ConfigException("tracer.publish names a JDK method (" + jdkCall
                    + "): set tracer.callers to the program's packages that call it, e.g. com.acme.**");
        }
        if (jdkCall != null && s.getOrDefault("tracer.event.class", "").isBlank()) {
            throw new ConfigException("tracer.publish names a JDK method: set tracer.event.class to the program's event"
                    + " base type, so that only events (not every object the program queues) are traced");
        }
        String overflow = s.getOrDefault("tracer.overflow", "block").trim().toLowerCase(Locale.ROOT);
        if (!overflow.equals("block") && !overflow.equals("drop")) {
            throw new ConfigException("bad setting tracer.overflow=" + s.get("tracer.overflow") + ": must be block or drop");
        }
        String deliveryClock = s.getOrDefault("tracer.deliveries.clock", "shared").trim().toLowerCase(Locale.ROOT);
        if (!deliveryClock.equals("shared") && !deliveryClock.equals("own")) {
            throw new ConfigException("bad setting tracer.deliveries.clock=" + s.get("tracer.deliveries.clock")
                    + ": must be shared or own");
        }
        return new Config(
                enabled,
                nonEmpty(s, "tracer.store", "./events"),
                List.copyOf(publish),
                List.copyOf(handlers),
                MethodSpec.parseList("tracer.run", s.getOrDefault("tracer.run", "")),
                callers,
                s.getOrDefault("tracer.event.type", "").trim(),
                s.getOrDefault("tracer.event.class", "").trim(),
                s.getOrDefault("tracer.event.timestamp", "").trim(),
                s.getOrDefault("tracer.correlation.id", "").trim(),
                (int) number(s, "tracer.buffer.size", 65_536, 1_024, 1 << 24, true),
                overflow.equals("drop"),
                Set.copyOf(list(s, "tracer.critical", DEFAULT_CRITICAL)),
                bool(s, "tracer.deliveries", true),
                deliveryClock.equals("shared"),
                bool(s, "tracer.executors", true),
                number(s, "tracer.store.roll.events", 1_000_000, 1, Long.MAX_VALUE, false),
                rollMillis(s),
                bool(s, "tracer.store.journal", true),
                rate(s),
                (int) number(s, "tracer.sample.context", 5, 0, 1_000, false),
                payload(s),
                bool(s, "tracer.writer.c2", false),
                List.copyOf(warnings));
    }

    private static MethodSpec firstJdkCall(List<MethodSpec> specs) {
        for (MethodSpec spec : specs) {
            if (spec.isJdkCall()) {
                return spec;
            }
        }
        return null;
    }

    private static List<String> list(Map<String, String> s, String key, String dflt) {
        List<String> out = new ArrayList<>();
        for (String part : s.getOrDefault(key, dflt).split(",")) {
            if (!part.isBlank()) {
                out.add(part.trim());
            }
        }
        return out;
    }

    static Map<String, String> parseAgentArgs(String agentArgs) throws ConfigException {
        Map<String, String> out = new LinkedHashMap<>();
        if (agentArgs == null || agentArgs.isBlank()) {
            return out;
        }
        String lastKey = null;
        for (String part : agentArgs.split(",")) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                // A comma inside a list value (tracer.handlers=A#on,B#on): it continues the previous value.
                if (lastKey == null) {
                    throw new ConfigException("bad agent argument '" + part + "': expected key=value");
                }
                out.put(lastKey, out.get(lastKey) + "," + part);
                continue;
            }
            String key = part.substring(0, eq).trim();
            lastKey = key.startsWith("tracer.") ? key : "tracer." + key;
            out.put(lastKey, part.substring(eq + 1));
        }
        return out;
    }

    static Map<String, String> fromEnvironment(Map<String, String> env) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : env.entrySet()) {
            if (e.getKey().startsWith("TRACER_")) {
                out.put(e.getKey().toLowerCase(Locale.ROOT).replace('_', '.'), e.getValue());
            }
        }
        return out;
    }

    private static String firstOf(String key, Map<String, String> a, Map<String, String> b, Map<String, String> c) {
        return a.containsKey(key) ? a.get(key) : b.containsKey(key) ? b.get(key) : c.get(key);
    }

    private static Map<String, String> readFile(String file) throws ConfigException {
        Properties props = new Properties();
        // java.io rather than java.nio.file: premain reads this before main, and a JVM's first NIO file channel
        // costs it 5 to 7 ms. UTF-8, and malformed input refused, as Files.newBufferedReader would.
        try (Reader reader = new InputStreamReader(new FileInputStream(file), StandardCharsets.UTF_8.newDecoder())) {
            props.load(reader);
        } catch (IOException | RuntimeException e) {
            throw new ConfigException("cannot read tracer.config=" + file + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String k : props.stringPropertyNames()) {
            out.put(k, props.getProperty(k).trim());
        }
        return out;
    }

    private static boolean bool(Map<String, String> s, String key, boolean dflt) throws ConfigException {
        String v = s.get(key);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        return switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ConfigException("bad setting " + key + "=" + v + ": must be true or false");
        };
    }

    private static String nonEmpty(Map<String, String> s, String key, String dflt) {
        String v = s.get(key);
        return v == null || v.isBlank() ? dflt : v.trim();
    }

    private static long number(Map<String, String> s, String key, long dflt, long min, long max, boolean powerOfTwo)
            throws ConfigException {
        String v = s.get(key);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        long n;
        try {
            n = Long.parseLong(v.trim().replace("_", ""));
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < min || n > max || (powerOfTwo && Long.bitCount(n) != 1)) {
            throw new ConfigException("bad setting " + key + "=" + v + ": must be "
                    + (powerOfTwo ? "a power of two " : "a whole number ") + "between " + min + " and " + max);
        }
        return n;
    }

    /**
     * The roll interval: the setting, else 5 s for a writer whose journal keeps what a kill would lose (the
     * interval then only says how soon readers see rows: 1 s made 2.6 times as many files, 2% more bytes on
     * disk), else 1 s, which bounds what a kill loses.
     */
    public long rollMillis(boolean journaled) {
        return rollMillis > 0 ? rollMillis : journaled ? 5_000 : 1_000;
    }

    /** Seconds, fractions allowed; 0 when unset (see {@link #rollMillis(boolean)}). */
    private static long rollMillis(Map<String, String> s) throws ConfigException {
        if (!s.containsKey("tracer.store.roll.seconds")) {
            return 0;
        }
        String v = s.get("tracer.store.roll.seconds").trim();
        double seconds = decimal(v);
        if (!(seconds >= 0.1 && seconds <= 86_400)) {
            throw new ConfigException("bad setting tracer.store.roll.seconds=" + v
                    + ": must be a number of seconds between 0.1 and 86400");
        }
        return Math.round(seconds * 1_000);
    }

    private static double rate(Map<String, String> s) throws ConfigException {
        String v = s.getOrDefault("tracer.sample.rate", "1").trim();
        double rate = decimal(v);
        if (!(rate > 0 && rate <= 1)) {
            throw new ConfigException("bad setting tracer.sample.rate=" + v + ": must be a number greater than 0 and at most 1");
        }
        return rate;
    }

    /** The number {@code v} says, or NaN, which fails every range check. */
    private static double decimal(String v) {
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static PayloadMode payload(Map<String, String> s) throws ConfigException {
        String v = s.getOrDefault("tracer.payload", "fields").trim();
        try {
            return PayloadMode.valueOf(v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("bad setting tracer.payload=" + v + ": must be none, fields or tostring");
        }
    }
}
