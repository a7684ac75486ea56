package dev.evtrace.analyzer;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The options every subcommand takes, mixed in with {@code @Mixin}; commands that print add {@link FormatOption}. */
public final class CommonOptions {
    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    @Option(names = "--store", paramLabel = "DIR", defaultValue = "./events",
            description = "The event store directory (default: ${DEFAULT-VALUE}).")
    private String store;

    /** Read by {@link ErrorHandler} from the parse result, which it has where it has no command object. */
    @Option(names = "--debug", description = "On an error, print its stack trace too.")
    private boolean debug;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    /**
     * The store, with a progress bar on this command's stderr for long scans.
     *
     * @throws dev.evtrace.store.StoreException when there is no store at --store
     */
    public Store openStore() {
        return new Store(store, Progress.onTerminal(command.commandLine().getErr()));
    }

    public String store() {
        return store;
    }
}
