package dev.evtrace.store;

import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.toMap;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dataset as DuckDB sees it, read in-process over JDBC with the SQL a user would type, checked against
 * what {@link EventDatasetReader} reads from the same files.
 */
class DuckDbInteropTest {
    private static final long RUN_A_START = micros("2025-11-24T14:30:00Z");
    private static final long RUN_B_START = micros("2025-11-25T14:30:00Z");

    @TempDir
    static Path store;
    static List<TracedEvent> ours;
    static Connection duck;

    @BeforeAll
    static void writeTwoRunsAndOpenDuckDb() throws IOException, SQLException {
        try (EventDatasetWriter writer = new EventDatasetWriter(store.toString(), new WriterOptions("w1", 7, Map.of()))) {
            for (TracedEvent e : TradingRun.events("run-a", RUN_A_START, 40)) {
                writer.write(e);
            }
            for (TracedEvent e : TradingRun.events("run-b", RUN_B_START, 25)) {
                writer.write(e);
            }
        }
        ours = new EventDatasetReader(store.toString()).read(EventQuery.all());
        duck = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement st = duck.createStatement()) {
            st.execute("CREATE VIEW events AS SELECT * FROM " + readParquet(store));
        }
    }

    @AfterAll
    static void closeDuckDb() throws SQLException {
        duck.close();
    }

    @Test
    void countsEveryRunAndTypeAsOurReaderDoes() throws SQLException {
        Map<String, Long> duckCounts = query("""
                SELECT correlation_id, event_type, count(*) AS events
                FROM events GROUP BY correlation_id, event_type""").stream()
                .collect(toMap(row -> row.get(0) + "/" + row.get(1), row -> (Long) row.get(2)));
        Map<String, Long> ourCounts = ours.stream()
                .collect(groupingBy(e -> e.correlationId() + "/" + e.eventType(), counting()));
        assertThat(duckCounts).isEqualTo(ourCounts).containsEntry("run-a/FILL", 8L).containsEntry("run-b/BAR", 25L);
    }

    @Test
    void readsEveryEventFieldAsOurReaderDoes() throws SQLException {
        List<List<Object>> duckRows = query("""
                SELECT correlation_id, event_id, event_type, epoch_us(timestamp), causation_id, source_container,
                       epoch_us(created_at), epoch_us(created_at) + emit_us, epoch_us(created_at) + emit_us + queue_us,
                       epoch_us(created_at) + latency_us,
                       data['symbol'], data['qty']::VARCHAR, data['close']::DOUBLE, version, sequence_number,
                       partition_key
                FROM events ORDER BY correlation_id, sequence_number""");
        List<List<Object>> ourRows = ours.stream().map(e -> Arrays.<Object>asList(e.correlationId(), e.eventId(),
                e.eventType(), e.timestamp(), orNull(e.causationId()), e.sourceContainer(), e.createdAt(),
                e.emittedAt(), orNull(e.receivedAt()), orNull(e.processedAt()), e.data().get("symbol"),
                e.data().get("qty"), e.data().containsKey("close") ? Double.parseDouble(e.data().get("close")) : null,
                e.version(), e.sequenceNumber(), e.partitionKey()))
                .toList();
        assertThat(duckRows).hasSize(ours.size()).isEqualTo(ourRows);
    }

    @Test
    void storesTimesAsUtcInstantsAndAbsentValuesAsNull() throws SQLException {
        List<Object> types = query("""
                SELECT typeof(timestamp), typeof(created_at), typeof(latency_us), typeof(causation_id), typeof(date), typeof(type),
                       typeof(data['symbol']), typeof(data['close']), typeof(data['volume']), typeof(data['qty'])
                FROM events LIMIT 1""").get(0);
        // Prices in cents are decimals, counts integers: DuckDB computes with them as they are.
        assertThat(types).containsExactly("TIMESTAMP WITH TIME ZONE", "TIMESTAMP WITH TIME ZONE", "BIGINT", "BIGINT", "DATE",
                "VARCHAR", "VARCHAR", "DECIMAL(18,2)", "BIGINT", "BIGINT");
        assertThat(query("SELECT sum(data['price'] * data['qty']) FROM events WHERE event_type = 'FILL'").get(0).get(0)
                .toString()).isEqualTo(String.format(java.util.Locale.ROOT, "%.2f", ours.stream()
                        .filter(e -> e.eventType().equals("FILL"))
                        .mapToDouble(e -> Double.parseDouble(e.data().get("price")) * 10).sum()));

        List<Object> first = query("SELECT timestamp FROM events WHERE correlation_id = 'run-a' AND event_id = 1").get(0);
        assertThat(((OffsetDateTime) first.get(0)).toInstant()).isEqualTo(Instant.parse("2025-11-24T14:30:00Z"));

        long from = micros("2025-11-24T14:35:00Z");
        long to = micros("2025-11-24T14:45:00Z");
        List<Object> inRange = query("""
                SELECT count(*) FROM events
                WHERE timestamp BETWEEN TIMESTAMPTZ '2025-11-24 14:35:00+00' AND TIMESTAMPTZ '2025-11-24 14:45:00+00'""")
                .get(0);
        assertThat(inRange).containsExactly((long) new EventDatasetReader(store.toString())
                .read(EventQuery.all().between(from, to)).size());

        List<Object> nulls = query("""
                SELECT count(*) FILTER (WHERE causation_id IS NULL), count(*) FILTER (WHERE queue_us IS NULL)
                FROM events""").get(0);
        assertThat(nulls).containsExactly(ours.stream().filter(TracedEvent::isRoot).count(),
                ours.stream().filter(e -> e.receivedAt() == TracedEvent.ABSENT).count());
    }

    @Test
    void readsTheHivePartitionsAsDateAndTypeColumns() throws SQLException {
        List<List<Object>> partitions = query("SELECT DISTINCT strftime(date, '%Y-%m-%d'), type FROM events");
        List<List<Object>> ourPartitions = new EventDatasetReader(store.toString()).files().stream()
                .map(f -> List.<Object>of(f.date(), f.type())).distinct().toList();
        assertThat(partitions).containsExactlyInAnyOrderElementsOf(ourPartitions).hasSize(8);
        assertThat(query("SELECT count(*) FROM events WHERE type <> event_type").get(0)).containsExactly(0L);
        assertThat(query("SELECT DISTINCT correlation_id, date::VARCHAR FROM events ORDER BY 1"))
                .containsExactly(List.of("run-a", "2025-11-24"), List.of("run-b", "2025-11-25"));
    }

    @Test
    void decodesEscapedTypeNamesAsOurReaderDoes(@TempDir Path odd) throws IOException, SQLException {
        try (EventDatasetWriter writer = new EventDatasetWriter(odd.toString(), WriterOptions.defaults())) {
            long id = 0;
            for (String type : List.of("risk/limit breach", "ÜBER", "BAR")) {
                id++;
                writer.write(new TracedEvent(id, type, RUN_A_START, "r", TracedEvent.ABSENT, "src", RUN_A_START,
                        RUN_A_START, TracedEvent.ABSENT, TracedEvent.ABSENT, Map.of(), "1", id, ""));
            }
        }
        assertThat(new EventDatasetReader(odd.toString()).files()).extracting(f -> f.path().getParent().getName())
                .containsExactlyInAnyOrder("type=risk%2Flimit%20breach", "type=%C3%9CBER", "type=BAR");
        List<List<Object>> rows = query("SELECT type, event_type FROM " + readParquet(odd) + " ORDER BY event_id");
        assertThat(rows).containsExactly(List.of("risk/limit breach", "risk/limit breach"), List.of("ÜBER", "ÜBER"),
                List.of("BAR", "BAR"));
        assertThat(new EventDatasetReader(odd.toString()).files()).extracting(EventDatasetReader.DataFile::type)
                .containsExactlyInAnyOrder("risk/limit breach", "ÜBER", "BAR");
    }

    @Test
    void followsAFillBackToItsRootWithARecursiveQuery() throws SQLException {
        long fill = (Long) query("""
                SELECT max(event_id) FROM events WHERE correlation_id = 'run-b' AND event_type = 'FILL'""")
                .get(0).get(0);
        List<List<Object>> chain = query("""
                WITH RECURSIVE lineage(depth, correlation_id, event_id, event_type, causation_id) AS (
                    SELECT 0, correlation_id, event_id, event_type, causation_id
                    FROM events WHERE correlation_id = ? AND event_id = ?
                  UNION ALL
                    SELECT l.depth + 1, e.correlation_id, e.event_id, e.event_type, e.causation_id
                    FROM lineage l
                    JOIN events e ON e.correlation_id = l.correlation_id AND e.event_id = l.causation_id
                )
                SELECT event_type, event_id FROM lineage ORDER BY depth""", "run-b", fill);

        Map<Long, TracedEvent> runB = ours.stream().filter(e -> e.correlationId().equals("run-b"))
                .collect(toMap(TracedEvent::eventId, Function.identity()));
        List<List<Object>> ourChain = new ArrayList<>();
        for (TracedEvent e = runB.get(fill); e != null; e = runB.get(e.causationId())) {
            ourChain.add(List.of(e.eventType(), e.eventId()));
        }
        assertThat(chain).isEqualTo(ourChain).extracting(row -> row.get(0))
                .containsExactly("FILL", "ORDER", "SIGNAL", "BAR");
    }

    @Test
    void readsDeliveriesWithTheirHandlersDurationAsOurReaderDoes(@TempDir Path withDeliveries)
            throws IOException, SQLException {
        List<Delivery> written = new ArrayList<>();
        try (EventDatasetWriter writer = new EventDatasetWriter(withDeliveries.toString(), new WriterOptions("w1", 7, Map.of()))) {
            for (TracedEvent e : TradingRun.events("run-a", RUN_A_START, 5)) {
                Delivery d = new Delivery("run-a", e.eventId(), e.eventType(), "com.acme.Handler", "main",
                        e.receivedAt() == TracedEvent.ABSENT ? e.createdAt() : e.receivedAt(),
                        e.createdAt() + 3 + e.eventId() % 4, e.eventId() == 3);
                written.add(d);
                writer.write(d);
            }
        }
        String glob = withDeliveries.resolve(StoreLayout.DELIVERIES) + "/**/*.parquet";
        List<List<Object>> duckRows = query("SELECT event_id, handler, epoch_us(received_at), epoch_us(received_at) + duration_us, "
                + "threw FROM read_parquet('" + glob + "', hive_partitioning = true) ORDER BY event_id");
        List<List<Object>> ourRows = new EventDatasetReader(withDeliveries.toString()).deliveries("run-a").stream()
                .map(d -> Arrays.<Object>asList(d.eventId(), d.handler(), d.receivedAt(), d.processedAt(), d.threw()))
                .toList();
        assertThat(duckRows).isEqualTo(ourRows).hasSize(written.size());
        assertThat(ourRows).extracting(row -> row.get(3))
                .containsExactlyElementsOf(written.stream().map(d -> (Object) d.processedAt()).toList());
    }

    @Test
    void readsPlainPricePagesAsOurReaderDoes(@TempDir Path bars) throws IOException, SQLException {
        // Twenty symbols in turn, prices in cents dollars apart: the writer stores them PLAIN, compressed as
        // fixed-width numbers (PageZstd.compressFixedWidth).
        java.util.SplittableRandom random = new java.util.SplittableRandom(11);
        long[] cents = random.longs(20, 2_000, 20_000).toArray();
        try (EventDatasetWriter writer = new EventDatasetWriter(bars.toString(), new WriterOptions("w1", 100_000, Map.of()))) {
            for (long id = 1; id <= 20_000; id++) {
                int s = (int) (id % 20);
                cents[s] = Math.max(100, cents[s] + random.nextInt(-10, 11));
                long t = RUN_A_START + id * 1_000;
                writer.write(new TracedEvent(id, "BAR", t, "run-a", TracedEvent.ABSENT, "feed", t, t, t + 1, t + 2,
                        Payload.builder(2).text("symbol", "S" + s).doubleValue("close", cents[s] / 100.0).build(),
                        TracedEvent.CURRENT_VERSION, id, ""));
            }
        }
        String glob = bars.resolve(StoreLayout.EVENTS) + "/**/*.parquet";
        assertThat(query("SELECT string_agg(encodings, ',') FROM parquet_metadata('" + glob
                + "') WHERE path_in_schema = 'data, close'").get(0).get(0).toString()).contains("PLAIN");
        List<List<Object>> duckRows = query("SELECT event_id, data['close']::DOUBLE FROM " + readParquet(bars)
                + " ORDER BY event_id");
        List<List<Object>> ourRows = new EventDatasetReader(bars.toString()).read(EventQuery.all()).stream()
                .map(e -> Arrays.<Object>asList(e.eventId(), Double.parseDouble(e.data().get("close"))))
                .toList();
        assertThat(duckRows).hasSize(20_000).isEqualTo(ourRows);
    }

    @Test
    void doesNotSeeFilesStillBeingWritten(@TempDir Path live) throws IOException, SQLException {
        try (EventDatasetWriter writer = new EventDatasetWriter(live.toString(), new WriterOptions("w1", 1_000, Map.of()))) {
            List<TracedEvent> events = TradingRun.events("r", RUN_A_START, 10);
            events.subList(0, 6).forEach(e -> write(writer, e));
            writer.flush();
            events.subList(6, events.size()).forEach(e -> write(writer, e));
            try (Stream<Path> files = Files.walk(live)) {
                assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.endsWith(".inprogress"));
            }
            assertThat(query("SELECT count(*) FROM " + readParquet(live)).get(0)).containsExactly(6L);
            assertThat(new EventDatasetReader(live.toString()).read(EventQuery.all())).hasSize(6);
        }
    }

    /**
     * The FROM clause a user writes for a store: every complete file, with its partition columns; each event
     * type has payload columns of its own, which union_by_name puts side by side.
     */
    private static String readParquet(Path location) {
        String glob = location.resolve(StoreLayout.EVENTS) + "/**/*.parquet";
        return "read_parquet('" + glob.replace("'", "''") + "', hive_partitioning = true, union_by_name = true)";
    }

    private static List<List<Object>> query(String sql, Object... params) throws SQLException {
        try (PreparedStatement st = duck.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            List<List<Object>> rows = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>(columns);
                    for (int c = 1; c <= columns; c++) {
                        row.add(rs.getObject(c));
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    private static void write(EventDatasetWriter writer, TracedEvent event) {
        try {
            writer.write(event);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Long orNull(long value) {
        return value == TracedEvent.ABSENT ? null : value;
    }

    private static long micros(String instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.parse(instant));
    }
}
