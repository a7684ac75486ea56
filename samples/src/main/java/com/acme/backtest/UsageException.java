package com.acme.backtest;

/** The command line asked for something the program cannot do; the message says what, in one line. */
final class UsageException extends RuntimeException {

    UsageException(String message) {
        super(message);
    }
}
