package dev.evtrace.store.sampling;

import java.util.Set;

/**
 * How a {@link SmartSampler} samples.
 *
 * @param rate          the base share of ordinary events kept, greater than 0 and at most 1 (1 keeps everything)
 * @param criticalTypes event types always kept, with their context
 * @param context       how many events before and after each critical event are kept with it
 * @param window        how many events on each side of an ordinary event its activity is measured over
 * @param seed          the seed of the random choices: the same stream and options give the same sample
 */
public record SamplingOptions(double rate, Set<String> criticalTypes, int context, int window, long seed) {
    public static final Set<String> DEFAULT_CRITICAL_TYPES = Set.of("SIGNAL", "ORDER", "FILL", "RISK_BREACH", "PORTFOLIO");
    public static final int DEFAULT_CONTEXT = 5;
    public static final int DEFAULT_WINDOW = 10;

    public SamplingOptions {
        if (!(rate > 0 && rate <= 1)) {
            throw new IllegalArgumentException("sampling rate must be greater than 0 and at most 1, was " + rate);
        }
        if (context < 0) {
            throw new IllegalArgumentException("sampling context must be at least 0 events, was " + context);
        }
        if (window < 0) {
            throw new IllegalArgumentException("sampling window must be at least 0 events, was " + window);
        }
        criticalTypes = Set.copyOf(criticalTypes);
    }

    /** The default critical types, context and window, seed 0, at the given rate. */
    public static SamplingOptions atRate(double rate) {
        return new SamplingOptions(rate, DEFAULT_CRITICAL_TYPES, DEFAULT_CONTEXT, DEFAULT_WINDOW, 0);
    }

    public SamplingOptions withCriticalTypes(Set<String> types) {
        return new SamplingOptions(rate, types, context, window, seed);
    }

    public SamplingOptions withContext(int events) {
        return new SamplingOptions(rate, criticalTypes, events, window, seed);
    }

    public SamplingOptions withWindow(int events) {
        return new SamplingOptions(rate, criticalTypes, context, events, seed);
    }

    public SamplingOptions withSeed(long randomSeed) {
        return new SamplingOptions(rate, criticalTypes, context, window, randomSeed);
    }
}
