package dev.evtrace.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;

/**
 * A k-way merge of files, each of which yields its rows in sequence order, into one sequence order: it holds one
 * row per open file, however long the run. Equal sequence numbers come in the files' order, so the result is the
 * stable sort of the files' rows one after the other.
 *
 * <p>A file is opened only once the merge reaches the lowest sequence number its footer gives: a long run has many
 * files of each type, one after the other, and only those that overlap need be open at once.
 */
final class SequenceMerge implements EventStream {
    /** A file not yet opened, or opened with {@code head} its next row; ordered by {@code key}, then by file. */
    private static final class Source {
        final FileRows rows;
        final int order;
        long key;
        TracedEvent head;

        Source(FileRows rows, int order, long firstSequence) {
            this.rows = rows;
            this.order = order;
            this.key = firstSequence;
        }
    }

    private final List<Source> all = new ArrayList<>();
    private final PriorityQueue<Source> queue = new PriorityQueue<>(
            Comparator.<Source>comparingLong(s -> s.key).thenComparingInt(s -> s.order));

    /**
     * @param files          in the order that breaks ties
     * @param firstSequences for each file, no more than the sequence number of its first row: from its footer,
     *                       or Long.MIN_VALUE when unknown, which opens it at once
     */
    SequenceMerge(List<FileRows> files, long[] firstSequences) {
        for (int i = 0; i < files.size(); i++) {
            Source source = new Source(files.get(i), i, firstSequences[i]);
            all.add(source);
            queue.add(source);
        }
    }

    @Override
    public boolean hasNext() {
        // A file is opened when it comes first: its first row may still sort after another file's head.
        while (!queue.isEmpty() && queue.peek().head == null) {
            Source source = queue.poll();
            advance(source);
        }
        return !queue.isEmpty();
    }

    @Override
    public TracedEvent next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Source source = queue.poll();
        TracedEvent event = source.head;
        advance(source);
        return event;
    }

    /** Moves {@code source} to its next row and back into the queue, or drops it at its end. */
    private void advance(Source source) {
        try {
            source.head = source.rows.next();
        } catch (StoreException e) {
            close();
            throw e;
        }
        if (source.head != null) {
            source.key = source.head.sequenceNumber();
            queue.add(source);
        }
    }

    @Override
    public void close() {
        queue.clear();
        all.forEach(source -> source.rows.close());
    }
}
