package dev.evtrace.analyzer.report;

import static dev.evtrace.analyzer.StoreFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evtrace.analyzer.Chromium;
import dev.evtrace.analyzer.Cli;
import dev.evtrace.analyzer.Cli.Result;
import dev.evtrace.analyzer.StoreFixture;
import dev.evtrace.store.TracedEvent;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report as a browser shows it: headless Chromium loads the file, then the DOM and pixels are checked. */
class ReportCommandTest {
    private static final Pattern LATENCY_DATA =
            Pattern.compile("<script type=\"application/json\" id=\"latency-data\">(.*?)</script>", Pattern.DOTALL);
    private static final Pattern LATENCY_ROW = Pattern.compile("<tr data-event-type=\"([^\"]*)\" data-metric=\"([^\"]*)\" "
            + "data-count=\"(\\d+)\" data-missing=\"(\\d+)\" data-mean-ms=\"([^\"]*)\" data-p50-ms=\"([^\"]*)\" "
            + "data-p95-ms=\"([^\"]*)\" data-p99-ms=\"([^\"]*)\" data-max-ms=\"([^\"]*)\">(.*?)</tr>");
    private static final Pattern CELL = Pattern.compile("<td[^>]*>(.*?)</td>");
    private static final Pattern CHAIN = Pattern.compile("<g class=\"chain\" data-event-id=\"(\\d+)\" data-path=\"([^\"]*)\">");
    private static final String[] STATS = {"mean_ms", "p50_ms", "p95_ms", "p99_ms", "max_ms"};

    @TempDir
    Path dir;

    /** Twelve trading days, and 200 TICKs taking 0.25 to 50 ms, so the percentile curves have a shape. */
    private String store(String run) {
        StoreFixture fixture = new StoreFixture(dir.resolve("events")).trading(run, T0,
                101_000, 100_500, 102_000, 101_800, 103_000, 102_500, 104_000, 103_900, 105_000, 104_000, 106_000, 107_000);
        for (long id = 100; id < 300; id++) {
            long created = T0 + id * 1_000;
            fixture.add(new TracedEvent(id, "TICK", created, run, TracedEvent.ABSENT, "com.acme.Clock", created, created,
                    created + 100, created + (id - 99) * 250, Map.of(), TracedEvent.CURRENT_VERSION, id, ""));
        }
        return fixture.write();
    }

    private Path report(String store, String run, String... more) {
        Path html = dir.resolve("report.html");
        List<String> args = new ArrayList<>(List.of("report", "--store", store, "--run", run, "--out", html.toString()));
        args.addAll(List.of(more));
        Result result = Cli.run(args.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).isEmpty();
        return html;
    }

    @Test
    void loadsWithoutConsoleErrorsAndShowsTheNumbersLatencyPrints() throws Exception {
        String store = store("run-a");
        Chromium.Output page = Chromium.dumpDom(report(store, "run-a"), dir);
        assertThat(page.console()).isEmpty();
        String dom = page.stdout();

        JsonNode latency = new ObjectMapper().readTree(Cli.run("latency", "--store", store, "--run", "run-a", "--format", "json").out());
        Matcher data = LATENCY_DATA.matcher(dom);
        assertThat(data.find()).as("the embedded latency json").isTrue();
        assertThat(new ObjectMapper().readTree(data.group(1))).isEqualTo(latency);

        Matcher row = LATENCY_ROW.matcher(dom);
        int rows = 0;
        for (JsonNode type : latency.get("types")) {
            for (String metric : List.of("latency", "queue_time")) {
                assertThat(row.find()).isTrue();
                rows++;
                JsonNode expected = type.get(metric);
                assertThat(row.group(1)).isEqualTo(type.get("event_type").asText());
                assertThat(row.group(2)).isEqualTo(metric);
                assertThat(Long.parseLong(row.group(3))).isEqualTo(expected.get("count").asLong());
                assertThat(Long.parseLong(row.group(4))).isEqualTo(expected.get("missing").asLong());
                List<String> cells = cells(row.group(10));
                for (int i = 0; i < STATS.length; i++) {
                    JsonNode value = expected.get(STATS[i]);
                    String attribute = row.group(5 + i);
                    if (value.isNull()) {
                        assertThat(attribute).isEmpty();
                        assertThat(cells.get(4 + i)).isEqualTo("-");
                    } else {
                        assertThat(new BigDecimal(attribute)).isEqualByComparingTo(value.decimalValue());
                        assertThat(new BigDecimal(cells.get(4 + i))).isEqualByComparingTo(value.decimalValue());
                    }
                }
            }
        }
        assertThat(rows).isEqualTo(12);
        assertThat(dom).contains("<dt>total return</dt><dd>7.00%</dd>", "<dt>trades</dt><dd>12</dd>");
        assertThat(dom.split("class=\"percentile-chart\"", -1)).hasSize(7);
    }

    @Test
    void drawsTheLineageOfTheFirstFillsAsLineagePrintsIt() throws Exception {
        String store = store("run-a");
        String dom = Chromium.dumpDom(report(store, "run-a", "--fills", "3"), dir).stdout();
        JsonNode chains = new ObjectMapper().readTree(
                Cli.run("lineage", "--store", store, "--run", "run-a", "--type", "FILL", "--format", "json").out()).get("chains");
        Matcher chain = CHAIN.matcher(dom);
        for (int i = 0; i < 3; i++) {
            assertThat(chain.find()).isTrue();
            assertThat(Long.parseLong(chain.group(1))).isEqualTo(chains.get(i).get("event_id").asLong());
            assertThat(chain.group(2).replace("&gt;", ">")).isEqualTo("BAR -> SIGNAL -> ORDER -> FILL")
                    .isEqualTo(chains.get(i).get("path").asText());
        }
        assertThat(chain.find()).isFalse();
        assertThat(dom).contains("Lineage of the first 3 fills").contains("marker-end=\"url(#arrow)\"");
    }

    @Test
    void chartsRenderInColor() throws Exception {
        Path png = dir.resolve("report.png");
        Chromium.Output shot = Chromium.screenshot(report(store("run-a"), "run-a"), dir, png, 2400);
        assertThat(shot.console()).isEmpty();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1280);
        long colored = 0;
        long inked = 0;
        Set<Integer> hues = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (r + g + b < 3 * 245) {
                    inked++;
                }
                if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 60) {
                    colored++;
                    hues.add((int) (Color.RGBtoHSB(r, g, b, null)[0] * 24));
                }
            }
        }
        // Without its SVG the page colors about 20,000 pixels (the bars of the counts table); the percentile
        // curves, the timeline and the lineage nodes color many more, in every type's hue.
        assertThat(colored).isGreaterThan(50_000);
        assertThat(hues).hasSizeGreaterThanOrEqualTo(5);
        assertThat(inked).isGreaterThan((long) image.getWidth() * image.getHeight() / 20);
    }

    @Test
    void needsNothingFromTheNetworkAndEscapesWhatItShows() throws Exception {
        String run = "<!--<script></script><script>console.error('escaped?')</script><b>run</b>";
        Path html = report(store(run), run);
        String file = Files.readString(html);
        assertThat(file).doesNotContain("src=", "href=", "http:", "https:", "@import", "<link");
        assertThat(file.split("url\\(", -1)).allSatisfy(part -> assertThat(part).doesNotStartWith("h"));
        assertThat(file.replace("url(#arrow)", "")).doesNotContain("url(");
        Chromium.Output page = Chromium.dumpDom(html, dir);
        assertThat(page.console()).isEmpty();
        assertThat(page.stdout()).contains("<h1>Run &lt;!--&lt;script&gt;&lt;/script&gt;&lt;script&gt;console.error('escaped?')");
        Matcher data = LATENCY_DATA.matcher(page.stdout());
        assertThat(data.find()).isTrue();
        assertThat(new ObjectMapper().readTree(data.group(1)).get("run").asText()).isEqualTo(run);
    }

    @Test
    void errorsAreOneLine() {
        String store = store("run-a");
        Result fills = Cli.run("report", "--store", store, "--run", "run-a", "--out", dir.resolve("r.html").toString(),
                "--fills", "-1");
        assertThat(fills.exitCode()).isEqualTo(2);
        assertThat(fills.err()).startsWith("analyzer report: --fills must be at least 0, was -1");
        Path nowhere = dir.resolve("missing/r.html");
        Result unwritable = Cli.run("report", "--store", store, "--run", "run-a", "--out", nowhere.toString());
        assertThat(unwritable.exitCode()).isEqualTo(1);
        assertThat(unwritable.err()).isEqualTo("analyzer report: cannot write " + nowhere + ": no such directory"
                + System.lineSeparator());
        Result unknown = Cli.run("report", "--store", store, "--run", "run-x", "--out", dir.resolve("r.html").toString());
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).startsWith("analyzer report: no run run-x in store ");
        assertThat(Cli.run("report", "--store", store, "--run", "run-a").exitCode()).as("--out is required").isEqualTo(2);
    }

    private static List<String> cells(String row) {
        List<String> cells = new ArrayList<>();
        Matcher cell = CELL.matcher(row);
        while (cell.find()) {
            cells.add(cell.group(1));
        }
        return cells;
    }
}
