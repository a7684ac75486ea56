package dev.evtrace.agent.writer;

import dev.evtrace.store.Delivery;
import dev.evtrace.store.EventDatasetWriter;
import dev.evtrace.store.TracedEvent;
import dev.evtrace.store.journal.Journal;
import dev.evtrace.store.journal.JournalRecovery;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The writer thread's side of tracer.store.journal: every row goes to the journal before it goes to the open
 * files, and the journal is emptied whenever every open file is complete, so a kill -9 loses only what was still
 * in the ring. At start it also recovers, on a thread of its own, what tracers killed earlier left in the store.
 * A journal that cannot be created or written is dropped with one line on stderr; the store goes on without it.
 */
final class WriterJournal {
    /**
     * The journal's bound: what the mapped file takes on disk and in the page cache. Just under a power of two,
     * as the file doubles when full (4, 8, … 128 MiB). Reaching it completes every open file, as a roll does:
     * the reference sample journaled 15 to 25 MB a second (a third less since a delivery of the same event as the
     * one before takes 12 bytes, not 46), so a bound of 60 MiB completed its files every 2.5 s or so whatever the
     * 5 s roll, and a parallel sweep's bursts every few hundred milliseconds.
     */
    static final long MAX_BYTES = 124L << 20;

    private final PrintStream stderr;
    private final long maxBytes;
    private Journal journal;
    private Thread recovery;

    private WriterJournal(PrintStream stderr, long maxBytes) {
        this.stderr = stderr;
        this.maxBytes = maxBytes;
    }

    /** The journal of writer {@code writerId}; one that does nothing for a store off the local file system. */
    static WriterJournal open(String store, String writerId, PrintStream stderr) {
        return open(store, writerId, stderr, MAX_BYTES);
    }

    /** The same, emptied past {@code maxBytes}. */
    static WriterJournal open(String store, String writerId, PrintStream stderr, long maxBytes) {
        WriterJournal journal = new WriterJournal(stderr, maxBytes);
        Optional<Path> dir = JournalRecovery.journalDir(store);
        if (dir.isPresent()) {
            journal.startRecovery(store, dir.get());
            journal.create(dir.get(), writerId);
        }
        return journal;
    }

    /** Whether rows are journaled: a journal was created and has not failed. */
    boolean active() {
        return journal != null;
    }

    /** A writer without a journal (tracer.store.journal=false). */
    static WriterJournal none(PrintStream stderr) {
        return new WriterJournal(stderr, MAX_BYTES);
    }

    /**
     * Recovers what killed tracers left in the store's journals, on a thread of its own so that the program
     * never waits for it; a recovery cut short by this program's exit is finished by the next.
     */
    private void startRecovery(String store, Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        recovery = new Thread(() -> {
            try {
                JournalRecovery.Result r = JournalRecovery.recover(store);
                if (r.recovered() > 0) {
                    stderr.println("tracer: recovered " + r.events() + " events and " + r.deliveries()
                            + " deliveries that " + r.recovered() + " killed tracer(s) left in " + dir);
                }
            } catch (IOException | RuntimeException | LinkageError e) {
                stderr.println("tracer: cannot recover the journals in " + dir + " (" + e + "); analyzer recover retries");
            }
        }, "tracer-recovery");
        recovery.setDaemon(true);
        recovery.start();
    }

    private void create(Path dir, String writerId) {
        try {
            journal = Journal.create(dir, writerId);
        } catch (IOException | RuntimeException | LinkageError e) {
            // LinkageError: a runtime without jdk.unsupported, whose sun.misc.Unsafe the journal stores with.
            stderr.println("tracer: cannot create the journal in " + dir + " (" + e + "): tracing without it");
        }
    }

    void append(TracedEvent event) {
        if (journal != null) {
            try {
                journal.append(event);
            } catch (IOException | RuntimeException e) {
                drop(e);
            }
        }
    }

    void append(Delivery delivery) {
        if (journal != null) {
            try {
                journal.append(delivery);
            } catch (IOException | RuntimeException e) {
                drop(e);
            }
        }
    }

    /**
     * After a batch of rows went to the files: a journal past its bound ({@link #MAX_BYTES}, reached under a long
     * tracer.store.roll.seconds) has every open file completed, so that it can start over (a batch of 4,096
     * records passes the bound by about 0.25 MB on the reference sample, within the mapped file's 4 MiB of
     * slack). A file that completes on its own (by its size, or a change of its columns) needs nothing: recovery
     * counts the rows of the files completed since the last checkpoint and skips as many of the journal's first
     * rows of their partition.
     */
    void afterBatch(EventDatasetWriter writer) throws IOException {
        if (overBound()) {
            writer.flush();
            checkpoint(writer);
        }
    }

    /** Whether the journal is past its bound, so that the next {@link #afterBatch} completes the files. */
    boolean overBound() {
        return journal != null && journal.bytes() > maxBytes;
    }

    /** Every row so far is in a completed file (the writer was just flushed): the journal starts over. */
    void checkpoint(EventDatasetWriter writer) {
        if (journal != null) {
            journal.checkpoint(writer.nextEventFileNumber(), writer.nextDeliveryFileNumber());
        }
    }

    /**
     * At a clean end, every file complete, or after a store error, when some of its rows are in the files
     * completed since and the rest counted as lost: the journal is of no more use.
     */
    void delete() {
        if (journal != null) {
            try {
                journal.delete();
            } catch (IOException | RuntimeException e) {
                // A journal left behind is recovered later, its rows already stored skipped.
            }
            journal = null;
        }
    }

    /** A recovery still running at exit is given the rest of the exit's time; cut short, the next finishes it. */
    void awaitRecovery() {
        if (recovery != null) {
            try {
                recovery.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void drop(Throwable e) {
        stderr.println("tracer: cannot write the journal " + journal.file() + " (" + e + "): tracing without it");
        delete();
    }
}
