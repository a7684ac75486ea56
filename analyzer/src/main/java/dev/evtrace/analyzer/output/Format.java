package dev.evtrace.analyzer.output;

import java.util.Locale;

/** The output formats every command offers. */
public enum Format {
    TABLE, JSON, CSV;

    /** As users type it: lower case. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
