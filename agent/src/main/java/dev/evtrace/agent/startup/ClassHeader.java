package dev.evtrace.agent.startup;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a class file says about itself before it is defined: its name, super class, interfaces, and the
 * strings and method calls in its constant pool. Read straight from the bytes, without loading a class or
 * Byte Buddy, so that {@link LoadGate} can decide in microseconds whether a class may need instrumenting.
 */
public final class ClassHeader {
    private static final int UTF8 = 1;
    private static final int CLASS = 7;
    private static final int METHOD_REF = 10;
    private static final int INTERFACE_METHOD_REF = 11;
    private static final int NAME_AND_TYPE = 12;

    private final byte[] bytes;
    private final byte[] tags;
    private final int[] offsets;
    private final int access;
    private final String name;
    private final String superName;
    private final List<String> interfaces;

    private ClassHeader(byte[] bytes) {
        this.bytes = bytes;
        if (u4(0) != 0xCAFEBABE) {
            throw new IllegalArgumentException("not a class file");
        }
        int count = u2(8);
        tags = new byte[count];
        offsets = new int[count];
        int at = 10;
        for (int i = 1; i < count; i++) {
            tags[i] = bytes[at];
            offsets[i] = at + 1;
            at += 1 + entrySize(bytes[at], at + 1);
            if (tags[i] == 5 || tags[i] == 6) {
                i++; // a long or a double takes two slots
            }
        }
        access = u2(at);
        name = className(u2(at + 2));
        int superIndex = u2(at + 4);
        superName = superIndex == 0 ? null : className(superIndex);
        int n = u2(at + 6);
        List<String> names = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            names.add(className(u2(at + 8 + 2 * i)));
        }
        interfaces = List.copyOf(names);
    }

    /** @throws IllegalArgumentException or an {@link IndexOutOfBoundsException} if the bytes are no class file */
    public static ClassHeader parse(byte[] classFile) {
        return new ClassHeader(classFile);
    }

    public int access() {
        return access;
    }

    /** The internal name, {@code com/acme/Bus}. */
    public String name() {
        return name;
    }

    /** The internal name of the super class, null for {@code java/lang/Object} and module-info. */
    public String superName() {
        return superName;
    }

    public List<String> interfaces() {
        return interfaces;
    }

    /** Whether any of these strings is in the constant pool (a descriptor, such as an annotation's). */
    public boolean containsAnyString(Set<String> candidates) {
        for (int i = 1; i < tags.length; i++) {
            if (tags[i] == UTF8 && candidates.contains(utf8(i))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the class calls a method of one of these names, on any owner. */
    public boolean callsMethodNamed(Set<String> methodNames) {
        for (int i = 1; i < tags.length; i++) {
            if (tags[i] == METHOD_REF || tags[i] == INTERFACE_METHOD_REF) {
                int nameAndType = u2(offsets[i] + 2);
                if (tags[nameAndType] == NAME_AND_TYPE && methodNames.contains(utf8(u2(offsets[nameAndType])))) {
                    return true;
                }
            }
        }
        return false;
    }

    private int entrySize(byte tag, int at) {
        return switch (tag) {
            case UTF8 -> 2 + u2(at);
            case 7, 8, 16, 19, 20 -> 2;
            case 15 -> 3;
            case 3, 4, 9, 10, 11, 12, 17, 18 -> 4;
            case 5, 6 -> 8;
            default -> throw new IllegalArgumentException("unknown constant pool tag " + tag);
        };
    }

    private String className(int index) {
        if (tags[index] != CLASS) {
            throw new IllegalArgumentException("constant " + index + " is not a class");
        }
        return utf8(u2(offsets[index]));
    }

    /** Modified UTF-8, as class files store names. */
    private String utf8(int index) {
        int at = offsets[index];
        int end = at + 2 + u2(at);
        StringBuilder sb = new StringBuilder(end - at);
        for (int i = at + 2; i < end; i++) {
            int b = bytes[i] & 0xFF;
            if (b < 0x80) {
                sb.append((char) b);
            } else if (b < 0xE0) {
                sb.append((char) (((b & 0x1F) << 6) | (bytes[++i] & 0x3F)));
            } else {
                sb.append((char) (((b & 0x0F) << 12) | ((bytes[++i] & 0x3F) << 6) | (bytes[++i] & 0x3F)));
            }
        }
        return sb.toString();
    }

    private int u2(int at) {
        return ((bytes[at] & 0xFF) << 8) | (bytes[at + 1] & 0xFF);
    }

    private int u4(int at) {
        return (u2(at) << 16) | u2(at + 2);
    }
}
