package dev.evtrace.agent.bootstrap;

import java.util.Arrays;

/**
 * What one thread is doing, as three stacks: the runs it is inside (run boundaries), the events it is
 * publishing, and the handlers it is running. The innermost running handler's event is the cause of anything
 * published now, and its run is the run of anything published now.
 * Frames are parallel arrays, reused for the thread's life: entering and leaving allocates nothing.
 */
public final class ThreadContext {
    private static final ThreadLocal<ThreadContext> CURRENT = ThreadLocal.withInitial(ThreadContext::new);
    /** Stands for the event of a handler frame that only carries context into a task on another thread. */
    static final Object PROPAGATED = new Object();

    final String threadName = Thread.currentThread().getName();

    RunState[] runs = new RunState[4];
    int runDepth;

    Object[] publishEvent = new Object[8];
    RunState[] publishRun = new RunState[8];
    long[] publishId = new long[8];
    long[] publishCausation = new long[8];
    /** A name, or the class of the handler that published (see {@link SourceNames}). */
    Object[] publishSource = new Object[8];
    long[] publishCreated = new long[8];
    long[] publishReceived = new long[8];
    long[] publishProcessed = new long[8];
    /**
     * The deliveries of each publish frame that have ended, up to {@link EventRing#MAX_INLINE}, which its
     * event's record carries to the ring (see {@link #bufferDelivery}): a frame's handlers, its received and
     * processed moments in pairs, how many, and which threw, by bit.
     */
    Object[] deliverySource = new Object[8 * EventRing.MAX_INLINE];
    long[] deliveryTimes = new long[8 * EventRing.MAX_INLINE * 2];
    int[] deliveryCount = new int[8];
    int[] deliveryThrew = new int[8];
    int publishDepth;

    Object[] handlerEvent = new Object[8];
    Object[] handlerObject = new Object[8];
    RunState[] handlerRun = new RunState[8];
    long[] handlerEventId = new long[8];
    Object[] handlerSource = new Object[8];
    int[] handlerPublishFrame = new int[8];
    long[] handlerStart = new long[8];
    int handlerDepth;
    /**
     * The publish frame whose start, or whose delivery ended normally, was the last thing the tracer saw on this
     * thread; -1 after anything else. That moment ({@link #lastMoment}) is then the moment the next delivery of
     * that frame starts (see {@link Tracer#handlerStart}).
     */
    int endedFrame = -1;
    /**
     * The same for a delivery outside any publish on this thread (a queued bus's): the id of the event whose
     * delivery was the last thing the tracer saw here, ended normally (0 after anything else), its run, the
     * handler depth it ended at, and the moment it ended, which is then the next delivery's start of that event.
     */
    long endedEventId;
    RunState endedRun;
    int endedDepth;
    long endedAt;

    /**
     * The tracer saw something other than a delivery's end: the next delivery reads the clock itself. Called where
     * something starts (a run boundary, a task's context; a publish does the same in {@link #pushPublish}, then
     * notes its own start); what ends there ends after the loop that called the two deliveries, so it never comes
     * between them.
     */
    void forgetEndedDelivery() {
        endedFrame = -1;
        endedEventId = 0;
    }

    public static ThreadContext current() {
        return CURRENT.get();
    }

    /** The run whatever is published now belongs to: the handled event's, else the run boundary's, else null. */
    RunState currentRun() {
        if (handlerDepth > 0) {
            return handlerRun[handlerDepth - 1];
        }
        return runDepth > 0 ? runs[runDepth - 1] : null;
    }

    void pushRun(RunState run) {
        forgetEndedDelivery();
        if (runDepth == runs.length) {
            runs = Arrays.copyOf(runs, runDepth * 2);
        }
        runs[runDepth++] = run;
    }

    void popRun() {
        runs[--runDepth] = null;
    }

    void pushPublish(Object event, RunState run, long id, long causation, Object source, long now) {
        if (publishDepth == publishEvent.length) {
            int n = publishDepth * 2;
            publishEvent = Arrays.copyOf(publishEvent, n);
            publishRun = Arrays.copyOf(publishRun, n);
            publishId = Arrays.copyOf(publishId, n);
            publishCausation = Arrays.copyOf(publishCausation, n);
            publishSource = Arrays.copyOf(publishSource, n);
            publishCreated = Arrays.copyOf(publishCreated, n);
            publishReceived = Arrays.copyOf(publishReceived, n);
            publishProcessed = Arrays.copyOf(publishProcessed, n);
            deliverySource = Arrays.copyOf(deliverySource, n * EventRing.MAX_INLINE);
            deliveryTimes = Arrays.copyOf(deliveryTimes, n * EventRing.MAX_INLINE * 2);
            deliveryCount = Arrays.copyOf(deliveryCount, n);
            deliveryThrew = Arrays.copyOf(deliveryThrew, n);
        }
        int i = publishDepth;
        publishEvent[i] = event;
        // Runs and sources are few and long-lived: stored only when they change, as each reference stored
        // into these long-lived arrays costs G1's write barrier a StoreLoad fence (see EventRing.fill).
        if (publishRun[i] != run) {
            publishRun[i] = run;
        }
        publishId[i] = id;
        publishCausation[i] = causation;
        if (publishSource[i] != source) {
            publishSource[i] = source;
        }
        publishCreated[i] = now;
        publishReceived[i] = Clock.NONE;
        publishProcessed[i] = Clock.NONE;
        deliveryCount[i] = 0;
        deliveryThrew[i] = 0;
        publishDepth = i + 1;
        // Something starts, so a queued delivery's end is forgotten; and this publish's start is now the moment
        // its first delivery starts at (see Tracer#handlerStart).
        endedEventId = 0;
        endedFrame = i;
    }

    /** The frame's latest moment: its last delivery's end, or its start while no delivery has ended. */
    long lastMoment(int frame) {
        long processed = publishProcessed[frame];
        return processed != Clock.NONE ? processed : publishCreated[frame];
    }

    /**
     * Keeps an ended delivery of publish frame {@code frame} for its event's record.
     *
     * @return false when the frame already holds {@link EventRing#MAX_INLINE}: nothing was kept
     */
    boolean bufferDelivery(int frame, Object source, long received, long processed, boolean threw) {
        int n = deliveryCount[frame];
        if (n == EventRing.MAX_INLINE) {
            return false;
        }
        int i = frame * EventRing.MAX_INLINE + n;
        // A frame's handlers are mostly the same classes in the same order event after event (see pushPublish).
        if (deliverySource[i] != source) {
            deliverySource[i] = source;
        }
        deliveryTimes[2 * i] = received;
        deliveryTimes[2 * i + 1] = processed;
        if (threw) {
            deliveryThrew[frame] |= 1 << n;
        }
        deliveryCount[frame] = n + 1;
        return true;
    }

    void pushHandler(Object event, Object handler, RunState run, long eventId, Object source, int publishFrame, long now) {
        if (handlerDepth == handlerEvent.length) {
            int n = handlerDepth * 2;
            handlerEvent = Arrays.copyOf(handlerEvent, n);
            handlerObject = Arrays.copyOf(handlerObject, n);
            handlerRun = Arrays.copyOf(handlerRun, n);
            handlerEventId = Arrays.copyOf(handlerEventId, n);
            handlerSource = Arrays.copyOf(handlerSource, n);
            handlerPublishFrame = Arrays.copyOf(handlerPublishFrame, n);
            handlerStart = Arrays.copyOf(handlerStart, n);
        }
        int i = handlerDepth;
        handlerEvent[i] = event;
        handlerObject[i] = handler;
        if (handlerRun[i] != run) {
            handlerRun[i] = run;
        }
        handlerEventId[i] = eventId;
        if (handlerSource[i] != source) {
            handlerSource[i] = source;
        }
        handlerPublishFrame[i] = publishFrame;
        handlerStart[i] = now;
        handlerDepth = i + 1;
    }

    /** The publish frame of {@code event} on this thread, innermost first, or -1. */
    int publishFrameOf(Object event) {
        for (int i = publishDepth - 1; i >= 0; i--) {
            if (publishEvent[i] == event) {
                return i;
            }
        }
        return -1;
    }

    /** Whether the innermost running handler is a delivery of publish frame {@code frame}. */
    boolean isHandlingFrame(int frame) {
        int top = handlerDepth - 1;
        return top >= 0 && handlerPublishFrame[top] == frame;
    }

    /** Whether the innermost handler running is handling that event (a handler calling others directly). */
    boolean isHandlingEvent(long eventId, RunState run) {
        int top = handlerDepth - 1;
        return top >= 0 && handlerEventId[top] == eventId && handlerRun[top] == run;
    }

    boolean isPublishing(Object event) {
        return publishDepth > 0 && publishEvent[publishDepth - 1] == event;
    }

    /**
     * The same handler object already handling the same event: an overriding handler calling super. A
     * different handler getting the same event (a router forwarding it to another bus) is a new delivery.
     */
    boolean isHandling(Object event, Object handler) {
        int top = handlerDepth - 1;
        return top >= 0 && handlerEvent[top] == event && handlerObject[top] == handler;
    }

    /** Leaves the frame's run and source in place (see {@link #pushPublish}); its event and handler go. */
    void popHandler() {
        int h = --handlerDepth;
        handlerEvent[h] = null;
        handlerObject[h] = null;
    }
}
