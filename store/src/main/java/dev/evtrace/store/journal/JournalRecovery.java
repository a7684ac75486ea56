package dev.evtrace.store.journal;

import dev.evtrace.store.Delivery;
import dev.evtrace.store.EventDatasetWriter;
import dev.evtrace.store.StoreLayout;
import dev.evtrace.store.TracedEvent;
import dev.evtrace.store.WriterOptions;
import dev.evtrace.store.parquet.HadoopFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;

/**
 * Turns the journals that dead writers left in a store into Parquet: the rows of the files they never
 * completed. A journal whose writer is alive is locked and left alone. Rows that a completed file already
 * holds are skipped, so recovering never stores a row twice: the writer may have been killed while completing
 * its files (some complete, its journal not yet emptied), and a recovery may itself have been killed after
 * completing its files and before deleting the journal. The dead writer's unfinished files, which no reader
 * sees, are deleted with its journal.
 *
 * <p>A journal's rows are written by a writer named after the dead one ({@code <writer>-recovered}): whatever
 * files an interrupted recovery completed hold the first rows it replayed of their partition, so the next
 * recovery counts them as stored, as it does the dead writer's own.
 */
public final class JournalRecovery {
    /** The journals' directory in a store. */
    public static final String DIR = "_journal";
    private static final String RECOVERED = "-recovered";
    private static final List<String> DATASETS = List.of(StoreLayout.EVENTS, StoreLayout.DELIVERIES);

    /**
     * What a recovery did.
     *
     * @param recovered    journals turned into Parquet and deleted
     * @param live         journals left alone because their writer holds them
     * @param events       events written
     * @param deliveries   delivery rows written
     * @param alreadyStored rows skipped because a completed file already held them
     */
    public record Result(int recovered, int live, long events, long deliveries, long alreadyStored) {}

    private JournalRecovery() {}

    /** The journal directory of a store on the local file system; empty for any other (hdfs://, s3a://, …). */
    public static Optional<Path> journalDir(String store) {
        org.apache.hadoop.fs.Path path = HadoopFiles.path(store);
        if (!"file".equals(path.toUri().getScheme())) {
            return Optional.empty();
        }
        return Optional.of(Paths.get(path.toUri()).resolve(DIR));
    }

    /**
     * Recovers every journal of a dead writer in the store.
     *
     * @throws IOException if a journal cannot be read or its rows cannot be written; the journals recovered
     *     before it stay recovered, and it stays for the next try
     */
    public static Result recover(String store) throws IOException {
        Optional<Path> dir = journalDir(store);
        if (dir.isEmpty() || !Files.isDirectory(dir.get())) {
            return new Result(0, 0, 0, 0, 0);
        }
        Path root = dir.get().getParent();
        List<Path> journals = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir.get(), "*" + JournalFormat.SUFFIX)) {
            files.forEach(journals::add);
        }
        journals.sort(null);
        deleteAbandonedCreations(dir.get());
        int recovered = 0;
        int live = 0;
        long events = 0;
        long deliveries = 0;
        long skipped = 0;
        for (Path journal : journals) {
            try (FileChannel channel = FileChannel.open(journal, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                FileLock lock = tryLock(channel);
                if (lock == null) {
                    live++;
                    continue;
                }
                String name = journal.getFileName().toString();
                String writer = name.substring(0, name.length() - JournalFormat.SUFFIX.length());
                JournalReader.Contents contents = JournalReader.read(channel, journal.toString());
                Map<String, Long> stored = storedSinceCheckpoint(root, writer, contents);
                long[] counts = replay(store, writer + RECOVERED, contents.rows(), stored);
                events += counts[0];
                deliveries += counts[1];
                skipped += counts[2];
                deleteUnfinished(root, writer);
                Files.delete(journal);
                lock.release();
                recovered++;
            } catch (java.nio.file.NoSuchFileException e) {
                // Deleted since it was listed: by its writer's clean exit, or by another recovery.
            }
        }
        return new Result(recovered, live, events, deliveries, skipped);
    }

    /**
     * Journals whose writer died while creating them: never renamed, so they hold no row. Only those a minute
     * old: a writer creates the file a moment before it locks it, and must not find it gone.
     */
    private static void deleteAbandonedCreations(Path dir) throws IOException {
        List<Path> creations = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + JournalFormat.SUFFIX + JournalFormat.CREATING)) {
            files.forEach(creations::add);
        }
        long aMinuteAgo = System.currentTimeMillis() - 60_000;
        for (Path creation : creations) {
            try (FileChannel channel = FileChannel.open(creation, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                FileLock lock = tryLock(channel);
                if (lock != null) {
                    if (Files.getLastModifiedTime(creation).toMillis() < aMinuteAgo) {
                        Files.deleteIfExists(creation);
                    }
                    lock.release();
                }
            } catch (java.nio.file.NoSuchFileException e) {
                // Renamed or deleted meanwhile by its writer.
            }
        }
    }

    /** How many journals in the store were left by writers that are gone: what {@link #recover} would recover. */
    public static int unrecovered(String store) throws IOException {
        Optional<Path> dir = journalDir(store);
        if (dir.isEmpty() || !Files.isDirectory(dir.get())) {
            return 0;
        }
        int n = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir.get(), "*" + JournalFormat.SUFFIX)) {
            for (Path journal : files) {
                try (FileChannel channel = FileChannel.open(journal, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                    FileLock lock = tryLock(channel);
                    if (lock != null) {
                        lock.release();
                        n++;
                    }
                } catch (java.nio.file.NoSuchFileException e) {
                    // Deleted meanwhile by its writer's clean exit or by a recovery.
                }
            }
        }
        return n;
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held by a writer in this very JVM
        }
    }

    /**
     * Rows the store already holds of those in the journal, by partition (see {@link #partitionOf}): those of
     * the dead writer's files completed after its journal was last emptied, and those of an earlier recovery of
     * this journal. They are the first rows the journal holds for each partition, in that order.
     */
    private static Map<String, Long> storedSinceCheckpoint(Path root, String writer, JournalReader.Contents contents)
            throws IOException {
        Map<String, Long> rows = new HashMap<>();
        String prefix = "part-" + writer + "-run";
        String recoveredPrefix = "part-" + writer + RECOVERED + "-run";
        for (String dataset : DATASETS) {
            long firstNumber = dataset.equals(StoreLayout.EVENTS) ? contents.nextEventFile() : contents.nextDeliveryFile();
            for (Path file : filesOf(root, dataset)) {
                String name = file.getFileName().toString();
                String tag = StoreLayout.runTagOf(name);
                boolean holdsJournalRows = tag != null && (name.startsWith(recoveredPrefix)
                        || name.startsWith(prefix) && fileNumber(name) >= firstNumber);
                if (!holdsJournalRows) {
                    continue;
                }
                String type = dataset.equals(StoreLayout.EVENTS)
                        ? StoreLayout.partitionValue(file.getParent().getFileName().toString(), StoreLayout.TYPE).orElse("")
                        : null;
                try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
                    rows.merge(partitionOf(tag, type), reader.getRecordCount(), Long::sum);
                }
            }
        }
        return rows;
    }

    private static long fileNumber(String name) {
        String stem = name.substring(0, name.length() - StoreLayout.SUFFIX.length());
        return Long.parseLong(stem.substring(stem.lastIndexOf('-') + 1));
    }

    /** A file's rows belong to one run (by its tag) and, for events, one type; delivery rows have no type. */
    private static String partitionOf(String runTag, String type) {
        return type == null ? runTag : runTag + "/" + type;
    }

    /** @return events written, deliveries written, rows skipped */
    private static long[] replay(String store, String writerId, List<Object> rows, Map<String, Long> stored)
            throws IOException {
        long[] counts = new long[3];
        if (rows.isEmpty()) {
            return counts;
        }
        Map<String, Long> toSkip = new HashMap<>(stored);
        WriterOptions options = new WriterOptions(writerId, WriterOptions.DEFAULT_ROLL_EVENTS,
                Map.of("evtrace.writer", writerId));
        try (EventDatasetWriter writer = new EventDatasetWriter(store, options)) {
            for (Object row : rows) {
                String partition = row instanceof TracedEvent e
                        ? partitionOf(StoreLayout.runTag(e.correlationId()), e.eventType())
                        : partitionOf(StoreLayout.runTag(((Delivery) row).correlationId()), null);
                Long skip = toSkip.get(partition);
                if (skip != null && skip > 0) {
                    toSkip.put(partition, skip - 1);
                    counts[2]++;
                } else if (row instanceof TracedEvent e) {
                    writer.write(e);
                    counts[0]++;
                } else {
                    writer.write((Delivery) row);
                    counts[1]++;
                }
            }
        }
        return counts;
    }

    private static void deleteUnfinished(Path root, String writer) throws IOException {
        String prefix = StoreLayout.IN_PROGRESS_PREFIX + "part-" + writer + "-";
        for (String dataset : DATASETS) {
            for (Path file : filesOf(root, dataset)) {
                String name = file.getFileName().toString();
                if (name.startsWith(prefix) && name.endsWith(StoreLayout.IN_PROGRESS_SUFFIX)) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    /** Every file of one of the store's datasets, in any partition. */
    private static List<Path> filesOf(Path root, String dataset) throws IOException {
        Path dir = root.resolve(dataset);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
