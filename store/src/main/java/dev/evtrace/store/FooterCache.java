package dev.evtrace.store;

import dev.evtrace.store.EventDatasetReader.DataFile;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.fs.Path;

/**
 * Each data file's row group statistics, read once per reader. A complete file is never rewritten in place (it
 * appears by a rename), so a path of the same length and modification time has the same footer; a reader that
 * queries a store again and again (lineage's walk, a long-lived service) then opens only the files it reads
 * rows from. It holds a few hundred bytes a row group, whatever the runs' length.
 */
final class FooterCache {
    private record Entry(long length, long modified, List<RowGroupStats> groups, StoreException failure) {
        boolean describes(DataFile file) {
            return length == file.length() && modified == file.modified();
        }
    }

    private final StoreFiles files;
    private final Map<Path, Entry> entries = new ConcurrentHashMap<>();

    FooterCache(StoreFiles files) {
        this.files = files;
    }

    /**
     * Reads the footers not yet read, on every core: a store of a hundred runs has hundreds of files, and a footer
     * costs more in decoding than in reading.
     *
     * @throws StoreException for the first file, in list order, whose footer cannot be read
     */
    void load(List<DataFile> dataFiles) {
        dataFiles.stream().filter(this::stale).toList().parallelStream().forEach(this::read);
        dataFiles.forEach(this::groups);
    }

    List<RowGroupStats> groups(DataFile file) {
        Entry entry = entries.get(file.path());
        if (entry == null || !entry.describes(file)) {
            entry = read(file);
        }
        if (entry.failure() != null) {
            throw entry.failure();
        }
        return entry.groups();
    }

    private boolean stale(DataFile file) {
        Entry entry = entries.get(file.path());
        return entry == null || !entry.describes(file);
    }

    /** Never throws, so that a parallel load ends with every footer read and reports its failure in order. */
    private Entry read(DataFile file) {
        Entry entry;
        try {
            entry = new Entry(file.length(), file.modified(), FooterStatistics.read(file.path(), files), null);
        } catch (StoreException e) {
            entry = new Entry(file.length(), file.modified(), null, e);
        }
        entries.put(file.path(), entry);
        return entry;
    }
}
