package dev.evtrace.agent;

import java.util.List;
import java.util.Locale;

/** Settings for event buses the tracer knows by name ({@code tracer.preset}). */
enum Preset {
    /** Guava's EventBus and AsyncEventBus: post(Object) publishes, @Subscribe methods handle. */
    GUAVA(List.of(MethodSpec.method("com.google.common.eventbus.EventBus", "post")),
            List.of(new MethodSpec(null, null, "com.google.common.eventbus.Subscribe")));

    private final List<MethodSpec> publish;
    private final List<MethodSpec> handlers;

    Preset(List<MethodSpec> publish, List<MethodSpec> handlers) {
        this.publish = publish;
        this.handlers = handlers;
    }

    List<MethodSpec> publish() {
        return publish;
    }

    List<MethodSpec> handlers() {
        return handlers;
    }

    static Preset named(String name) throws ConfigException {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("bad setting tracer.preset=" + name + ": must be guava");
        }
    }
}
