package dev.evtrace.analyzer.report;

import dev.evtrace.analyzer.latency.LatencyStats;
import dev.evtrace.analyzer.latency.LatencyStats.Point;
import java.math.BigDecimal;
import java.util.List;

/**
 * One event type's latency percentile curve, as HdrHistogram's plotter draws it: x is the percentile on a
 * log scale of 1 / (1 - percentile), so 0%, 90%, 99%, 99.9% … sit one decade apart and the tail gets room;
 * y is milliseconds from zero. The axis reaches one decade past what the number of events can resolve, and
 * 100% (at infinity on that scale) is drawn at its end.
 */
final class PercentileChart {
    static final int WIDTH = 440;
    static final int HEIGHT = 230;
    private static final int LEFT = 56;
    private static final int RIGHT = 34;
    private static final int TOP = 26;
    private static final int BOTTOM = 40;
    private static final int Y_STEPS = 4;
    private static final int TICKS_PER_HALF_DISTANCE = 5;

    private PercentileChart() {}

    static String svg(String type, LatencyStats stats, String color) {
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"percentile-chart\" data-event-type=\"").append(Svg.escape(type))
                .append("\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT).append("\" role=\"img\">")
                .append("<title>").append(Svg.escape(type)).append(" latency by percentile</title>")
                .append("<text class=\"chart-title\" x=\"").append(LEFT).append("\" y=\"16\">")
                .append(Svg.escape(type)).append("</text>");
        if (stats.count() == 0) {
            return svg.append("<text x=\"").append(LEFT).append("\" y=\"").append(HEIGHT / 2)
                    .append("\">no processed events</text></svg>").toString();
        }
        int decades = Math.max(2, (int) Math.ceil(Math.log10(stats.count())) + 1);
        double yMax = Svg.roundUp(stats.maxMillis().doubleValue());
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        for (int d = 0; d <= decades; d++) {
            double x = LEFT + plotW * d / decades;
            String label = BigDecimal.valueOf(100).subtract(BigDecimal.ONE.scaleByPowerOfTen(2 - d))
                    .stripTrailingZeros().toPlainString() + "%";
            svg.append(Svg.line("grid", x, TOP, x, TOP + plotH))
                    .append(Svg.text(x, HEIGHT - BOTTOM + 16, "middle", label));
        }
        for (int s = 0; s <= Y_STEPS; s++) {
            double y = TOP + plotH - plotH * s / Y_STEPS;
            svg.append(Svg.line("grid", LEFT, y, LEFT + plotW, y))
                    .append(Svg.text(LEFT - 6, y + 4, "end", Svg.label(yMax * s / Y_STEPS)));
        }
        svg.append(Svg.text(LEFT + plotW / 2, HEIGHT - 6, "middle", "percentile"))
                .append(Svg.text(12, TOP - 10, "start", "ms"));
        StringBuilder points = new StringBuilder();
        List<Point> curve = stats.percentileCurve(TICKS_PER_HALF_DISTANCE);
        for (Point p : curve) {
            double decade = p.percentile() >= 100 ? decades
                    : Math.min(decades, Math.log10(1 / (1 - p.percentile() / 100)));
            points.append(Svg.px(LEFT + plotW * decade / decades)).append(',')
                    .append(Svg.px(TOP + plotH - plotH * p.millis().doubleValue() / yMax)).append(' ');
        }
        return svg.append("<polyline fill=\"none\" stroke-width=\"2.5\" stroke=\"").append(color)
                .append("\" points=\"").append(points.toString().trim()).append("\"/></svg>").toString();
    }
}
