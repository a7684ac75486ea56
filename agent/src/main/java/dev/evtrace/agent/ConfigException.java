package dev.evtrace.agent;

/** A setting the agent cannot run with; the message names the key, the bad value and what is allowed. */
public final class ConfigException extends Exception {
    public ConfigException(String message) {
        super(message);
    }
}
