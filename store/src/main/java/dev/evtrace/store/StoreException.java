package dev.evtrace.store;

/** The store cannot be read or written as asked: a missing location, a corrupt or foreign file. */
public class StoreException extends RuntimeException {
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
