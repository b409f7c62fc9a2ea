package kamaelia.experimental;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Draws a {@link Snapshot} as an SVG picture, with no library: a browser shows it, and
 * so does the handbook.
 *
 * <h2>What it draws</h2>
 * Each component is a box with its name and state; its inboxes are small squares on its
 * left edge and its outboxes on its right edge, labelled with their names and the
 * messages waiting in them. A chassis is drawn around its children. A link is an arrow
 * from a box to the box it is linked to. Asleep components are grey, awake ones green,
 * threaded ones have a dashed border.
 *
 * <h2>How it lays things out</h2>
 * Inside each chassis (and at the top level) the children are put in columns, so that
 * links run from left to right: a child that a link reaches from another goes one
 * column further right than that one. Links that go back (a loop) are drawn as they
 * come. Text widths are estimated from the number of characters.
 */
final class SnapshotPicture {
    private static final double CHAR = 7.0;
    private static final double BOLD_CHAR = 7.6;
    private static final double PAD = 10;
    private static final double TITLE = 20;
    private static final double LINE = 14;
    private static final double ROW = 18;
    private static final double PORT = 8;
    private static final double GAP_X = 70;
    private static final double GAP_Y = 18;
    private static final double MARGIN = 20;

    private final Snapshot snapshot;
    private final Map<String, Snapshot.Node> byName = new HashMap<>();
    /** The shape of each node drawn, by name. */
    private final Map<String, Shape> shapes = new LinkedHashMap<>();
    private final StringBuilder svg = new StringBuilder();

    private SnapshotPicture(Snapshot snapshot) {
        this.snapshot = snapshot;
        for (Snapshot.Node node : snapshot.nodes()) {
            byName.put(node.name(), node);
        }
    }

    /** The picture of a snapshot, as an SVG document. */
    static String svg(Snapshot snapshot) {
        return new SnapshotPicture(snapshot).draw();
    }

    /** A node's place in the picture, and its children's. */
    private static final class Shape {
        final Snapshot.Node node;
        final List<Shape> children = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        double x;
        double y;
        double width;
        double height;
        /** Where the children start, below the title and the chassis' own boxes. */
        double contentTop;

        Shape(Snapshot.Node node) {
            this.node = node;
        }

        int rows() {
            return Math.max(1, Math.max(node.inboxes().size(), node.outboxes().size()));
        }

        double headerHeight() {
            return PAD + TITLE + LINE * (1 + notes.size());
        }

        /** The centre of a box's square: inboxes on the left edge, outboxes on the right. */
        double[] port(String box, boolean inbox) {
            List<Snapshot.BoxState> boxes = inbox ? node.inboxes() : node.outboxes();
            for (int i = 0; i < boxes.size(); i++) {
                if (boxes.get(i).name().equals(box)) {
                    return new double[] {inbox ? x : x + width, y + headerHeight() + ROW * i + ROW / 2};
                }
            }
            return null;
        }
    }

    private String draw() {
        List<Shape> top = new ArrayList<>();
        for (Snapshot.Node node : snapshot.inCreationOrder()) {
            if (node.parent() == null || !byName.containsKey(node.parent())) {
                top.add(build(node));
            }
        }
        double headerHeight = MARGIN + 2 * LINE + PAD;
        double[] size = arrange(top, MARGIN, headerHeight);
        double width = Math.max(size[0] + MARGIN, textWidth(title(), BOLD_CHAR) + 2 * MARGIN);
        double height = size[1] + MARGIN;
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(n(width)).append("\" height=\"")
                .append(n(height)).append("\" viewBox=\"0 0 ").append(n(width)).append(' ').append(n(height))
                .append("\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">\n");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        text(MARGIN, MARGIN + 10, title(), "font-weight=\"bold\" font-size=\"13\"");
        text(MARGIN, MARGIN + 10 + LINE, "green: awake, grey: asleep, dashed border: threaded; inboxes on the left,"
                + " outboxes on the right, (n): messages waiting; dashed arrows: links to control",
                "fill=\"#5f6368\" font-size=\"11\"");
        for (Shape shape : top) {
            drawShape(shape);
        }
        for (Snapshot.Link link : snapshot.links()) {
            drawLink(link);
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private String title() {
        return snapshot.scheduler() + ": " + snapshot.nodes().size()
                + " microprocesses, " + snapshot.asleepCount() + " asleep";
    }

    // --- Sizes and places --------------------------------------------------------------

    private Shape build(Snapshot.Node node) {
        Shape shape = new Shape(node);
        shapes.put(node.name(), shape);
        for (Snapshot.Service service : snapshot.services()) {
            if (service.node().equals(node.name())) {
                shape.notes.add("service \"" + service.name() + "\" = " + service.box());
            }
        }
        for (Snapshot.Node child : snapshot.children(node.name())) {
            shape.children.add(build(child));
        }
        return shape;
    }

    /** Sizes a shape and the shapes inside it; places them relative to (0, 0) of the shape. */
    private void measure(Shape shape) {
        double labels = PORT + 4 + maxLabel(shape.node.inboxes()) + 20 + maxLabel(shape.node.outboxes()) + 4 + PORT;
        double header = Math.max(textWidth(shape.node.name(), BOLD_CHAR), textWidth(state(shape.node), CHAR));
        for (String note : shape.notes) {
            header = Math.max(header, textWidth(note, CHAR));
        }
        double width = Math.max(120, Math.max(labels, header + 2 * PAD));
        double boxesHeight = ROW * shape.rows();
        shape.contentTop = shape.headerHeight() + boxesHeight + PAD;
        if (shape.children.isEmpty()) {
            shape.width = width;
            shape.height = shape.headerHeight() + boxesHeight + PAD / 2;
            return;
        }
        double[] size = arrange(shape.children, 2 * PAD + 30, shape.contentTop);
        shape.width = Math.max(width, size[0] + 2 * PAD + 30);
        shape.height = size[1] + PAD;
    }

    /**
     * Puts sibling shapes in columns, starting at (left, top) relative to their container,
     * and returns the right and bottom edges of what they cover.
     */
    private double[] arrange(List<Shape> siblings, double left, double top) {
        for (Shape shape : siblings) {
            measure(shape);
        }
        Map<Shape, Integer> column = columns(siblings);
        int columns = column.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        double x = left;
        double bottom = top;
        for (int c = 0; c < columns; c++) {
            double y = top;
            double widest = 0;
            for (Shape shape : siblings) {
                if (column.get(shape) == c) {
                    shape.x = x;
                    shape.y = y;
                    y += shape.height + GAP_Y;
                    widest = Math.max(widest, shape.width);
                }
            }
            bottom = Math.max(bottom, y - GAP_Y);
            x += widest + GAP_X;
        }
        return new double[] {x - GAP_X, bottom};
    }

    /**
     * Which column each sibling goes in: the length of the longest chain of links that
     * leads to it from other siblings, ignoring links that close a loop.
     */
    private Map<Shape, Integer> columns(List<Shape> siblings) {
        Map<String, Shape> bySibling = new HashMap<>();
        for (Shape sibling : siblings) {
            bySibling.put(sibling.node.name(), sibling);
        }
        Map<Shape, List<Shape>> next = new HashMap<>();
        for (Snapshot.Link link : snapshot.links()) {
            if (link.toBox().equals("control")) {
                continue; // shutdown follows the data: it does not decide the columns
            }
            Shape from = siblingHolding(link.fromNode(), bySibling);
            Shape to = siblingHolding(link.toNode(), bySibling);
            if (from != null && to != null && from != to) {
                next.computeIfAbsent(from, k -> new ArrayList<>()).add(to);
            }
        }
        List<Shape> finished = new ArrayList<>();
        Set<Shape> seen = new HashSet<>();
        Set<Shape> onPath = new HashSet<>();
        Map<Shape, List<Shape>> forward = new HashMap<>();
        for (Shape sibling : siblings) {
            visit(sibling, next, seen, onPath, finished, forward);
        }
        Map<Shape, Integer> column = new HashMap<>();
        siblings.forEach(sibling -> column.put(sibling, 0));
        for (Shape shape : finished.reversed()) {
            for (Shape to : forward.getOrDefault(shape, List.of())) {
                column.put(to, Math.max(column.get(to), column.get(shape) + 1));
            }
        }
        return column;
    }

    /** Depth-first: records the links that do not close a loop, and the order in which shapes finish. */
    private static void visit(Shape shape, Map<Shape, List<Shape>> next, Set<Shape> seen, Set<Shape> onPath,
            List<Shape> finished, Map<Shape, List<Shape>> forward) {
        if (!seen.add(shape)) {
            return;
        }
        onPath.add(shape);
        for (Shape to : next.getOrDefault(shape, List.of())) {
            if (!onPath.contains(to)) {
                forward.computeIfAbsent(shape, k -> new ArrayList<>()).add(to);
                visit(to, next, seen, onPath, finished, forward);
            }
        }
        onPath.remove(shape);
        finished.add(shape);
    }

    /** The sibling that is the named node or holds it (as a child, grandchild...), or null. */
    private Shape siblingHolding(String name, Map<String, Shape> siblings) {
        Set<String> visited = new HashSet<>();
        for (String at = name; at != null && visited.add(at); ) {
            Shape sibling = siblings.get(at);
            if (sibling != null) {
                return sibling;
            }
            Snapshot.Node node = byName.get(at);
            at = node == null ? null : node.parent();
        }
        return null;
    }

    // --- Drawing -----------------------------------------------------------------------

    private void drawShape(Shape shape) {
        shape.children.forEach(child -> offset(child, shape.x, shape.y));
        Snapshot.Node node = shape.node;
        boolean chassis = !shape.children.isEmpty();
        String fill = chassis ? "#f8fbff" : node.asleep() ? "#f1f3f4" : "#e6f4ea";
        String stroke = chassis ? "#1a73e8" : node.asleep() ? "#80868b" : "#2e7d32";
        svg.append("<rect x=\"").append(n(shape.x)).append("\" y=\"").append(n(shape.y)).append("\" width=\"")
                .append(n(shape.width)).append("\" height=\"").append(n(shape.height)).append("\" rx=\"6\" fill=\"")
                .append(fill).append("\" stroke=\"").append(stroke).append("\" stroke-width=\"1.2\"")
                .append(node.kind() == Snapshot.Kind.THREADED_COMPONENT ? " stroke-dasharray=\"5,3\"" : "")
                .append("/>\n");
        double line = shape.y + PAD + 12;
        text(shape.x + PAD, line, node.name(), "font-weight=\"bold\"");
        line += LINE + 2;
        text(shape.x + PAD, line, state(node), "fill=\"#5f6368\" font-size=\"11\"");
        for (String note : shape.notes) {
            line += LINE;
            text(shape.x + PAD, line, note, "fill=\"#5f6368\" font-size=\"11\"");
        }
        drawPorts(shape, node.inboxes(), true);
        drawPorts(shape, node.outboxes(), false);
        shape.children.forEach(this::drawShape);
    }

    /** Children were placed relative to their parent: make their places absolute. */
    private static void offset(Shape child, double dx, double dy) {
        child.x += dx;
        child.y += dy;
    }

    private void drawPorts(Shape shape, List<Snapshot.BoxState> boxes, boolean inboxes) {
        for (Snapshot.BoxState box : boxes) {
            double[] at = shape.port(box.name(), inboxes);
            boolean waiting = box.waiting() > 0;
            svg.append("<rect x=\"").append(n(at[0] - PORT / 2)).append("\" y=\"").append(n(at[1] - PORT / 2))
                    .append("\" width=\"").append(n(PORT)).append("\" height=\"").append(n(PORT)).append("\" fill=\"")
                    .append(waiting ? "#fbbc04" : "#ffffff").append("\" stroke=\"#3c4043\"/>\n");
            double labelX = inboxes ? at[0] + PORT / 2 + 4 : at[0] - PORT / 2 - 4;
            String attributes = (inboxes ? "" : "text-anchor=\"end\" ")
                    + (waiting ? "font-weight=\"bold\" fill=\"#b3261e\"" : "fill=\"#202124\"");
            text(labelX, at[1] + 4, label(box), attributes);
        }
    }

    private void drawLink(Snapshot.Link link) {
        Shape from = shapes.get(link.fromNode());
        Shape to = shapes.get(link.toNode());
        if (from == null || to == null) {
            return;
        }
        double[] start = from.port(link.fromBox(), false);
        if (start == null) {
            start = from.port(link.fromBox(), true);
        }
        double[] end = to.port(link.toBox(), true);
        if (end == null) {
            end = to.port(link.toBox(), false);
        }
        if (start == null || end == null) {
            return;
        }
        double sx = start[0] + PORT / 2;
        double sy = start[1];
        double ex = end[0] - PORT / 2;
        double ey = end[1];
        svg.append("<path d=\"M").append(n(sx)).append(',').append(n(sy));
        if (ex > sx + 20) {
            double bend = Math.max(30, (ex - sx) / 2);
            svg.append(" C").append(n(sx + bend)).append(',').append(n(sy)).append(' ').append(n(ex - bend)).append(',')
                    .append(n(ey)).append(' ').append(n(ex - 6)).append(',').append(n(ey));
        } else {
            // A link back to the left: down, under both ends, and back up into the box.
            double low = Math.max(from.y + from.height, to.y + to.height) + 10;
            double middle = (sx + ex) / 2;
            svg.append(" C").append(n(sx + 40)).append(',').append(n(sy)).append(' ').append(n(sx + 40)).append(',')
                    .append(n(low)).append(' ').append(n(middle)).append(',').append(n(low)).append(" S")
                    .append(n(ex - 40)).append(',').append(n(ey)).append(' ').append(n(ex - 6)).append(',')
                    .append(n(ey));
        }
        boolean shutdown = link.toBox().equals("control");   // drawn light: data links matter more
        String colour = shutdown ? "#9aa0a6" : "#3c4043";
        svg.append("\" fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"")
                .append(shutdown ? "1\" stroke-dasharray=\"4,3\"" : "1.3\"").append("/>\n");
        svg.append("<path d=\"M").append(n(ex)).append(',').append(n(ey)).append(" L").append(n(ex - 7)).append(',')
                .append(n(ey - 3.5)).append(" L").append(n(ex - 7)).append(',').append(n(ey + 3.5))
                .append(" Z\" fill=\"").append(colour).append("\"/>\n");
    }

    // --- Text --------------------------------------------------------------------------

    private static String state(Snapshot.Node node) {
        return node.kind().words() + ", " + (node.asleep() ? "asleep" : "awake");
    }

    private static String label(Snapshot.BoxState box) {
        return box.waiting() > 0 ? box.name() + " (" + box.waiting() + ")" : box.name();
    }

    private static double maxLabel(List<Snapshot.BoxState> boxes) {
        return boxes.stream().mapToDouble(box -> textWidth(label(box), CHAR)).max().orElse(0);
    }

    private static double textWidth(String text, double perChar) {
        return text.length() * perChar;
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
        return String.format(Locale.ROOT, "%.1f", value).replace(".0", "");
    }
}
