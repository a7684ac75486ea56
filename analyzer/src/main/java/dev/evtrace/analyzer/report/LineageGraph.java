package dev.evtrace.analyzer.report;

import dev.evtrace.analyzer.lineage.CausationChain;
import dev.evtrace.analyzer.lineage.CausationChain.Step;
import dev.evtrace.analyzer.output.Units;
import java.util.List;
import java.util.Map;

/**
 * Fills and what caused them, as a graph: one row per fill, root at the left, an arrow for each causation
 * (BAR → SIGNAL → ORDER → FILL). Each node shows the event's type and id and when it was created after the
 * chain's first event; a cause missing from the store is a dashed node.
 */
final class LineageGraph {
    private static final int NODE_W = 150;
    private static final int NODE_H = 42;
    private static final int GAP_X = 56;
    private static final int GAP_Y = 14;
    private static final int MARGIN = 10;
    private static final String MISSING_COLOR = "#9e9e9e";

    private LineageGraph() {}

    static String svg(List<CausationChain> chains, Map<String, String> colors) {
        int columns = chains.stream().mapToInt(c -> c.steps().size()).max().orElse(1);
        int width = 2 * MARGIN + columns * NODE_W + (columns - 1) * GAP_X;
        int height = 2 * MARGIN + chains.size() * (NODE_H + GAP_Y) - GAP_Y;
        StringBuilder svg = new StringBuilder("<svg class=\"lineage\" width=\"" + width + "\" height=\"" + height
                + "\" viewBox=\"0 0 " + width + " " + height + "\" role=\"img\"><title>lineage of fills</title>"
                + "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" "
                + "markerHeight=\"8\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#555\"/></marker></defs>");
        for (int row = 0; row < chains.size(); row++) {
            CausationChain chain = chains.get(row);
            double y = MARGIN + row * (NODE_H + GAP_Y);
            svg.append("<g class=\"chain\" data-event-id=\"").append(chain.target().eventId())
                    .append("\" data-path=\"").append(Svg.escape(chain.path())).append("\">");
            for (int i = 0; i < chain.steps().size(); i++) {
                double x = MARGIN + i * (NODE_W + GAP_X);
                if (i > 0) {
                    svg.append("<line class=\"edge\" x1=\"").append(Svg.px(x - GAP_X)).append("\" y1=\"")
                            .append(Svg.px(y + NODE_H / 2.0)).append("\" x2=\"").append(Svg.px(x - 2))
                            .append("\" y2=\"").append(Svg.px(y + NODE_H / 2.0))
                            .append("\" stroke=\"#555\" stroke-width=\"1.5\" marker-end=\"url(#arrow)\"/>");
                }
                node(svg, chain, chain.steps().get(i), x, y, colors);
            }
            svg.append("</g>");
        }
        return svg.append("</svg>").toString();
    }

    private static void node(StringBuilder svg, CausationChain chain, Step step, double x, double y,
                             Map<String, String> colors) {
        String color = step.missing() ? MISSING_COLOR : colors.getOrDefault(step.event().eventType(), MISSING_COLOR);
        String title = step.missing() ? "(missing " + step.eventId() + ")"
                : step.event().eventType() + " #" + step.eventId();
        String detail = step.missing() ? "not in the store"
                : "+" + Units.millis(step.event().createdAt() - chain.firstCreatedAt()).toPlainString() + " ms";
        svg.append("<rect class=\"node\" x=\"").append(Svg.px(x)).append("\" y=\"").append(Svg.px(y))
                .append("\" width=\"").append(NODE_W).append("\" height=\"").append(NODE_H)
                .append("\" rx=\"6\" fill=\"").append(color).append('"')
                .append(step.missing() ? " fill-opacity=\"0.25\" stroke=\"#555\" stroke-dasharray=\"4 3\"" : "")
                .append("><title>").append(step.missing() ? "" : Svg.escape(step.event().sourceContainer()))
                .append("</title></rect>")
                .append("<text class=\"node-label\" x=\"").append(Svg.px(x + 10)).append("\" y=\"").append(Svg.px(y + 18))
                .append("\">").append(Svg.escape(title)).append("</text>")
                .append("<text class=\"node-detail\" x=\"").append(Svg.px(x + 10)).append("\" y=\"")
                .append(Svg.px(y + 34)).append("\">").append(Svg.escape(detail)).append("</text>");
    }
}
