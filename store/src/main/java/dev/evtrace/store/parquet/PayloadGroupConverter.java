package dev.evtrace.store.parquet;

import dev.evtrace.store.Payload;
import java.util.function.Consumer;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Reads a version-2 {@code data} group back into a {@link Payload}: each non-null column an entry, in column
 * order, numbers kept as numbers. Columns of a type this writer never writes are read as their text.
 */
final class PayloadGroupConverter extends GroupConverter {
    private final Consumer<Payload> sink;
    private final Converter[] fields;
    private Payload.Builder payload;

    PayloadGroupConverter(GroupType group, Consumer<Payload> sink) {
        this.sink = sink;
        this.fields = new Converter[group.getFieldCount()];
        for (int i = 0; i < fields.length; i++) {
            Type field = group.getType(i);
            fields[i] = field.isPrimitive() ? converterFor(field.asPrimitiveType()) : new TracedEventMaterializer.IgnoredGroup(field.asGroupType());
        }
    }

    private PrimitiveConverter converterFor(PrimitiveType field) {
        String key = field.getName();
        LogicalTypeAnnotation logical = field.getLogicalTypeAnnotation();
        return switch (field.getPrimitiveTypeName()) {
            case INT64 -> logical instanceof DecimalLogicalTypeAnnotation decimal
                    ? new PrimitiveConverter() {
                        @Override
                        public void addLong(long value) {
                            payload.doubleValue(key, PayloadShape.scaled(value, decimal.getScale()));
                        }
                    }
                    : new PrimitiveConverter() {
                        @Override
                        public void addLong(long value) {
                            payload.longValue(key, value);
                        }
                    };
            case INT32 -> new PrimitiveConverter() {
                @Override
                public void addInt(int value) {
                    payload.longValue(key, value);
                }
            };
            case DOUBLE -> new PrimitiveConverter() {
                @Override
                public void addDouble(double value) {
                    payload.doubleValue(key, value);
                }
            };
            case FLOAT -> new PrimitiveConverter() {
                @Override
                public void addFloat(float value) {
                    payload.text(key, Float.toString(value));
                }
            };
            case BOOLEAN -> new PrimitiveConverter() {
                @Override
                public void addBoolean(boolean value) {
                    payload.text(key, Boolean.toString(value));
                }
            };
            default -> new PrimitiveConverter() {
                private String[] dictionary;

                @Override
                public boolean hasDictionarySupport() {
                    return true;
                }

                @Override
                public void setDictionary(Dictionary d) {
                    dictionary = new String[d.getMaxId() + 1];
                    for (int i = 0; i <= d.getMaxId(); i++) {
                        dictionary[i] = d.decodeToBinary(i).toStringUsingUTF8();
                    }
                }

                @Override
                public void addValueFromDictionary(int id) {
                    payload.text(key, dictionary[id]);
                }

                @Override
                public void addBinary(Binary value) {
                    payload.text(key, value.toStringUsingUTF8());
                }
            };
        };
    }

    @Override
    public Converter getConverter(int fieldIndex) {
        return fields[fieldIndex];
    }

    @Override
    public void start() {
        payload = Payload.builder(fields.length);
    }

    @Override
    public void end() {
        sink.accept(payload.build());
    }
}
