package dev.evtrace.agent.bootstrap;

import java.util.Arrays;

/**
 * What one thread is doing, as two stacks: the events it is publishing (innermost last) and the handlers
 * it is running. The innermost running handler's event is the cause of anything published now.
 * Frames are parallel arrays, reused for the thread's life: entering and leaving allocates nothing.
 */
public final class ThreadContext {
    private static final ThreadLocal<ThreadContext> CURRENT = ThreadLocal.withInitial(ThreadContext::new);

    final String threadName = Thread.currentThread().getName();

    Object[] publishEvent = new Object[8];
    long[] publishId = new long[8];
    long[] publishCausation = new long[8];
    String[] publishSource = new String[8];
    long[] publishCreated = new long[8];
    long[] publishReceived = new long[8];
    long[] publishProcessed = new long[8];
    int publishDepth;

    Object[] handlerEvent = new Object[8];
    long[] handlerEventId = new long[8];
    String[] handlerSource = new String[8];
    int[] handlerPublishFrame = new int[8];
    int handlerDepth;

    public static ThreadContext current() {
        return CURRENT.get();
    }

    void pushPublish(Object event, long id, long causation, String source, long now) {
        if (publishDepth == publishEvent.length) {
            int n = publishDepth * 2;
            publishEvent = Arrays.copyOf(publishEvent, n);
            publishId = Arrays.copyOf(publishId, n);
            publishCausation = Arrays.copyOf(publishCausation, n);
            publishSource = Arrays.copyOf(publishSource, n);
            publishCreated = Arrays.copyOf(publishCreated, n);
            publishReceived = Arrays.copyOf(publishReceived, n);
            publishProcessed = Arrays.copyOf(publishProcessed, n);
        }
        int i = publishDepth;
        publishEvent[i] = event;
        publishId[i] = id;
        publishCausation[i] = causation;
        publishSource[i] = source;
        publishCreated[i] = now;
        publishReceived[i] = 0;
        publishProcessed[i] = 0;
        publishDepth = i + 1;
    }

    void pushHandler(Object event, long eventId, String source, int publishFrame) {
        if (handlerDepth == handlerEvent.length) {
            int n = handlerDepth * 2;
            handlerEvent = Arrays.copyOf(handlerEvent, n);
            handlerEventId = Arrays.copyOf(handlerEventId, n);
            handlerSource = Arrays.copyOf(handlerSource, n);
            handlerPublishFrame = Arrays.copyOf(handlerPublishFrame, n);
        }
        int i = handlerDepth;
        handlerEvent[i] = event;
        handlerEventId[i] = eventId;
        handlerSource[i] = source;
        handlerPublishFrame[i] = publishFrame;
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

    boolean isPublishing(Object event) {
        return publishDepth > 0 && publishEvent[publishDepth - 1] == event;
    }

    boolean isHandling(Object event) {
        return handlerDepth > 0 && handlerEvent[handlerDepth - 1] == event;
    }
}
