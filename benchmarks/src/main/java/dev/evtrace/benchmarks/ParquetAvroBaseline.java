package dev.evtrace.benchmarks;

import dev.evtrace.store.TracedEvent;
import dev.evtrace.store.parquet.HadoopFiles;
import dev.evtrace.store.parquet.PureJavaCodecs;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;

/**
 * The yardstick issue 5 sets the writer against: the same events as parquet-avro generic records (the fixed
 * columns typed, the payload a map of text), written by parquet-mr's record writer with the same ZSTD. The
 * records are built before the clock starts, as the store writer's events are.
 */
final class ParquetAvroBaseline {
    static final Schema SCHEMA = SchemaBuilder.record("traced_event").fields()
            .requiredLong("event_id")
            .requiredString("event_type")
            .requiredLong("timestamp")
            .requiredString("correlation_id")
            .optionalLong("causation_id")
            .requiredString("source_container")
            .requiredLong("created_at")
            .requiredLong("emit_us")
            .optionalLong("queue_us")
            .optionalLong("latency_us")
            .name("data").type().map().values().nullable().stringType().noDefault()
            .requiredString("version")
            .requiredLong("sequence_number")
            .requiredString("partition_key")
            .endRecord();

    private ParquetAvroBaseline() {}

    static List<GenericRecord> records(List<TracedEvent> events) {
        List<GenericRecord> records = new ArrayList<>(events.size());
        for (TracedEvent e : events) {
            GenericRecord r = new GenericData.Record(SCHEMA);
            r.put("event_id", e.eventId());
            r.put("event_type", e.eventType());
            r.put("timestamp", e.timestamp());
            r.put("correlation_id", e.correlationId());
            r.put("causation_id", e.isRoot() ? null : e.causationId());
            r.put("source_container", e.sourceContainer());
            r.put("created_at", e.createdAt());
            r.put("emit_us", e.emittedAt() - e.createdAt());
            r.put("queue_us", e.receivedAt() == TracedEvent.ABSENT ? null : e.receivedAt() - e.emittedAt());
            r.put("latency_us", e.processedAt() == TracedEvent.ABSENT ? null : e.processedAt() - e.createdAt());
            r.put("data", new HashMap<>(e.data()));
            r.put("version", e.version());
            r.put("sequence_number", e.sequenceNumber());
            r.put("partition_key", e.partitionKey());
            records.add(r);
        }
        return records;
    }

    /** Writes {@code records} into one file, as one run of one writer would be. */
    static void write(Path file, List<GenericRecord> records) throws IOException {
        try (ParquetWriter<GenericRecord> writer = AvroParquetWriter.<GenericRecord>builder(new LocalOutputFile(file))
                .withSchema(SCHEMA)
                .withConf(HadoopFiles.configuration())
                .withCodecFactory(PureJavaCodecs.INSTANCE)
                .withCompressionCodec(CompressionCodecName.ZSTD)
                .build()) {
            for (GenericRecord record : records) {
                writer.write(record);
            }
        }
    }
}
