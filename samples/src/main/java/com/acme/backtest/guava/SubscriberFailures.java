package com.acme.backtest.guava;

import com.google.common.eventbus.SubscriberExceptionContext;
import com.google.common.eventbus.SubscriberExceptionHandler;

/**
 * Keeps the first exception a subscriber threw, which Guava would otherwise only log before going on, so that
 * the run fails with it instead of printing results of a half-handled cascade.
 */
final class SubscriberFailures implements SubscriberExceptionHandler {

    private RuntimeException first;

    @Override
    public synchronized void handleException(Throwable exception, SubscriberExceptionContext context) {
        if (first == null) {
            first = new IllegalStateException(context.getSubscriber().getClass().getSimpleName() + "."
                    + context.getSubscriberMethod().getName() + " failed on a "
                    + context.getEvent().getClass().getSimpleName(), exception);
        }
    }

    /** Throws the first failure, if a subscriber failed so far. */
    synchronized void rethrow() {
        if (first != null) {
            throw first;
        }
    }
}
