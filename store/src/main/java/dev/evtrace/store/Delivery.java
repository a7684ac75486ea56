package dev.evtrace.store;

/**
 * One handler invocation: which handler got which event, on which thread, when, and whether it threw.
 * An event with several handlers has several deliveries; with a queued bus they are where its received and
 * processed times live.
 *
 * @param receivedAt  handler entry, epoch microseconds
 * @param processedAt handler exit (normal or by exception), epoch microseconds
 */
public record Delivery(
        String correlationId,
        long eventId,
        String eventType,
        String handler,
        String thread,
        long receivedAt,
        long processedAt,
        boolean threw) {

    public long durationMicros() {
        return processedAt - receivedAt;
    }
}
