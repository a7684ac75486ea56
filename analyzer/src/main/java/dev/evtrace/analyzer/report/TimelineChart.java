package dev.evtrace.analyzer.report;

import dev.evtrace.store.TracedEvent;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The run over time: one lane per event type, the run's span cut into equal bins, each bin a bar as high as
 * the events of that type created in it, relative to the lane's busiest bin (the lane's label gives that peak).
 */
final class TimelineChart {
    static final int WIDTH = 1100;
    static final int BINS = 100;
    private static final int LABEL = 170;
    private static final int RIGHT = 16;
    private static final int LANE = 34;
    private static final int TOP = 8;
    private static final int AXIS = 36;
    private static final int TICKS = 5;

    private TimelineChart() {}

    /** @param start the run's first creation, {@code end} its last creation or processing, epoch microseconds */
    static String svg(List<TracedEvent> events, List<String> types, Map<String, String> colors, long start, long end) {
        long span = Math.max(1, end - start);
        long[][] bins = new long[types.size()][BINS];
        for (TracedEvent e : events) {
            int bin = (int) Math.min(BINS - 1, (e.createdAt() - start) * BINS / span);
            bins[types.indexOf(e.eventType())][Math.max(0, bin)]++;
        }
        int height = TOP + LANE * types.size() + AXIS;
        double plotW = WIDTH - LABEL - RIGHT;
        double binW = plotW / BINS;
        StringBuilder svg = new StringBuilder("<svg class=\"timeline\" width=\"" + WIDTH + "\" height=\"" + height
                + "\" viewBox=\"0 0 " + WIDTH + " " + height + "\" role=\"img\"><title>events over time by type</title>");
        for (int t = 0; t < types.size(); t++) {
            long peak = 0;
            for (long count : bins[t]) {
                peak = Math.max(peak, count);
            }
            double bottom = TOP + LANE * (t + 1) - 4;
            svg.append("<g class=\"lane\" data-event-type=\"").append(Svg.escape(types.get(t))).append("\">")
                    .append(Svg.text(LABEL - 8, bottom - 8, "end", types.get(t) + " (peak " + peak + ")"))
                    .append(Svg.line("axis", LABEL, bottom, LABEL + plotW, bottom));
            for (int b = 0; b < BINS; b++) {
                if (bins[t][b] == 0) {
                    continue;
                }
                double h = (LANE - 8) * (double) bins[t][b] / peak;
                svg.append("<rect x=\"").append(Svg.px(LABEL + b * binW)).append("\" y=\"").append(Svg.px(bottom - h))
                        .append("\" width=\"").append(Svg.px(Math.max(1, binW - 1))).append("\" height=\"")
                        .append(Svg.px(h)).append("\" fill=\"").append(colors.get(types.get(t))).append("\"><title>")
                        .append(Svg.escape(types.get(t))).append(": ").append(bins[t][b]).append(" from ")
                        .append(duration(span * b / BINS)).append("</title></rect>");
            }
            svg.append("</g>");
        }
        double axisY = TOP + LANE * types.size();
        for (int i = 0; i <= TICKS; i++) {
            double x = LABEL + plotW * i / TICKS;
            svg.append(Svg.line("grid", x, TOP, x, axisY + 4))
                    .append(Svg.text(x, axisY + 18, "middle", duration(span * i / TICKS)));
        }
        return svg.append(Svg.text(LABEL + plotW / 2, axisY + 32, "middle", "time since the run's first event"))
                .append("</svg>").toString();
    }

    /** Microseconds for people: 850 µs, 12.5 ms, 3.25 s. */
    static String duration(long micros) {
        if (micros < 1_000) {
            return micros + " µs";
        }
        if (micros < 1_000_000) {
            return String.format(Locale.ROOT, "%.1f ms", micros / 1_000.0);
        }
        return String.format(Locale.ROOT, "%.2f s", micros / 1_000_000.0);
    }
}
