package dev.evtrace.analyzer.output;

import java.util.List;
import java.util.function.Consumer;

/** Rows of text cells handed over one at a time as they are read: a table or CSV printed without holding them. */
@FunctionalInterface
public interface Rows {
    /** Hands every row to {@code sink}, in order; a null cell is a missing value. */
    void forEach(Consumer<List<String>> sink);
}
