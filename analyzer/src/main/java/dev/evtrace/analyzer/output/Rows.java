package dev.evtrace.analyzer.output;

import java.util.List;
import java.util.function.Consumer;

/**
 * Rows of text cells handed over one at a time, each time they are asked for: a table or CSV printed from rows
 * that are read as they are printed, never all held.
 */
@FunctionalInterface
public interface Rows {
    /** Hands every row to {@code sink}, in order; a null cell is a missing value. */
    void forEach(Consumer<List<String>> sink);
}
