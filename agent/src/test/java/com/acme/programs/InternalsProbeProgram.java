package com.acme.programs;

/** Prints whether the program's own code may call into the JDK's internal {@code jdk.internal.misc} package. */
public final class InternalsProbeProgram {
    private InternalsProbeProgram() {}

    public static void main(String[] args) throws Exception {
        Class<?> unsafe = Class.forName("jdk.internal.misc.Unsafe");
        try {
            unsafe.getMethod("getUnsafe").invoke(null);
            System.out.println("jdk.internal.misc: accessible");
        } catch (IllegalAccessException e) {
            System.out.println("jdk.internal.misc: not accessible");
        }
    }
}
