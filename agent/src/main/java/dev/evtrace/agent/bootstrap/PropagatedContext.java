package dev.evtrace.agent.bootstrap;

/**
 * The context a task carries to another thread: the run, and the event whose handler submitted it (0 when
 * it was submitted inside a run boundary but outside any handler) and that handler's source, a name or its
 * class (see {@link SourceNames}).
 */
public record PropagatedContext(RunState run, long causationId, Object source) {}
