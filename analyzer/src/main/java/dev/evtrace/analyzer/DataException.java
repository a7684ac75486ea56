package dev.evtrace.analyzer;

/**
 * The store does not hold what the user asked for: an unknown run or event id, an ambiguous id, a broken
 * causation chain that cannot be walked. Exits 1, like a {@link dev.evtrace.store.StoreException}; the message
 * starts in lower case and follows "analyzer &lt;command&gt;: ".
 */
public final class DataException extends RuntimeException {
    public DataException(String message) {
        super(message);
    }

    /** @param cause what the driver or the file system said, shown in full with --debug */
    public DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
