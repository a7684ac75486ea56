package dev.evtrace.analyzer;

import dev.evtrace.analyzer.output.Format;
import dev.evtrace.analyzer.output.Output;
import java.util.Arrays;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** The options every subcommand takes, mixed in with {@code @Mixin}. */
public final class CommonOptions {
    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    @Option(names = "--store", paramLabel = "DIR", defaultValue = "./events",
            description = "The event store directory (default: ${DEFAULT-VALUE}).")
    private String store;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", converter = FormatConverter.class,
            description = "table, json or csv (default: ${DEFAULT-VALUE}).")
    private Format format;

    /** Read by {@link ErrorHandler} from the parse result, which it has where it has no command object. */
    @Option(names = "--debug", description = "On an error, print its stack trace too.")
    private boolean debug;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    /** @throws dev.evtrace.store.StoreException when there is no store at --store */
    public Store openStore() {
        return new Store(store);
    }

    public Output output() {
        return new Output(format, command.commandLine().getOut());
    }

    /** Any case, and on a bad value names the formats as users type them, not as enum constants. */
    static final class FormatConverter implements ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            return Arrays.stream(Format.values())
                    .filter(f -> f.toString().equalsIgnoreCase(value))
                    .findFirst()
                    .orElseThrow(() -> new TypeConversionException("expected one of "
                            + Arrays.stream(Format.values()).map(Format::toString).collect(Collectors.joining(", "))
                            + " but was '" + value + "'"));
        }
    }
}
