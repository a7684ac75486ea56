package dev.evtrace.agent.startup;

import dev.evtrace.agent.Config;
import dev.evtrace.agent.MethodSpec;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * Whether a class that is being loaded may need instrumenting, from its header: a conservative superset of
 * what the installer's matchers select, so that {@link LoadGate} holds every class the installer could want
 * and lets the rest load at once. It mirrors each kind of matcher:
 * <ul>
 *   <li>a named type ({@code EventBus#publish}, {@code Backtest#run}, executors): the class, its super class or
 *       an interface is that type, or extends it further up (the supertypes' class files are read, not loaded);</li>
 *   <li>a wildcard type ({@code com.acme.**#on*Event}): the class's name;</li>
 *   <li>the event class ({@code tracer.event.class}), which may take the fields of a deferred event: its name;</li>
 *   <li>an annotation ({@code @Subscribe}): its descriptor is in the constant pool;</li>
 *   <li>a JDK call site ({@code java.util.Queue#add} with {@code tracer.callers}): a caller's name and a call of a
 *       method of that name, on any owner.</li>
 * </ul>
 */
public final class InstrumentationCandidates {
    private static final int ACC_INTERFACE = 0x0200;

    private final Set<String> superTypes;
    private final List<String> typeNames;
    private final Set<String> annotationDescriptors;
    private final List<String> callers;
    private final Set<String> calledMethods;
    /** Whether a type extends one of the super types, by the loader it was asked for (weakly: loaders go away). */
    private final Map<ClassLoader, Map<String, Boolean>> knownByLoader = new WeakHashMap<>();
    private final Map<String, Boolean> knownToBoot = new ConcurrentHashMap<>();

    /**
     * @param superTypes binary names of types whose subtypes are instrumented
     * @param typeNames wildcards ({@link MethodSpec#globMatches}) on the binary name of types that are instrumented
     * @param annotationDescriptors descriptors of method annotations ({@code Lcom/acme/Handler;})
     * @param callers wildcards on the binary name of the classes whose call sites are instrumented
     * @param calledMethods the names of the JDK methods whose call sites are instrumented
     */
    public InstrumentationCandidates(Set<String> superTypes, List<String> typeNames, Set<String> annotationDescriptors,
                                     List<String> callers, Set<String> calledMethods) {
        this.superTypes = Set.copyOf(superTypes);
        this.typeNames = List.copyOf(typeNames);
        this.annotationDescriptors = Set.copyOf(annotationDescriptors);
        this.callers = List.copyOf(callers);
        this.calledMethods = Set.copyOf(calledMethods);
    }

    /** What the installer instruments with this configuration. */
    public static InstrumentationCandidates of(Config config) {
        Set<String> superTypes = new HashSet<>();
        List<String> typeNames = new ArrayList<>();
        Set<String> annotations = new HashSet<>();
        Set<String> calledMethods = new HashSet<>();
        List<MethodSpec> specs = new ArrayList<>(config.publish());
        specs.addAll(config.handlers());
        specs.addAll(config.runs());
        for (MethodSpec spec : specs) {
            if (spec.isAnnotation()) {
                annotations.add("L" + spec.annotation().replace('.', '/') + ";");
            } else if (spec.isJdkCall()) {
                calledMethods.add(spec.methodName());
            } else if (spec.typeName().contains("*")) {
                typeNames.add(spec.typeName());
            } else {
                superTypes.add(spec.typeName());
            }
        }
        if (config.executors()) {
            superTypes.add(Executor.class.getName());
        }
        if (!config.eventClass().isEmpty()) {
            typeNames.add(config.eventClass()); // it may carry its deferred id (a name without wildcards is itself)
        }
        List<String> callers = calledMethods.isEmpty() ? List.of() : config.callers();
        return new InstrumentationCandidates(superTypes, typeNames, annotations, callers, calledMethods);
    }

    /**
     * @param loader the class's defining loader, null for the boot loader
     * @param name the class's binary name
     */
    public boolean mayNeedInstrumentation(ClassLoader loader, String name, ClassHeader header) {
        if (name.startsWith("java.") && (header.access() & ACC_INTERFACE) != 0) {
            return false; // the JDK's only candidates are executors, and only classes among them take advice
        }
        if (matchesAny(typeNames, name) || superTypes.contains(name)) {
            return true;
        }
        if (!annotationDescriptors.isEmpty() && header.containsAnyString(annotationDescriptors)) {
            return true;
        }
        if (matchesAny(callers, name) && header.callsMethodNamed(calledMethods)) {
            return true;
        }
        if (superTypes.isEmpty()) {
            return false;
        }
        for (String s : supers(header)) {
            if (extendsSuperType(s.replace('/', '.'), loader)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The classes among {@code loaded} (loaded before the gate, so never held) that may need instrumenting,
     * judged by their class files as if they were loading now. Byte Buddy describes every class it is asked to
     * retransform, walking its supertypes, before its matchers can turn it down: the few dozen classes of the
     * executors' package that the JVM loads before premain cost a sixth of the installation's CPU, on the
     * thread the program waits for at the gate.
     */
    public List<Class<?>> amongLoaded(Class<?>[] loaded) {
        List<Class<?>> out = new ArrayList<>();
        for (Class<?> type : loaded) {
            String name = type.getName();
            if (type.isArray() || type.isPrimitive() || type.isHidden() || IgnoredTypes.isIgnored(name)) {
                continue;
            }
            ClassHeader header = classFile(name, type.getClassLoader());
            if (header == null || mayNeedInstrumentation(type.getClassLoader(), name, header)) {
                out.add(type);
            }
        }
        return out;
    }

    private static boolean matchesAny(List<String> globs, String name) {
        for (String glob : globs) {
            if (MethodSpec.globMatches(glob, name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the type is, or extends, one of the super types, by its class file and its supertypes' as its
     * loader finds them; when one cannot be read, assume it does. Never by loading them from inside the
     * transformation of their subclass, which is being defined: Byte Buddy's agent builder, when the agent used
     * it, skipped a class loaded that way, which then ran uninstrumented. Answers are kept per loader, as many
     * classes share a few supertypes.
     */
    private boolean extendsSuperType(String typeName, ClassLoader loader) {
        if (superTypes.contains(typeName)) {
            return true;
        }
        if (typeName.equals("java.lang.Object")) {
            return false;
        }
        Map<String, Boolean> known = known(loader);
        Boolean answer = known.get(typeName);
        if (answer == null) {
            answer = readsAsSubType(typeName, loader);
            known.put(typeName, answer);
        }
        return answer;
    }

    private boolean readsAsSubType(String typeName, ClassLoader loader) {
        ClassHeader header = classFile(typeName, loader);
        if (header == null) {
            return true;
        }
        for (String s : supers(header)) {
            if (extendsSuperType(s.replace('/', '.'), loader)) {
                return true;
            }
        }
        return false;
    }

    /** The header of a type's class file as its loader finds it, or null when it finds none it can read. */
    private static ClassHeader classFile(String typeName, ClassLoader loader) {
        String path = typeName.replace('.', '/') + ".class";
        try (InputStream in = loader == null ? ClassLoader.getSystemResourceAsStream(path) : loader.getResourceAsStream(path)) {
            return in == null ? null : ClassHeader.parse(in.readAllBytes());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static List<String> supers(ClassHeader header) {
        List<String> supers = new ArrayList<>(header.interfaces());
        if (header.superName() != null) {
            supers.add(header.superName());
        }
        return supers;
    }

    private Map<String, Boolean> known(ClassLoader loader) {
        if (loader == null) {
            return knownToBoot;
        }
        synchronized (knownByLoader) {
            return knownByLoader.computeIfAbsent(loader, l -> new ConcurrentHashMap<>());
        }
    }
}
