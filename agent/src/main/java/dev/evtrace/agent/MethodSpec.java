package dev.evtrace.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

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
    private static final String NAME = "[\\p{L}_$*][\\p{L}\\p{N}_$*]*";
    private static final Pattern FORM = Pattern.compile(NAME + "(\\." + NAME + ")*#" + NAME);
    private static final Pattern ANNOTATION = Pattern.compile("@" + NAME + "(\\." + NAME + ")*");

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
            if (ANNOTATION.matcher(s).matches() && !s.contains("*")) {
                specs.add(new MethodSpec(null, null, s.substring(1)));
            } else if (FORM.matcher(s).matches()) {
                int hash = s.indexOf('#');
                specs.add(method(s.substring(0, hash), s.substring(hash + 1)));
            } else {
                throw new ConfigException("bad setting " + key + "=" + value + ": '" + s
                        + "' is not of the form fully.qualified.Type#method, com.acme.**#on*Event or @fully.qualified.Annotation");
            }
        }
        return List.copyOf(specs);
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

    /** The regular expression a wildcard name stands for. */
    public static String regex(String glob) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                sb.append(".*");
                i++;
            } else if (c == '*') {
                sb.append("[^.]*");
            } else {
                sb.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return isAnnotation() ? "@" + annotation : typeName + "#" + methodName;
    }
}
