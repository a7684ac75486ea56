package dev.evtrace.store;

import static org.apache.parquet.filter2.predicate.FilterApi.and;
import static org.apache.parquet.filter2.predicate.FilterApi.binaryColumn;
import static org.apache.parquet.filter2.predicate.FilterApi.eq;
import static org.apache.parquet.filter2.predicate.FilterApi.gtEq;
import static org.apache.parquet.filter2.predicate.FilterApi.longColumn;
import static org.apache.parquet.filter2.predicate.FilterApi.ltEq;

import dev.evtrace.store.parquet.DeliveryReadSupport;
import dev.evtrace.store.parquet.HadoopFiles;
import dev.evtrace.store.parquet.PureJavaCodecs;
import dev.evtrace.store.parquet.TracedEventReadSupport;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.filter2.predicate.FilterPredicate;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.io.api.Binary;

/** Reads the event dataset written by {@link EventDatasetWriter}, or by any writer of the same schema. */
public final class EventDatasetReader {
    /**
     * A complete data file and the partition values its path carries.
     *
     * @param runTag   the tag of the run its name carries ({@link StoreLayout#runTag}), or null
     * @param length   bytes, and
     * @param modified last modification (epoch millis): a file's footer is read again only when either changed
     */
    public record DataFile(Path path, String date, String type, String runTag, long length, long modified) {
        /** Whether the file may hold rows of the run tagged {@code tag} (null: any run), by its name alone. */
        boolean mayHoldRun(String tag) {
            return tag == null || runTag == null || runTag.equals(tag);
        }
    }

    private final Configuration conf = HadoopFiles.configuration();
    private final Path root;
    private final Path deliveryRoot;
    private final StoreFiles fs;
    private final FooterCache footers;

    /** @throws StoreException when the location does not exist or is not a directory */
    public EventDatasetReader(String location) {
        Path store = HadoopFiles.path(location);
        this.root = new Path(store, StoreLayout.EVENTS);
        this.deliveryRoot = new Path(store, StoreLayout.DELIVERIES);
        try {
            this.fs = StoreFiles.of(store, conf);
            this.footers = new FooterCache(fs);
            if (!fs.status(store).isDirectory()) {
                throw new StoreException("store " + location + " is not a directory");
            }
            if (!fs.exists(root)) {
                throw new StoreException("no events in " + location + " (no " + StoreLayout.EVENTS + "/ directory)");
            }
        } catch (FileNotFoundException e) {
            throw new StoreException("no store at " + location);
        } catch (IOException e) {
            throw new StoreException("cannot open store " + location + ": " + e.getMessage(), e);
        }
    }

    /** Every complete data file, in path order. Files still being written are not listed. */
    public List<DataFile> files() {
        return files(root);
    }

    private List<DataFile> files(Path dataset) {
        List<DataFile> files = new ArrayList<>();
        try {
            if (fs.exists(dataset)) {
                collect(dataset, null, null, files);
            }
        } catch (IOException e) {
            throw new StoreException("cannot list store " + dataset + ": " + e.getMessage(), e);
        }
        files.sort(Comparator.comparing(f -> f.path().toString()));
        return files;
    }

    /** Every handler delivery of a run (or of every run, for null), in file order. */
    public List<Delivery> deliveries(String run) {
        FilterCompat.Filter filter = run == null ? FilterCompat.NOOP
                : FilterCompat.get(eq(binaryColumn(DeliverySchema.CORRELATION_ID), Binary.fromString(run)));
        List<Delivery> out = new ArrayList<>();
        String tag = run == null ? null : StoreLayout.runTag(run);
        for (DataFile file : files(deliveryRoot)) {
            if (file.mayHoldRun(tag)) {
                readFile(file.path(), new DeliveryReadSupport(), filter, out::add);
            }
        }
        return out;
    }

    private void collect(Path dir, String date, String type, List<DataFile> out) throws IOException {
        for (FileStatus status : fs.list(dir)) {
            String name = status.getPath().getName();
            if (status.isDirectory()) {
                collect(status.getPath(),
                        StoreLayout.partitionValue(name, StoreLayout.DATE).orElse(date),
                        StoreLayout.partitionValue(name, StoreLayout.TYPE).orElse(type), out);
            } else if (StoreLayout.isDataFile(name)) {
                out.add(new DataFile(status.getPath(), date, type, StoreLayout.runTagOf(name), status.getLen(),
                        status.getModificationTime()));
            }
        }
    }

    /**
     * Streams every event the query selects to {@code sink}, file by file, in file order. A file is opened for
     * rows only when its footer's statistics leave a row group that may match; within it, Parquet skips the
     * other row groups, and the pages whose column index excludes the run, id or times.
     */
    public void scan(EventQuery query, Consumer<TracedEvent> sink) {
        FilterCompat.Filter filter = filter(query);
        for (DataFile file : candidates(query)) {
            TracedEventReadSupport readSupport = new TracedEventReadSupport(projection(query));
            readFile(file.path(), readSupport, filter(file, query, filter), e -> {
                if (query.types().isEmpty() || query.types().contains(e.eventType())) {
                    sink.accept(e);
                }
            });
        }
    }

    /**
     * The events of one run that the query selects, in sequence order, as they are read: a merge of the run's
     * files, each read in sequence order, that holds a row per open file, so the memory does not grow with the
     * run. It prunes files, row groups and pages as {@link #scan} does, and a file is opened only when the merge
     * reaches the first sequence number its footer gives. Equal sequence numbers come in file order, as
     * {@link #read} sorts them.
     *
     * @throws IllegalArgumentException when the query names no run: sequence numbers order a run's events only
     */
    public EventStream stream(EventQuery query) {
        if (query.run() == null) {
            throw new IllegalArgumentException("a stream is of one run's events, and the query names no run");
        }
        FilterCompat.Filter filter = filter(query);
        Set<String> columns = projection(query);
        if (!columns.isEmpty()) {
            // A projection is a set of its own, and the merge orders by this column.
            columns.add(EventSchema.SEQUENCE_NUMBER);
        }
        List<DataFile> files = candidates(query);
        List<FileRows> rows = new ArrayList<>(files.size());
        long[] firstSequences = new long[files.size()];
        for (int i = 0; i < files.size(); i++) {
            DataFile file = files.get(i);
            FilterCompat.Filter fileFilter = filter(file, query, filter);
            rows.add(new FileRows(file.path().toString(), () -> open(file.path(), new TracedEventReadSupport(columns),
                    fileFilter, 0, Long.MAX_VALUE), query.types()));
            firstSequences[i] = footers.groups(file).stream().filter(group -> group.mayMatch(query))
                    .mapToLong(group -> group.minSequence() == null ? Long.MIN_VALUE : group.minSequence())
                    .min().orElse(Long.MIN_VALUE);
        }
        return new SequenceMerge(rows, firstSequences);
    }

    /** A file of one run (the usual case) needs no row of it tested against that run: no filter at all. */
    private FilterCompat.Filter filter(DataFile file, EventQuery query, FilterCompat.Filter filter) {
        return footers.groups(file).stream().allMatch(group -> group.allMatch(query)) ? FilterCompat.NOOP : filter;
    }

    /**
     * The runs that hold event {@code id}, in name order. Ids are unique within a run, so a file that holds only
     * runs already found is not read: in a store of many runs, mostly one file a run rather than every one.
     */
    public SortedSet<String> runsWithEvent(long id) {
        EventQuery query = EventQuery.all().withEventId(id).withColumns(Set.of(EventSchema.CORRELATION_ID));
        SortedSet<String> runs = new TreeSet<>();
        for (DataFile file : candidates(query)) {
            List<RowGroupStats> groups = footers.groups(file);
            boolean found = groups.stream().allMatch(g -> g.runs() != null && g.runs().single()
                    && runs.contains(g.runs().min().toStringUsingUTF8()));
            if (!found) {
                readFile(file.path(), new TracedEventReadSupport(projection(query)), filter(query),
                        e -> runs.add(e.correlationId()));
            }
        }
        return runs;
    }

    /**
     * The files of the query's types and run whose footers leave a row group that may match it. The type and the
     * run are first told from the file's path, so that one run's read in a store of thousands reads the footers
     * of its own files only.
     */
    private List<DataFile> candidates(EventQuery query) {
        List<DataFile> named = new ArrayList<>();
        String tag = query.run() == null ? null : StoreLayout.runTag(query.run());
        for (DataFile file : files()) {
            boolean typeMatches = query.types().isEmpty() || file.type() == null || query.types().contains(file.type());
            if (typeMatches && file.mayHoldRun(tag)) {
                named.add(file);
            }
        }
        footers.load(named);
        List<DataFile> candidates = new ArrayList<>();
        for (DataFile file : named) {
            if (footers.groups(file).stream().anyMatch(group -> group.mayMatch(query))) {
                candidates.add(file);
            }
        }
        return candidates;
    }

    /**
     * How many rows a scan of {@code query} reads at most: those of the row groups its footers leave. A bound
     * (a group may hold other runs and times too), which is what a progress bar needs.
     */
    public long rowsToScan(EventQuery query) {
        long rows = 0;
        for (DataFile file : candidates(query)) {
            for (RowGroupStats group : footers.groups(file)) {
                rows += group.mayMatch(query) ? group.rows() : 0;
            }
        }
        return rows;
    }

    /**
     * The highest event id the query may select, from the footers alone: a bound, as a row group may hold ids the
     * query leaves out. Empty when nothing may match, or a footer does not give the ids' bounds.
     */
    public OptionalLong maxEventId(EventQuery query) {
        long max = Long.MIN_VALUE;
        for (DataFile file : candidates(query)) {
            for (RowGroupStats group : footers.groups(file)) {
                if (group.mayMatch(query)) {
                    if (group.maxId() == Long.MAX_VALUE) {
                        return OptionalLong.empty();
                    }
                    max = Math.max(max, group.maxId());
                }
            }
        }
        return max == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(max);
    }

    /**
     * The event types of the row groups the query may select, from the footers alone: each group's lowest and
     * highest, which for a group of one type, as the writer makes them, is that type.
     */
    public SortedSet<String> types(EventQuery query) {
        SortedSet<String> types = new TreeSet<>();
        for (DataFile file : candidates(query)) {
            for (RowGroupStats group : footers.groups(file)) {
                if (group.mayMatch(query) && group.types() != null) {
                    types.add(group.types().min().toStringUsingUTF8());
                    types.add(group.types().max().toStringUsingUTF8());
                }
            }
        }
        return types;
    }

    /**
     * Summarizes every row group from the file footers alone, where the statistics show a single run and type
     * per group (a writer stores runs contiguously); the events of any other row group are streamed to
     * {@code mixed}, projected to {@code columns}. Summing a 10M-event store this way reads kilobytes.
     */
    public void summarize(Consumer<RowGroupSummary> groups, Set<String> columns, Consumer<TracedEvent> mixed) {
        List<DataFile> files = files();
        footers.load(files);
        for (DataFile file : files) {
            for (RowGroupStats group : footers.groups(file)) {
                RowGroupSummary summary = group.summary();
                if (summary != null) {
                    groups.accept(summary);
                } else {
                    // Parquet keeps the row groups whose middle byte falls in the range: this one alone.
                    readFile(file.path(), new TracedEventReadSupport(columns), FilterCompat.NOOP, mixed,
                            group.start(), group.start() + group.length());
                }
            }
        }
    }

    /** What the store's writers counted beside the data: the events each run's sampler left out. */
    public WriterCounters writerCounters() {
        return WriterCounters.read(fs, root.getParent());
    }

    /** The events the query selects, ordered by run then sequence number. */
    public List<TracedEvent> read(EventQuery query) {
        List<TracedEvent> events = new ArrayList<>();
        scan(query, events::add);
        Comparator<TracedEvent> bySequence = Comparator.comparingLong(TracedEvent::sequenceNumber);
        // Within one run the run's name would be compared, in full, on every comparison for nothing.
        events.sort(query.run() != null ? bySequence : Comparator.comparing(TracedEvent::correlationId).thenComparing(bySequence));
        return events;
    }

    private <T> void readFile(Path path, ReadSupport<T> readSupport, FilterCompat.Filter filter, Consumer<T> sink) {
        readFile(path, readSupport, filter, sink, 0, Long.MAX_VALUE);
    }

    /** Reads the row groups whose middle byte lies in {@code [start, end)}. */
    private <T> void readFile(Path path, ReadSupport<T> readSupport, FilterCompat.Filter filter, Consumer<T> sink,
                              long start, long end) {
        try (ParquetReader<T> reader = open(path, readSupport, filter, start, end)) {
            for (T row = reader.read(); row != null; row = reader.read()) {
                sink.accept(row);
            }
        } catch (IOException | RuntimeException e) {
            throw readFailure(path, e);
        }
    }

    private <T> ParquetReader<T> open(Path path, ReadSupport<T> readSupport, FilterCompat.Filter filter, long start,
                                      long end) throws IOException {
        return new ParquetReader.Builder<T>(fs.input(path)) {
                    @Override
                    protected ReadSupport<T> getReadSupport() {
                        return readSupport;
                    }
                }
                .withConf(conf)
                .withCodecFactory(PureJavaCodecs.INSTANCE)
                .withFilter(filter)
                .withFileRange(start, end)
                .build();
    }

    /** What reading {@code file} failed with, naming it; a StoreException already names its file. */
    static StoreException readFailure(Object file, Exception e) {
        return e instanceof StoreException named ? named
                : new StoreException("cannot read " + file + ": " + describe(e), e);
    }

    /** A record filter only sees projected columns: the filtered ones are always read. */
    private static Set<String> projection(EventQuery query) {
        if (query.columns().isEmpty()) {
            return query.columns();
        }
        Set<String> columns = new HashSet<>(query.columns());
        columns.add(EventSchema.CORRELATION_ID);
        columns.add(EventSchema.EVENT_ID);
        columns.add(EventSchema.TIMESTAMP);
        columns.add(EventSchema.EVENT_TYPE);
        return columns;
    }

    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.contains("is not a Parquet file") ? "not a Parquet file" : message;
    }

    private static FilterCompat.Filter filter(EventQuery query) {
        List<FilterPredicate> predicates = new ArrayList<>();
        if (query.run() != null) {
            predicates.add(eq(binaryColumn(EventSchema.CORRELATION_ID), Binary.fromString(query.run())));
        }
        if (query.minId() == query.maxId()) {
            predicates.add(eq(longColumn(EventSchema.EVENT_ID), query.minId()));
        } else {
            if (query.minId() != Long.MIN_VALUE) {
                predicates.add(gtEq(longColumn(EventSchema.EVENT_ID), query.minId()));
            }
            if (query.maxId() != Long.MAX_VALUE) {
                predicates.add(ltEq(longColumn(EventSchema.EVENT_ID), query.maxId()));
            }
        }
        if (query.from() != Long.MIN_VALUE) {
            predicates.add(gtEq(longColumn(EventSchema.TIMESTAMP), query.from()));
        }
        if (query.to() != Long.MAX_VALUE) {
            predicates.add(ltEq(longColumn(EventSchema.TIMESTAMP), query.to()));
        }
        if (predicates.isEmpty()) {
            return FilterCompat.NOOP;
        }
        FilterPredicate combined = predicates.get(0);
        for (int i = 1; i < predicates.size(); i++) {
            combined = and(combined, predicates.get(i));
        }
        return FilterCompat.get(combined);
    }
}
