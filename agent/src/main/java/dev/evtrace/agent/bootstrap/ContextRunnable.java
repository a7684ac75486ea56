package dev.evtrace.agent.bootstrap;

/**
 * A task that runs in the context of the thread that submitted it, then gives the worker thread back the
 * context it had: nothing leaks into the next, unrelated task.
 */
public final class ContextRunnable implements Runnable {
    private final Runnable task;
    private final PropagatedContext context;

    ContextRunnable(Runnable task, PropagatedContext context) {
        this.task = task;
        this.context = context;
    }

    @Override
    public void run() {
        ThreadContext ctx = Tracer.enter(context);
        try {
            task.run();
        } finally {
            Tracer.leave(ctx, context);
        }
    }

    @Override
    public String toString() {
        return task.toString();
    }
}
