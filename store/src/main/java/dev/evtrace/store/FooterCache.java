package dev.evtrace.store;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * Each data file's row group statistics, read once per reader. A complete file is never rewritten in place (it
 * appears by a rename), so a path of the same length and modification time has the same footer; a reader that
 * queries a store again and again (lineage's walk, a long-lived service) then opens only the files it reads
 * rows from. It holds a few hundred bytes a row group, whatever the runs' length.
 */
final class FooterCache {
    private record Entry(long length, long modified, List<RowGroupStats> groups) {}

    private final Configuration conf;
    private final Map<Path, Entry> entries = new ConcurrentHashMap<>();

    FooterCache(Configuration conf) {
        this.conf = conf;
    }

    List<RowGroupStats> groups(EventDatasetReader.DataFile file) {
        Entry entry = entries.get(file.path());
        if (entry == null || entry.length() != file.length() || entry.modified() != file.modified()) {
            entry = new Entry(file.length(), file.modified(), FooterStatistics.read(file.path(), conf));
            entries.put(file.path(), entry);
        }
        return entry.groups();
    }
}
