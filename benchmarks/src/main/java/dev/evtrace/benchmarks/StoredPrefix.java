package dev.evtrace.benchmarks;

import java.util.Arrays;

/**
 * What a killed run left in the store, from the sequence numbers and creation times of its stored events: the
 * longest gap-free prefix 1..{@code prefix} (everything published up to then is there), the creation time of
 * its last event, and how many events lie beyond it (in files that were completed after a gap opened).
 *
 * @param stored          events stored
 * @param prefix          the highest sequence number n such that 1..n are all stored (0 if 1 is missing)
 * @param prefixCreatedAt the creation time, in epoch µs, of event {@code prefix} (0 when the prefix is empty)
 * @param firstCreatedAt  the creation time of event 1 (0 when absent)
 * @param beyondPrefix    stored events with a sequence number above {@code prefix}
 * @param duplicates      stored events whose sequence number another stored event has too (should be 0)
 */
record StoredPrefix(long stored, long prefix, long prefixCreatedAt, long firstCreatedAt, long beyondPrefix,
        long duplicates) {

    /** {@code sequence[i]} and {@code createdAt[i]} describe one stored event; the arrays are not modified. */
    static StoredPrefix of(long[] sequence, long[] createdAt) {
        Integer[] order = new Integer[sequence.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(sequence[a], sequence[b]));
        long prefix = 0;
        long prefixCreatedAt = 0;
        long firstCreatedAt = 0;
        int i = 0;
        while (i < order.length && sequence[order[i]] == prefix + 1) {
            prefix++;
            prefixCreatedAt = createdAt[order[i]];
            if (prefix == 1) {
                firstCreatedAt = prefixCreatedAt;
            }
            i++;
        }
        long duplicates = 0;
        for (int j = 1; j < order.length; j++) {
            if (sequence[order[j]] == sequence[order[j - 1]]) {
                duplicates++;
            }
        }
        return new StoredPrefix(sequence.length, prefix, prefixCreatedAt, firstCreatedAt, sequence.length - i,
                duplicates);
    }

    /** Events published per second over the prefix, the rate at which the tail was lost; NaN when unknown. */
    double eventsPerSecond() {
        long span = prefixCreatedAt - firstCreatedAt;
        return prefix < 2 || span <= 0 ? Double.NaN : (prefix - 1) * 1e6 / span;
    }
}
