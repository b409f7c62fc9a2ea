package kamaelia.experimental;

import java.util.List;
import java.util.Locale;
import kamaelia.experimental.view.Layout;

/**
 * Draws a {@link Snapshot} as an SVG picture: a browser shows it, and so does the
 * handbook.
 *
 * <h2>What it draws</h2>
 * Each component is a box with its name and state; its inboxes are small squares on its
 * left edge and its outboxes on its right edge, labelled with their names and the
 * messages waiting in them. A chassis is drawn around its children. A link is an arrow
 * from a box to the box it is linked to, at right angles. Asleep components are grey,
 * awake ones green, threaded ones have a dashed border. A service that a component stands
 * for is a badge under its name: orange for a backplane, purple for any other service.
 *
 * <h2>How it lays things out</h2>
 * It does not: {@link Layout} asks Eclipse ELK's layered layout where everything goes,
 * the same layout as the live view's ({@link kamaelia.experimental.view.LiveView}).
 */
final class SnapshotPicture {
    private final Snapshot snapshot;
    private final StringBuilder svg = new StringBuilder();

    private SnapshotPicture(Snapshot snapshot) {
        this.snapshot = snapshot;
    }

    /** The picture of a snapshot, as an SVG document. */
    static String svg(Snapshot snapshot) {
        return new SnapshotPicture(snapshot).draw(Layout.of(snapshot));
    }

    private String draw(Layout layout) {
        double width = Math.max(layout.width(), title().length() * 7.6 + 40);
        double height = layout.height();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(n(width)).append("\" height=\"")
                .append(n(height)).append("\" viewBox=\"0 0 ").append(n(width)).append(' ').append(n(height))
                .append("\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">\n");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        text(20, 30, title(), "font-weight=\"bold\" font-size=\"13\"");
        text(20, 44, "green: awake, grey: asleep, dashed border: threaded; inboxes on the left,"
                + " outboxes on the right, (n): messages waiting; dashed arrows: links to control;"
                + " badges: services (purple), backplanes (orange)",
                "fill=\"#5f6368\" font-size=\"11\"");
        for (Layout.Shape shape : layout.shapes()) {
            drawShape(shape);
        }
        for (Layout.Route route : layout.routes()) {
            drawRoute(route);
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private String title() {
        return snapshot.scheduler() + ": " + snapshot.nodes().size()
                + " microprocesses, " + snapshot.asleepCount() + " asleep";
    }

    private void drawShape(Layout.Shape shape) {
        Snapshot.Node node = shape.node();
        String fill = shape.chassis() ? "#f8fbff" : node.asleep() ? "#f1f3f4" : "#e6f4ea";
        String stroke = shape.chassis() ? "#1a73e8" : node.asleep() ? "#80868b" : "#2e7d32";
        svg.append("<rect x=\"").append(n(shape.x())).append("\" y=\"").append(n(shape.y())).append("\" width=\"")
                .append(n(shape.width())).append("\" height=\"").append(n(shape.height()))
                .append("\" rx=\"6\" fill=\"").append(fill).append("\" stroke=\"").append(stroke)
                .append("\" stroke-width=\"1.2\"")
                .append(node.kind() == Snapshot.Kind.THREADED_COMPONENT ? " stroke-dasharray=\"5,3\"" : "")
                .append("/>\n");
        double left = shape.x() + 10 + shape.indent();
        double line = shape.y() + 22;
        text(left, line, node.name(), "font-weight=\"bold\"");
        line += 16;
        text(left, line, state(node), "fill=\"#5f6368\" font-size=\"11\"");
        for (String note : shape.notes()) {
            line += 14;
            badge(left, line, note);
        }
        for (Layout.Port port : shape.ports()) {
            drawPort(port);
        }
    }

    /** A service the component stands for, as a badge: a backplane's orange, any other service's purple. */
    private void badge(double left, double baseline, String note) {
        boolean backplane = Layout.isBackplane(note);
        svg.append("<g class=\"badge ").append(backplane ? "backplane" : "service").append("\">")
                .append("<rect x=\"").append(n(left)).append("\" y=\"").append(n(baseline - 10))
                .append("\" width=\"").append(n(Layout.badgeWidth(note))).append("\" height=\"13\" rx=\"6.5\" fill=\"")
                .append(backplane ? "#c2410c" : "#6d28d9").append("\"/>");
        svg.append("<text x=\"").append(n(left + 6)).append("\" y=\"").append(n(baseline))
                .append("\" fill=\"#ffffff\" font-size=\"10.5\" font-weight=\"bold\">").append(escape(note))
                .append("</text></g>\n");
    }

    private void drawPort(Layout.Port port) {
        boolean waiting = port.box().waiting() > 0;
        svg.append("<rect x=\"").append(n(port.x() - 4)).append("\" y=\"").append(n(port.y() - 4))
                .append("\" width=\"8\" height=\"8\" fill=\"").append(waiting ? "#fbbc04" : "#ffffff")
                .append("\" stroke=\"#3c4043\"/>\n");
        double labelX = port.inbox() ? port.x() + 8 : port.x() - 8;
        String attributes = (port.inbox() ? "" : "text-anchor=\"end\" ")
                + (waiting ? "font-weight=\"bold\" fill=\"#b3261e\"" : "fill=\"#202124\"");
        text(labelX, port.y() + 4, label(port.box()), attributes);
    }

    private void drawRoute(Layout.Route route) {
        List<Layout.Point> points = route.points();
        if (points.size() < 2) {
            return;
        }
        boolean shutdown = route.link().toBox().equals("control");   // drawn light: data links matter more
        String colour = shutdown ? "#9aa0a6" : "#3c4043";
        svg.append("<path d=\"");
        for (int i = 0; i < points.size(); i++) {
            svg.append(i == 0 ? "M" : " L").append(n(points.get(i).x())).append(',').append(n(points.get(i).y()));
        }
        svg.append("\" fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"")
                .append(shutdown ? "1\" stroke-dasharray=\"4,3\"" : "1.3\"").append("/>\n");
        Layout.Point end = points.getLast();
        Layout.Point before = points.get(points.size() - 2);
        double length = Math.max(1e-9, Math.hypot(end.x() - before.x(), end.y() - before.y()));
        double ux = (end.x() - before.x()) / length;
        double uy = (end.y() - before.y()) / length;
        svg.append("<path d=\"M").append(n(end.x())).append(',').append(n(end.y())).append(" L")
                .append(n(end.x() - 7 * ux - 3.5 * uy)).append(',').append(n(end.y() - 7 * uy + 3.5 * ux))
                .append(" L").append(n(end.x() - 7 * ux + 3.5 * uy)).append(',')
                .append(n(end.y() - 7 * uy - 3.5 * ux)).append(" Z\" fill=\"").append(colour).append("\"/>\n");
    }

    private static String state(Snapshot.Node node) {
        return node.kind().words() + ", " + (node.asleep() ? "asleep" : "awake");
    }

    private static String label(Snapshot.BoxState box) {
        return box.waiting() > 0 ? box.name() + " (" + box.waiting() + ")" : box.name();
    }

    private void text(double x, double y, String text, String attributes) {
        svg.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" ").append(attributes)
                .append('>').append(escape(text)).append("</text>\n");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** A coordinate, with at most one decimal. */
    private static String n(double value) {
        String text = String.format(Locale.ROOT, "%.1f", value);
        return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    }
}
