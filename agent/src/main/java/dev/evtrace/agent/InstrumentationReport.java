package dev.evtrace.agent;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** What the agent instrumented and what went wrong, for the start-up and exit lines on stderr. */
public final class InstrumentationReport {
    private final Set<String> publishTypes = ConcurrentHashMap.newKeySet();
    private final Set<String> handlerTypes = ConcurrentHashMap.newKeySet();
    private final Set<String> runTypes = ConcurrentHashMap.newKeySet();
    private final AtomicLong errors = new AtomicLong();

    void publishInstrumented(String type) {
        publishTypes.add(type);
    }

    void handlerInstrumented(String type) {
        handlerTypes.add(type);
    }

    void runInstrumented(String type) {
        runTypes.add(type);
    }

    void error() {
        errors.incrementAndGet();
    }

    public int publishTypeCount() {
        return publishTypes.size();
    }

    public int handlerTypeCount() {
        return handlerTypes.size();
    }

    public int runTypeCount() {
        return runTypes.size();
    }

    public long errors() {
        return errors.get();
    }
}
