package dev.evtrace.analyzer.report;

import dev.evtrace.analyzer.catalog.RunMetrics.Performance;
import dev.evtrace.analyzer.latency.LatencyGroups.Group;
import dev.evtrace.analyzer.latency.LatencyStats;
import dev.evtrace.analyzer.output.Units;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;

/**
 * The report as one HTML file that needs nothing else to be viewed: styles inline, charts as inline SVG drawn
 * here, no script to run, no link or image to fetch. The numbers behind the latency table also sit in the
 * page as the json document {@code latency --format json} prints (script#latency-data), for tools and tests.
 */
final class HtmlReport {
    private static final String STYLE = """
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#222;margin:24px 32px;\
            background:#fff}
            h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 10px;border-bottom:1px solid #ddd;\
            padding-bottom:4px}
            dl.summary{display:grid;grid-template-columns:max-content auto;gap:4px 18px;margin:12px 0}
            dl.summary dt{color:#666}dl.summary dd{margin:0;font-variant-numeric:tabular-nums}
            table{border-collapse:collapse;font-variant-numeric:tabular-nums}
            th,td{padding:3px 10px;border-bottom:1px solid #eee;text-align:right}th{background:#f6f6f6}
            td.text,th.text{text-align:left}
            .bar{height:12px;border-radius:2px;min-width:1px}
            .charts{display:flex;flex-wrap:wrap;gap:12px;margin-top:14px}
            svg text{font:11px system-ui,sans-serif;fill:#333}svg .chart-title{font-weight:600;font-size:13px}
            svg .grid{stroke:#e3e3e3}svg .axis{stroke:#bbb}svg .node-label{fill:#fff;font-weight:600;font-size:12px}
            svg .node-detail{fill:#fff;font-size:11px}
            """;

    private HtmlReport() {}

    static void write(PrintWriter out, ReportData d) {
        Map<String, String> colors = Svg.palette(d.types());
        Performance p = d.metrics().performance();
        long threw = d.deliveries().stream().filter(x -> x.threw()).count();
        out.println("<!DOCTYPE html>");
        out.println("<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"generator\" content=\"evtrace analyzer\">");
        out.println("<title>evtrace report: " + Svg.escape(d.run()) + "</title><style>" + STYLE + "</style></head><body>");
        out.println("<h1>Run " + Svg.escape(d.run()) + "</h1>");
        out.println("<section id=\"summary\"><dl class=\"summary\">");
        item(out, "started", Units.iso(d.metrics().start()));
        item(out, "ended", Units.iso(d.metrics().end()));
        item(out, "duration", TimelineChart.duration(d.metrics().end() - d.metrics().start()));
        item(out, "events", Long.toString(d.metrics().events()));
        item(out, "event types", Integer.toString(d.types().size()));
        item(out, "handler deliveries", d.deliveries().size() + (threw > 0 ? " (" + threw + " threw)" : ""));
        item(out, "config file", d.metrics().configFile());
        item(out, "strategy", d.metrics().strategyType());
        item(out, "total return", percent(p.totalReturn()));
        item(out, "sharpe ratio", p.sharpeRatio() == null ? null : String.format(Locale.ROOT, "%.3f", p.sharpeRatio()));
        item(out, "max drawdown", percent(p.maxDrawdown()));
        item(out, "trades", Long.toString(p.totalTrades()));
        out.println("</dl></section>");

        out.println("<section id=\"counts\"><h2>Events per type</h2><table><tr><th class=\"text\">type</th>"
                + "<th>events</th><th class=\"text\">share</th></tr>");
        long most = d.latency().stream().mapToLong(Group::events).max().orElse(1);
        for (Group g : d.latency()) {
            out.println("<tr data-event-type=\"" + Svg.escape(g.key()) + "\" data-events=\"" + g.events() + "\">"
                    + "<td class=\"text\">" + Svg.escape(g.key()) + "</td><td>" + g.events() + "</td>"
                    + "<td class=\"text\" style=\"width:320px\">"
                    + "<div class=\"bar\" style=\"width:" + Svg.px(100.0 * g.events() / most) + "%;background:"
                    + colors.get(g.key()) + "\"></div></td></tr>");
        }
        out.println("</table></section>");

        out.println("<section id=\"latency\"><h2>Latency per type (ms)</h2><table id=\"latency-table\"><tr>"
                + "<th class=\"text\">type</th><th class=\"text\">metric</th><th>count</th><th>missing</th><th>mean</th>"
                + "<th>p50</th><th>p95</th><th>p99</th><th>max</th></tr>");
        for (Group g : d.latency()) {
            latencyRow(out, g.key(), "latency", g.latency());
            latencyRow(out, g.key(), "queue_time", g.queueTime());
        }
        out.println("</table><p>latency = processed - created; queue_time = received - emitted. Below: latency by "
                + "percentile, per type.</p><div class=\"charts\">");
        for (Group g : d.latency()) {
            out.println(PercentileChart.svg(g.key(), g.latency(), colors.get(g.key())));
        }
        out.println("</div></section>");

        out.println("<section id=\"timeline\"><h2>Timeline</h2>");
        out.println(TimelineChart.svg(d.events(), d.types(), colors, d.metrics().start(), d.metrics().end()));
        out.println("</section>");

        out.println("<section id=\"lineage\"><h2>Lineage of the first " + d.fills().size() + " fills</h2>");
        out.println(d.fills().isEmpty() ? "<p>The run has no FILL events.</p>" : LineageGraph.svg(d.fills(), colors));
        out.println("</section>");

        // A json string may hold "</script>" or "<!--", which would end or upset the element. Json strings can
        // spell "<" as the escape for code point 3C instead, and "<" occurs nowhere else in the document.
        out.println("<script type=\"application/json\" id=\"latency-data\">"
                + d.latencyJson().replace("<", "\\u003c") + "</script>");
        out.println("</body></html>");
    }

    private static void item(PrintWriter out, String name, String value) {
        out.println("<dt>" + name + "</dt><dd>" + (value == null ? "-" : Svg.escape(value)) + "</dd>");
    }

    private static String percent(Double fraction) {
        return fraction == null ? null : String.format(Locale.ROOT, "%.2f%%", fraction * 100);
    }

    /** Each statistic twice: as the cell's text, and as a data attribute holding the exact json number. */
    private static void latencyRow(PrintWriter out, String type, String metric, LatencyStats s) {
        StringBuilder row = new StringBuilder("<tr data-event-type=\"").append(Svg.escape(type))
                .append("\" data-metric=\"").append(metric).append("\" data-count=\"").append(s.count())
                .append("\" data-missing=\"").append(s.missing()).append('"');
        BigDecimal[] values = {s.meanMillis(), s.percentileMillis(50), s.percentileMillis(95), s.percentileMillis(99),
            s.maxMillis()};
        String[] names = {"mean", "p50", "p95", "p99", "max"};
        for (int i = 0; i < values.length; i++) {
            row.append(" data-").append(names[i]).append("-ms=\"").append(plain(values[i])).append('"');
        }
        row.append("><td class=\"text\">").append(Svg.escape(type)).append("</td><td class=\"text\">").append(metric)
                .append("</td><td>").append(s.count()).append("</td><td>").append(s.missing()).append("</td>");
        for (BigDecimal v : values) {
            row.append("<td>").append(v == null ? "-" : v.toPlainString()).append("</td>");
        }
        out.println(row.append("</tr>"));
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }
}
