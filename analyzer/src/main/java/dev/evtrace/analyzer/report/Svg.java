package dev.evtrace.analyzer.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What the report's hand-drawn charts share: escaping, coordinates, round axis steps, and a color per type. */
final class Svg {
    /** Tableau 10: distinct hues that stay apart for the color-blind and on paper. */
    private static final String[] COLORS = {
        "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"};

    private Svg() {}

    /** Text for HTML or SVG, in element content and in quoted attributes alike. */
    static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** A coordinate, to a tenth of a pixel, with a dot whatever the locale. */
    static String px(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** The smallest of 1, 2, 2.5 and 5 times a power of ten that is at least {@code value}: a round axis end. */
    static double roundUp(double value) {
        if (value <= 0) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * magnitude >= value * (1 - 1e-9)) {
                return m * magnitude;
            }
        }
        return 10 * magnitude;
    }

    /** A number for an axis label: as few decimals as it needs, at most three. */
    static String label(double value) {
        return BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    static String line(String cssClass, double x1, double y1, double x2, double y2) {
        return "<line class=\"" + cssClass + "\" x1=\"" + px(x1) + "\" y1=\"" + px(y1) + "\" x2=\"" + px(x2)
                + "\" y2=\"" + px(y2) + "\"/>";
    }

    static String text(double x, double y, String anchor, String text) {
        return "<text x=\"" + px(x) + "\" y=\"" + px(y) + "\" text-anchor=\"" + anchor + "\">" + escape(text) + "</text>";
    }

    /** A color per event type, in the order given (the order the run first published them). */
    static Map<String, String> palette(List<String> types) {
        Map<String, String> colors = new HashMap<>();
        for (int i = 0; i < types.size(); i++) {
            colors.put(types.get(i), COLORS[i % COLORS.length]);
        }
        return colors;
    }
}
