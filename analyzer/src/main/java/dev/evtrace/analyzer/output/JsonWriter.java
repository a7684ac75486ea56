package dev.evtrace.analyzer.output;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Writes one JSON document, indented two spaces (or compact, on one line), as the calls arrive. Small on purpose:
 * the analyzer only writes strings, integers, exact decimals, booleans and null, so a JSON library would be dead
 * weight.
 */
public final class JsonWriter {
    private final PrintWriter out;
    private final boolean indent;
    /** One entry per open object or array: whether it has a member yet, which decides the comma. */
    private final Deque<Boolean> hasMembers = new ArrayDeque<>();
    private boolean afterName;

    public JsonWriter(PrintWriter out) {
        this(out, true);
    }

    /** @param indent false for no whitespace at all: traces of millions of events, read by tools, not people */
    public JsonWriter(PrintWriter out, boolean indent) {
        this.out = out;
        this.indent = indent;
    }

    public JsonWriter beginObject() {
        return begin('{');
    }

    public JsonWriter endObject() {
        return end('}');
    }

    public JsonWriter beginArray() {
        return begin('[');
    }

    public JsonWriter endArray() {
        return end(']');
    }

    public JsonWriter name(String name) {
        beforeValue();
        string(name);
        out.write(indent ? ": " : ":");
        afterName = true;
        return this;
    }

    public JsonWriter value(String value) {
        beforeValue();
        if (value == null) {
            out.write("null");
        } else {
            string(value);
        }
        return this;
    }

    /** An integer or an exact decimal (written plain, never in exponent form); null writes null. */
    public JsonWriter value(Number value) {
        beforeValue();
        out.write(value == null ? "null" : value instanceof BigDecimal d ? d.toPlainString() : value.toString());
        return this;
    }

    public JsonWriter value(boolean value) {
        beforeValue();
        out.write(Boolean.toString(value));
        return this;
    }

    public JsonWriter field(String name, String value) {
        return name(name).value(value);
    }

    public JsonWriter field(String name, Number value) {
        return name(name).value(value);
    }

    public JsonWriter field(String name, boolean value) {
        return name(name).value(value);
    }

    private JsonWriter begin(char bracket) {
        beforeValue();
        out.write(bracket);
        hasMembers.push(false);
        return this;
    }

    private JsonWriter end(char bracket) {
        if (hasMembers.pop()) {
            newline();
        }
        out.write(bracket);
        if (hasMembers.isEmpty()) {
            out.write('\n');
        }
        return this;
    }

    private void beforeValue() {
        if (afterName) {
            afterName = false;
            return;
        }
        if (!hasMembers.isEmpty()) {
            if (hasMembers.pop()) {
                out.write(',');
            }
            hasMembers.push(true);
            newline();
        }
    }

    private void newline() {
        if (!indent) {
            return;
        }
        out.write('\n');
        out.write("  ".repeat(hasMembers.size()));
    }

    private void string(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        out.write(sb.append('"').toString());
    }
}
