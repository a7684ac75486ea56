package dev.evtrace.analyzer;

import dev.evtrace.store.StoreException;
import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns every failure into one line on stderr, {@code analyzer <command>: <what is wrong>}, and an exit code:
 * 1 when the data is not what was asked for (or on an internal error), 2 for bad usage, which also prints the
 * usage. A stack trace only with --debug.
 */
final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {
    static final int BAD_DATA = 1;
    static final int BAD_USAGE = 2;

    private static final String PICOCLI_PREFIX = "Error: ";

    @Override
    public int handleExecutionException(Exception ex, CommandLine command, ParseResult parsed) {
        PrintWriter err = command.getErr();
        boolean debug = command.getParseResult().hasMatchedOption("--debug");
        if (ex instanceof StoreException || ex instanceof DataException) {
            err.println(prefix(command) + ex.getMessage());
        } else {
            err.println(prefix(command) + "internal error: " + ex + (debug ? "" : " (rerun with --debug for the stack trace)"));
        }
        if (debug) {
            ex.printStackTrace(err);
        }
        err.flush();
        return BAD_DATA;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine command = ex.getCommandLine();
        PrintWriter err = command.getErr();
        err.println(prefix(command) + lowerFirst(ex.getMessage()));
        UnmatchedArgumentException.printSuggestions(ex, err);
        command.usage(err);
        err.flush();
        return BAD_USAGE;
    }

    /** "analyzer runs: ", or "analyzer: " for the top command. */
    private static String prefix(CommandLine command) {
        return command.getCommandSpec().qualifiedName() + ": ";
    }

    /** picocli's messages start upper case, some with "Error: "; ours continue in lower case after the colon. */
    private static String lowerFirst(String message) {
        String m = message.startsWith(PICOCLI_PREFIX) ? message.substring(PICOCLI_PREFIX.length()) : message;
        return m.isEmpty() ? m : m.substring(0, 1).toLowerCase(Locale.ROOT) + m.substring(1);
    }
}
