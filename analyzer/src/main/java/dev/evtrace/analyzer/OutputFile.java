package dev.evtrace.analyzer;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Consumer;

/** A file a command writes (--out), replaced whole, with the analyzer's one-line errors when it cannot be. */
public final class OutputFile {
    private OutputFile() {}

    /**
     * Writes {@code content} to {@code path} as UTF-8.
     *
     * @throws DataException when the file cannot be created or written
     */
    public static void write(Path path, Consumer<PrintWriter> content) {
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(path, StandardCharsets.UTF_8))) {
            content.accept(out);
            // PrintWriter swallows write errors (a full disk) and only remembers that one happened.
            if (out.checkError()) {
                throw new DataException("cannot write " + path + ": write failed (disk full?)");
            }
        } catch (IOException e) {
            throw new DataException("cannot write " + path + ": " + describe(e), e);
        } catch (UncheckedIOException e) {
            throw new DataException("cannot write " + path + ": " + describe(e.getCause()), e);
        }
    }

    /** The reason, without the exception class and path Java puts in front of it. */
    public static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage();
    }
}
