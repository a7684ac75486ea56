package dev.evtrace.analyzer;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Headless Chromium driven as a process, no WebDriver: it loads a page from a file with every network feature
 * it has of its own turned off, and either prints the DOM after load or saves a screenshot. Chromium logs the
 * page's console (errors and uncaught exceptions included) on stderr as "…:CONSOLE…" lines.
 *
 * <p>In CI (CI set, not "false") Chromium must be installed, and a test that needs it fails without it; on a
 * developer's machine such a test is skipped instead. Debian: {@code apt-get install -y chromium}.
 */
public final class Chromium {
    private static final Path BINARY = Path.of("/usr/bin/chromium");
    private static final long TIMEOUT_SECONDS = 120;

    /** What one run of Chromium printed. */
    public record Output(String stdout, String stderr) {
        /** The page's console messages: anything the page logged, and every error it raised. */
        public List<String> console() {
            return stderr.lines().filter(line -> line.contains(":CONSOLE")).toList();
        }
    }

    private Chromium() {}

    /** The DOM of the page at {@code html} once loaded, serialized. */
    public static Output dumpDom(Path html, Path work) {
        return run(html, work, "--dump-dom");
    }

    /** Saves the page at {@code html}, 1280 pixels wide and {@code height} high, as {@code png}. */
    public static Output screenshot(Path html, Path work, Path png, int height) {
        return run(html, work, "--screenshot=" + png, "--window-size=1280," + height, "--hide-scrollbars");
    }

    private static Output run(Path html, Path work, String... mode) {
        if (!Files.isExecutable(BINARY)) {
            String message = "Chromium is not installed at " + BINARY + " (Debian: apt-get install -y chromium)";
            if (Postgres.inCi()) {
                fail(message + "; CI must run the report's browser tests");
            }
            Assumptions.abort(message + "; skipped outside CI");
        }
        try {
            Path profile = Files.createTempDirectory(work, "chromium-profile");
            Path out = work.resolve(profile.getFileName() + ".out");
            Path err = work.resolve(profile.getFileName() + ".err");
            List<String> command = new ArrayList<>(List.of(BINARY.toString(), "--headless", "--no-sandbox",
                    "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
                    "--enable-logging=stderr", "--v=0"));
            command.addAll(List.of(mode));
            command.add(html.toUri().toString());
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                fail("Chromium did not finish within " + TIMEOUT_SECONDS + " s: " + command);
            }
            return new Output(Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("cannot run Chromium: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while Chromium ran", e);
        }
    }
}
