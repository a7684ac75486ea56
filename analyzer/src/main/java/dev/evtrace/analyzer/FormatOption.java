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

/**
 * {@code --format table|json|csv}, mixed in by the commands that print a result. Apart from
 * {@link CommonOptions} because {@code export} has a --format of its own: the file format it writes.
 */
public final class FormatOption {
    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", converter = FormatConverter.class,
            description = "table, json or csv (default: ${DEFAULT-VALUE}).")
    private Format format;

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
