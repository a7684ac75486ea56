package dev.evtrace.agent;

import java.util.ArrayList;
import java.util.List;

/**
 * A method named in the configuration, in one of three forms:
 * <ul>
 *   <li>{@code fully.qualified.Type#method}: the type may be a class, a superclass or an interface, and the
 *       method is instrumented in every concrete type that has it;</li>
 *   <li>{@code com.acme.**#on*Event}: simple wildcards on the class name ({@code *} within a package level,
 *       {@code **} across levels) and the method name;</li>
 *   <li>{@code @fully.qualified.Annotation}: every method carrying that annotation (Guava's @Subscribe).</li>
 * </ul>
 */
public record MethodSpec(String typeName, String methodName, String annotation) {
    public static MethodSpec method(String typeName, String methodName) {
        return new MethodSpec(typeName, methodName, null);
    }

    static List<MethodSpec> parseList(String key, String value) throws ConfigException {
        List<MethodSpec> specs = new ArrayList<>();
        for (String part : value.split(",")) {
            String s = part.trim();
            if (s.isEmpty()) {
                continue;
            }
            int hash = s.indexOf('#');
            if (s.startsWith("@") && dottedNames(s, 1, s.length()) && !s.contains("*")) {
                specs.add(new MethodSpec(null, null, s.substring(1)));
            } else if (hash > 0 && dottedNames(s, 0, hash) && dottedNames(s, hash + 1, s.length())
                    && s.indexOf('.', hash) < 0) {
                specs.add(method(s.substring(0, hash), s.substring(hash + 1)));
            } else {
                throw new ConfigException("bad setting " + key + "=" + value + ": '" + s
                        + "' is not of the form fully.qualified.Type#method, com.acme.**#on*Event or @fully.qualified.Annotation");
            }
        }
        return List.copyOf(specs);
    }

    /**
     * Whether {@code s[from, to)} is names joined by dots, each a letter, {@code _}, {@code $} or {@code *} followed
     * by those or digits. Checked by hand rather than by a regular expression: premain runs this before the
     * program's {@code main}, and a JVM's first regular expression costs it 5 to 12 ms (BENCHMARKS.md, session 20).
     */
    private static boolean dottedNames(String s, int from, int to) {
        boolean nameStart = true;
        for (int i = from; i < to; ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (c == '.' && !nameStart) {
                nameStart = true;
            } else if (Character.isLetter(c) || c == '_' || c == '$' || c == '*' || (!nameStart && isNumber(c))) {
                nameStart = false;
            } else {
                return false;
            }
        }
        return !nameStart;
    }

    /** A code point of Unicode's Number category (what a regular expression's {@code \p{N}} matches). */
    private static boolean isNumber(int c) {
        int type = Character.getType(c);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    public boolean isAnnotation() {
        return annotation != null;
    }

    public boolean isWildcard() {
        return !isAnnotation() && (typeName.contains("*") || methodName.contains("*"));
    }

    /** A JDK method (java.util.Queue#add): instrumented at its call sites in the program, never in the JDK. */
    public boolean isJdkCall() {
        return !isAnnotation() && (typeName.startsWith("java.") || typeName.startsWith("javax."));
    }

    /**
     * Whether {@code name} fits the wildcard {@code glob}: {@code *} stands for any characters but a dot (within
     * a package level), {@code **} for any characters. The start-up gate asks for every class that loads, and
     * the installer for each class it is shown; by hand rather than by regular expression, as the gate's are
     * compiled in premain, where a JVM's first regular expression costs 5 to 12 ms (BENCHMARKS.md, session 20).
     */
    public static boolean globMatches(String glob, String name) {
        return globMatches(glob, 0, name, 0);
    }

    private static boolean globMatches(String glob, int g, String name, int n) {
        while (g < glob.length()) {
            char c = glob.charAt(g);
            if (c == '*') {
                boolean anyLevel = g + 1 < glob.length() && glob.charAt(g + 1) == '*';
                int rest = g + (anyLevel ? 2 : 1);
                for (int end = n; ; end++) {
                    if (globMatches(glob, rest, name, end)) {
                        return true;
                    }
                    if (end == name.length() || (!anyLevel && name.charAt(end) == '.')) {
                        return false;
                    }
                }
            }
            if (n == name.length() || name.charAt(n) != c) {
                return false;
            }
            g++;
            n++;
        }
        return n == name.length();
    }

    @Override
    public String toString() {
        return isAnnotation() ? "@" + annotation : typeName + "#" + methodName;
    }
}
