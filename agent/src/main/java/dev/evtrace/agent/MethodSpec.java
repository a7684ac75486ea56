package dev.evtrace.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A method named in the configuration as {@code fully.qualified.Type#method}: the type may be a class, a
 * superclass or an interface, and the method is instrumented in every concrete type that has it.
 */
public record MethodSpec(String typeName, String methodName) {
    private static final Pattern FORM =
            Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*#[\\p{L}_$][\\p{L}\\p{N}_$]*");

    static List<MethodSpec> parseList(String key, String value) throws ConfigException {
        List<MethodSpec> specs = new ArrayList<>();
        for (String part : value.split(",")) {
            String s = part.trim();
            if (s.isEmpty()) {
                continue;
            }
            if (!FORM.matcher(s).matches()) {
                throw new ConfigException("bad setting " + key + "=" + value + ": '" + s
                        + "' is not of the form fully.qualified.Type#method");
            }
            int hash = s.indexOf('#');
            specs.add(new MethodSpec(s.substring(0, hash), s.substring(hash + 1)));
        }
        return List.copyOf(specs);
    }

    @Override
    public String toString() {
        return typeName + "#" + methodName;
    }
}
