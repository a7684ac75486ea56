package dev.evtrace.store;

import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.PrimitiveComparator;

/**
 * What a file's footer says of one of its row groups: where it is, how many rows, and the bounds of the columns
 * queries select on. A bound the footer lacks is null, or the widest range for ids and times, so a group
 * without statistics is always read.
 *
 * @param start       the file offset of the group's first column chunk
 * @param length      the group's compressed bytes: with {@code start}, the range that selects it alone
 * @param runs        bounds of correlation_id
 * @param types       bounds of event_type
 * @param maxProcessed the latest processed_at, or ABSENT when no event of the group was processed, or null when
 *                     the footer does not say
 * @param minSequence the lowest sequence_number, or null when the footer does not say
 */
record RowGroupStats(long rows, long start, long length, Bounds runs, Bounds types, long minId, long maxId,
                     long minTimestamp, long maxTimestamp, Long minCreated, Long maxCreated, Long maxProcessed,
                     Long minSequence) {

    /** The min and max of a string column, compared as Parquet orders UTF-8 (unsigned bytes). */
    record Bounds(Binary min, Binary max) {
        private static final PrimitiveComparator<Binary> ORDER = PrimitiveComparator.UNSIGNED_LEXICOGRAPHICAL_BINARY_COMPARATOR;

        boolean mayHold(String value) {
            Binary v = Binary.fromString(value);
            return ORDER.compare(min, v) <= 0 && ORDER.compare(v, max) <= 0;
        }

        boolean single() {
            return min.equals(max);
        }
    }

    /** False only when the statistics prove that no row of the group matches the query. */
    boolean mayMatch(EventQuery query) {
        if (query.run() != null && runs != null && !runs.mayHold(query.run())) {
            return false;
        }
        if (!query.types().isEmpty() && types != null && query.types().stream().noneMatch(types::mayHold)) {
            return false;
        }
        return query.minId() <= maxId && minId <= query.maxId()
                && query.from() <= maxTimestamp && minTimestamp <= query.to();
    }

    /** True when the statistics prove that every row of the group matches the query: no row need be tested. */
    boolean allMatch(EventQuery query) {
        boolean run = query.run() == null || (runs != null && runs.single() && runs.mayHold(query.run()));
        boolean type = query.types().isEmpty() || (types != null && types.single() && query.types().stream().anyMatch(types::mayHold));
        return run && type && query.minId() <= minId && maxId <= query.maxId()
                && query.from() <= minTimestamp && maxTimestamp <= query.to();
    }

    /** The group summed up from its statistics, or null when it may hold several runs or types, or lacks a bound. */
    RowGroupSummary summary() {
        if (runs == null || !runs.single() || types == null || !types.single() || minCreated == null
                || maxProcessed == null || minSequence == null) {
            return null;
        }
        return new RowGroupSummary(runs.min().toStringUsingUTF8(), types.min().toStringUsingUTF8(), rows, minCreated,
                maxCreated, maxProcessed, minSequence);
    }
}
