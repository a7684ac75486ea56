package com.acme.programs;

import java.security.CodeSource;

/**
 * A backtest program that brings its own Byte Buddy, Avro, Parquet and slf4j (other versions than the
 * agent's) and uses them, then runs the sample backtest. Launched by the agent's ConflictingLibrariesIT.
 */
public final class ProgramWithItsOwnLibraries {
    private ProgramWithItsOwnLibraries() {}

    public static void main(String[] args) throws Exception {
        Class<?> generated = new net.bytebuddy.ByteBuddy().subclass(Object.class).name("com.acme.Generated").make()
                .load(ProgramWithItsOwnLibraries.class.getClassLoader()).getLoaded();
        org.apache.avro.Schema schema = org.apache.avro.SchemaBuilder.record("Bar").fields().requiredDouble("close").endRecord();
        org.apache.parquet.schema.MessageType parquet = org.apache.parquet.schema.MessageTypeParser
                .parseMessageType("message bar { required double close; }");
        org.slf4j.LoggerFactory.getLogger("program");
        System.out.println("program libraries: " + jar(net.bytebuddy.ByteBuddy.class) + " " + jar(org.apache.avro.Schema.class)
                + " " + jar(org.apache.parquet.schema.MessageType.class) + " " + jar(org.slf4j.LoggerFactory.class));
        System.out.println("program used: " + generated.getName() + " " + schema.getName() + " " + parquet.getName());
        Class.forName("com.acme.backtest.Main").getMethod("main", String[].class).invoke(null, (Object) args);
    }

    private static String jar(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        String path = source == null ? "?" : source.getLocation().getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
