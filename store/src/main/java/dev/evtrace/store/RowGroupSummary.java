package dev.evtrace.store;

/**
 * What a Parquet footer says of one row group of events, read without decoding a row: its run and type
 * (when the group holds only one of each), how many events, and the extremes of their times.
 *
 * @param maxProcessed the latest processed_at, or ABSENT when no event of the group was processed
 */
public record RowGroupSummary(String run, String type, long events, long minCreated, long maxCreated,
                              long maxProcessed, long minSequence) {}
