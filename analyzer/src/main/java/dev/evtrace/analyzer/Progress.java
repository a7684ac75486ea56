package dev.evtrace.analyzer;

import java.io.PrintWriter;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A progress bar on stderr for scans that run long. Drawn only when the analyzer runs at a terminal, and only
 * once a scan has taken two seconds, so quick commands and piped or redirected runs never see it; it never
 * touches stdout, where table, json and csv output go. The line is wiped when the scan ends.
 */
public final class Progress {
    static final long DELAY_NANOS = TimeUnit.SECONDS.toNanos(2);
    private static final long REDRAW_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    /** Reading the clock per event would cost more than handling the event; every 1024th is often enough. */
    static final int CLOCK_EVERY = 1024;
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final boolean terminal;
    private final LongSupplier nanoTime;

    Progress(PrintWriter err, boolean terminal, LongSupplier nanoTime) {
        this.err = err;
        this.terminal = terminal;
        this.nanoTime = nanoTime;
    }

    /** Draws on {@code err} when the JVM has a console: stdin and stdout are a terminal, not a pipe or a file. */
    public static Progress onTerminal(PrintWriter err) {
        return new Progress(err, System.console() != null, System::nanoTime);
    }

    /**
     * @param total how many steps the task will take, asked only if the bar is about to be drawn, as it may
     *              cost a look at every file's footer
     */
    public Task start(String label, LongSupplier total) {
        return new Task(label, total);
    }

    /** One scan: {@link #step()} per item, {@link #close()} at the end. */
    public final class Task implements AutoCloseable {
        private final String label;
        private final LongSupplier totalSupplier;
        private final long started = nanoTime.getAsLong();
        private long total = -1;
        private long done;
        private long lastDraw;
        private int drawnWidth;

        private Task(String label, LongSupplier total) {
            this.label = label;
            this.totalSupplier = total;
        }

        public void step() {
            done++;
            if (!terminal || done % CLOCK_EVERY != 0) {
                return;
            }
            long now = nanoTime.getAsLong();
            if (now - started < DELAY_NANOS || (drawnWidth > 0 && now - lastDraw < REDRAW_NANOS)) {
                return;
            }
            if (total < 0) {
                total = Math.max(1, totalSupplier.getAsLong());
            }
            lastDraw = now;
            draw();
        }

        private void draw() {
            // The total is an estimate from whole row groups, so the count may never quite reach it.
            long shown = Math.min(done, total);
            int filled = (int) (WIDTH * shown / total);
            String line = String.format("%s [%s%s] %3d%% %,d/%,d", label, "#".repeat(filled),
                    ".".repeat(WIDTH - filled), 100 * shown / total, done, total);
            err.print("\r" + line + " ".repeat(Math.max(0, drawnWidth - line.length())));
            err.flush();
            drawnWidth = line.length();
        }

        @Override
        public void close() {
            if (drawnWidth > 0) {
                err.print("\r" + " ".repeat(drawnWidth) + "\r");
                err.flush();
            }
        }
    }
}
