package dev.evtrace.agent.bootstrap;

/**
 * The static entry points that inlined advice calls. Every method is cheap, allocation-free on the
 * synchronous path, never throws into the host, and does nothing until a {@link Recording} is started.
 */
public final class Tracer {
    // Volatile read per call: a plain field could be hoisted by the JIT and never see start().
    private static volatile Recording recording;

    private Tracer() {}

    public static void start(Recording r) {
        recording = r;
    }

    public static Recording recording() {
        return recording;
    }

    /**
     * Called on entry to the bus's publish method.
     *
     * @return the thread's context when the event is now being traced, else null (tracing off, or the same
     *     event re-entering publish through an overriding method)
     */
    public static ThreadContext publishStart(Object event) {
        Recording r = recording;
        if (r == null || event == null) {
            return null;
        }
        ThreadContext ctx = ThreadContext.current();
        if (ctx.isPublishing(event)) {
            return null;
        }
        long causation = 0;
        Object source = ctx.threadName;
        if (ctx.handlerDepth > 0) {
            int h = ctx.handlerDepth - 1;
            causation = ctx.handlerEventId[h];
            source = ctx.handlerSource[h];
        }
        RunState run = ctx.currentRun();
        if (run == null) {
            run = r.defaultRun();
        }
        ctx.pushPublish(event, run, run.nextEventId(), causation, source, Clock.ticks());
        return ctx;
    }

    /**
     * Called on every exit from publish, normal or exceptional: the event's record goes to the ring, carrying
     * the deliveries of it that ran inside.
     */
    public static void publishEnd(ThreadContext ctx) {
        if (ctx == null) {
            return;
        }
        int i = --ctx.publishDepth;
        Object event = ctx.publishEvent[i];
        RunState run = ctx.publishRun[i];
        ctx.publishEvent[i] = null;
        Recording r = recording;
        if (r == null) {
            return;
        }
        long created = ctx.publishCreated[i];
        long received = ctx.publishReceived[i];
        if (received == Clock.NONE) {
            // Nobody received it while publish ran: a queued or async bus will deliver it later, anywhere.
            if (event instanceof DeferredEvent d) {
                d.evtrace$defer(ctx.publishId[i], run);
            } else {
                r.deferred().register(event, ctx.publishId[i], run);
            }
        }
        r.hand(0, event, run, ctx.publishId[i], ctx.publishCausation[i], ctx.publishSource[i], ctx.threadName,
                created, received, ctx.publishProcessed[i], ctx.deliverySource, ctx.deliveryTimes,
                i * EventRing.MAX_INLINE, ctx.deliveryCount[i], ctx.deliveryThrew[i]);
    }

    /**
     * Called just before a JDK call that publishes (e.g. {@code queue.add(event)} in an engine with no bus):
     * the event is recorded as published now, to be delivered later.
     */
    public static void publishedBy(Object event) {
        Recording r = recording;
        if (r != null && event != null && r.isEvent(event)) {
            publishEnd(publishStart(event));
        }
    }

    /**
     * Called on entry to a handler method.
     *
     * @return the thread's context when this delivery is traced, else null (tracing off, an event the tracer
     *     never saw published, or the same event re-entering through an overriding handler)
     */
    public static ThreadContext handlerStart(Object event, Object handler, String declaringType) {
        Recording r = recording;
        if (r == null || event == null) {
            return null;
        }
        ThreadContext ctx = ThreadContext.current();
        if (ctx.isHandling(event, handler)) {
            return null;
        }
        Object source = handler == null ? declaringType : handler.getClass();
        int frame = ctx.publishFrameOf(event);
        if (frame >= 0) {
            long now;
            if (ctx.endedFrame == frame && !ctx.isHandlingFrame(frame) && r.sharesDeliveryClock()) {
                // This publish has just begun, or its previous delivery has just returned normally, the tracer saw
                // nothing on this thread since, and no delivery of this publish is running (one that calls handlers
                // directly runs its own code between them): only the bus's dispatch ran, nanoseconds below the
                // store's microsecond. That moment is this delivery's start, which saves a delivery one of its two
                // clock readings (unless tracer.deliveries.clock=own, for a bus that does work of its own before
                // or between handlers).
                now = ctx.lastMoment(frame);
            } else {
                now = Clock.ticks();
            }
            ctx.forgetEndedDelivery();
            if (ctx.publishReceived[frame] == Clock.NONE) {
                ctx.publishReceived[frame] = now;
            }
            ctx.pushHandler(event, handler, ctx.publishRun[frame], ctx.publishId[frame], source, frame, now);
            return ctx;
        }
        ctx.endedFrame = -1;
        long eventId;
        RunState run;
        if (event instanceof DeferredEvent d) {
            eventId = d.evtrace$eventId(); // first: its volatile read makes the run it was written after visible
            run = d.evtrace$run();
        } else {
            DeferredEvents.Entry deferred = r.deferred().lookup(event);
            eventId = deferred == null ? 0 : deferred.eventId();
            run = deferred == null ? null : deferred.run();
        }
        long now;
        if (eventId != 0 && ctx.endedEventId == eventId && ctx.endedRun == run && ctx.endedDepth == ctx.handlerDepth
                && !ctx.isHandlingEvent(eventId, run) && r.sharesDeliveryClock()) {
            // A queued bus's loop over its handlers, as above: the previous delivery of the same event has just
            // returned normally at this depth, and the tracer saw nothing on this thread since.
            now = ctx.endedAt;
        } else {
            now = Clock.ticks();
        }
        ctx.endedEventId = 0;
        if (eventId == 0) {
            return null;
        }
        ctx.pushHandler(event, handler, run, eventId, source, -1, now);
        return ctx;
    }

    /**
     * Called on every exit from a handler: the delivery is recorded, and its event counts as processed. A
     * delivery inside its event's publish on this thread waits there for the event's record, which carries it.
     */
    public static void handlerEnd(ThreadContext ctx, boolean threw) {
        if (ctx == null) {
            return;
        }
        int h = ctx.handlerDepth - 1;
        long now = Clock.ticks();
        Object event = ctx.handlerEvent[h];
        RunState run = ctx.handlerRun[h];
        ctx.popHandler();
        int frame = ctx.handlerPublishFrame[h];
        if (frame >= 0) {
            ctx.publishProcessed[frame] = now;
        }
        // After a throw the bus may take its time (Guava logs the exception): the next delivery reads the clock.
        ctx.endedFrame = threw ? -1 : frame;
        if (frame < 0 && !threw) {
            ctx.endedEventId = ctx.handlerEventId[h];
            if (ctx.endedRun != run) {
                ctx.endedRun = run; // runs are few and long-lived: stored when they change (see pushPublish)
            }
            ctx.endedDepth = h;
            ctx.endedAt = now;
        } else {
            ctx.endedEventId = 0;
        }
        Recording r = recording;
        if (r == null || !r.recordsDeliveries()) {
            return;
        }
        if (frame >= 0) {
            if (!ctx.bufferDelivery(frame, ctx.handlerSource[h], ctx.handlerStart[h], now, threw)) {
                handBufferedDeliveries(r, ctx, frame);
                ctx.bufferDelivery(frame, ctx.handlerSource[h], ctx.handlerStart[h], now, threw);
            }
            return;
        }
        r.hand(EventRing.DELIVERY | (threw ? EventRing.THREW : 0), event, run, ctx.handlerEventId[h], 0,
                ctx.handlerSource[h], ctx.threadName, ctx.handlerStart[h], ctx.handlerStart[h], now, null, null, 0, 0,
                0);
    }

    /**
     * Hands a publish frame's kept deliveries to the ring as records of their own, in the order they ended, and
     * empties its buffer: the frame has more deliveries than its event's record can carry.
     */
    private static void handBufferedDeliveries(Recording r, ThreadContext ctx, int frame) {
        int from = frame * EventRing.MAX_INLINE;
        for (int i = 0; i < ctx.deliveryCount[frame]; i++) {
            long received = ctx.deliveryTimes[2 * (from + i)];
            int threw = (ctx.deliveryThrew[frame] >>> i & 1) != 0 ? EventRing.THREW : 0;
            r.hand(EventRing.DELIVERY | threw, ctx.publishEvent[frame], ctx.publishRun[frame], ctx.publishId[frame], 0,
                    ctx.deliverySource[from + i], ctx.threadName, received, received,
                    ctx.deliveryTimes[2 * (from + i) + 1], null, null, 0, 0, 0);
        }
        ctx.deliveryCount[frame] = 0;
        ctx.deliveryThrew[frame] = 0;
    }

    /** Called on entry to a run boundary (tracer.run): everything inside, on any thread, gets a new run. */
    public static ThreadContext runStart() {
        Recording r = recording;
        if (r == null) {
            return null;
        }
        ThreadContext ctx = ThreadContext.current();
        ctx.pushRun(r.newRun());
        return ctx;
    }

    public static void runEnd(ThreadContext ctx) {
        if (ctx != null) {
            ctx.popRun();
        }
    }

    /**
     * The context a task submitted now should run in: the event being handled (as cause) and its run, or the
     * run boundary's run; null when there is nothing to carry.
     */
    public static PropagatedContext capture() {
        if (recording == null) {
            return null;
        }
        ThreadContext ctx = ThreadContext.current();
        if (ctx.handlerDepth > 0) {
            int h = ctx.handlerDepth - 1;
            return new PropagatedContext(ctx.handlerRun[h], ctx.handlerEventId[h], ctx.handlerSource[h]);
        }
        return ctx.runDepth > 0 ? new PropagatedContext(ctx.runs[ctx.runDepth - 1], 0, null) : null;
    }

    /** Wraps a task so that it runs in the submitter's context; the task itself when there is none. */
    public static Runnable wrap(Runnable task) {
        if (task == null || task instanceof ContextRunnable) {
            return task;
        }
        PropagatedContext context = capture();
        return context == null ? task : new ContextRunnable(task, context);
    }

    /** Enters a captured context on the task's thread; {@link #leave} restores what the thread had before. */
    static ThreadContext enter(PropagatedContext context) {
        ThreadContext ctx = ThreadContext.current();
        if (context.causationId() != 0) {
            ctx.forgetEndedDelivery();
            ctx.pushHandler(ThreadContext.PROPAGATED, null, context.run(), context.causationId(), context.source(), -1,
                    Clock.NONE);
        } else {
            ctx.pushRun(context.run());
        }
        return ctx;
    }

    static void leave(ThreadContext ctx, PropagatedContext context) {
        if (context.causationId() != 0) {
            ctx.popHandler();
        } else {
            ctx.popRun();
        }
    }
}
