package dev.evtrace.analyzer.recover;

import dev.evtrace.analyzer.CommonOptions;
import dev.evtrace.analyzer.DataException;
import dev.evtrace.analyzer.FormatOption;
import dev.evtrace.analyzer.OutputFile;
import dev.evtrace.analyzer.output.Format;
import dev.evtrace.analyzer.output.Output;
import dev.evtrace.analyzer.output.Table;
import dev.evtrace.analyzer.output.Table.Column;
import dev.evtrace.store.StoreException;
import dev.evtrace.store.journal.JournalRecovery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code analyzer recover}: the journals of killed tracers, turned into Parquet. */
@Command(name = "recover",
        description = {
            "Stores the events that tracers killed before completing their files left in their journals "
                    + "(tracer.store.journal=true), and deletes those journals and the killed writers' unfinished "
                    + "files. A journal whose tracer is still running is left alone. Rows a completed file already "
                    + "holds are skipped, so recovering twice, or after a kill while files were being completed, "
                    + "never stores a row twice.",
            "Prints how many journals were recovered and left, and the rows written and skipped."},
        footerHeading = "%nExample:%n",
        footer = "  java -jar analyzer.jar recover --store ./events")
public final class RecoverCommand implements Runnable {
    @Mixin
    private CommonOptions common;

    @Mixin
    private FormatOption format;

    @Override
    public void run() {
        Optional<Path> journals = JournalRecovery.journalDir(common.store());
        if (journals.isEmpty()) {
            throw new DataException(common.store() + " is not on the local file system: journals are written only there");
        }
        if (!Files.isDirectory(journals.get().getParent())) {
            throw new StoreException("no store at " + common.store());
        }
        JournalRecovery.Result result;
        try {
            result = JournalRecovery.recover(common.store());
        } catch (IOException e) {
            throw new DataException("cannot recover the journals in " + journals.get() + ": " + OutputFile.describe(e), e);
        } catch (UncheckedIOException e) {
            throw new DataException("cannot recover the journals in " + journals.get() + ": "
                    + OutputFile.describe(e.getCause()), e);
        }
        print(result);
    }

    private void print(JournalRecovery.Result r) {
        Table table = new Table(List.of(Column.number("recovered"), Column.number("live"), Column.number("events"),
                Column.number("deliveries"), Column.number("already_stored")));
        table.row(r.recovered(), r.live(), r.events(), r.deliveries(), r.alreadyStored());
        Output output = format.output();
        if (output.format() == Format.TABLE && r.recovered() == 0 && r.live() == 0) {
            output.writer().println("no journal to recover in " + common.store());
            return;
        }
        output.print(table, json -> json.beginObject().field("store", common.store())
                .field("recovered", r.recovered()).field("live", r.live()).field("events", r.events())
                .field("deliveries", r.deliveries()).field("already_stored", r.alreadyStored()).endObject());
    }
}
