package kamaelia.experimental.view;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kamaelia.experimental.Snapshot;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.math.ElkMargin;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.math.KVector;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.options.HierarchyHandling;
import org.eclipse.elk.core.options.PortAlignment;
import org.eclipse.elk.core.options.PortConstraints;
import org.eclipse.elk.core.options.PortSide;
import org.eclipse.elk.core.options.SizeConstraint;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.ElkPort;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Where each part of a {@link Snapshot} goes in a picture, worked out by Eclipse ELK's
 * layered layout: components left to right in the direction their messages flow, a
 * chassis around its children, inboxes as ports on a component's left edge and outboxes
 * on its right, links routed at right angles between the ports. The handbook's pictures
 * ({@link Snapshot#svg()}) and the live view ({@link LiveView}) are both drawn from it,
 * so they agree.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>Every node of the snapshot has a {@link Shape}, parents before their children;
 *       every link whose two boxes are in the snapshot has a {@link Route}.</li>
 *   <li>Coordinates are absolute, in pixels, from the top left corner of the picture;
 *       a child's shape lies inside its parent's.</li>
 *   <li>Text widths are estimated from the number of characters (no fonts are read), so
 *       the same snapshot always gives the same layout, on any machine.</li>
 *   <li>It reads only the snapshot: call it on any thread.</li>
 * </ul>
 *
 * @param width  the width of the whole picture
 * @param height the height of the whole picture
 * @param shapes one per node, each parent before its children
 * @param routes one per link that can be drawn
 */
public record Layout(double width, double height, List<Shape> shapes, List<Route> routes) {
    /** The width of one character of a component's label, estimated. */
    static final double CHAR = 7.0;
    /** The same, for bold text. */
    static final double BOLD_CHAR = 7.6;
    static final double PAD = 10;
    static final double TITLE = 20;
    static final double LINE = 14;
    /** A badge's character width and its margin each side (its text is small and bold). */
    static final double BADGE_CHAR = 6.4;
    static final double BADGE_PAD = 6;
    /** The height of one box's row. */
    static final double ROW = 18;
    /** The side of a port's square. */
    static final double PORT = 8;
    /** The room left around the whole picture, and above it for its title. */
    static final double MARGIN = 20;
    static final double HEADER = MARGIN + 2 * LINE + PAD;

    static {
        LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
    }

    /** Copies the lists, so that a layout cannot change. */
    public Layout {
        shapes = List.copyOf(shapes);
        routes = List.copyOf(routes);
    }

    /**
     * Where a component goes.
     *
     * @param node    the node it shows
     * @param x       its left edge
     * @param y       its top edge
     * @param width   its width
     * @param height  its height
     * @param depth   0 at the top level, 1 for a child of a chassis, and so on
     * @param chassis whether other shapes lie inside it
     * @param indent  how far right of the usual place its name goes: a chassis's inbox labels may lie at its top
     * @param notes   lines under its name: the services it stands for
     * @param ports   one per box, inboxes first
     */
    public record Shape(Snapshot.Node node, double x, double y, double width, double height, int depth,
            boolean chassis, double indent, List<String> notes, List<Port> ports) {

        /** Copies the lists, so that a shape cannot change. */
        public Shape {
            notes = List.copyOf(notes);
            ports = List.copyOf(ports);
        }
    }

    /**
     * Where a box's port goes: a small square on its component's edge.
     *
     * @param box   the box
     * @param inbox whether it is an inbox (on the left edge) or an outbox (on the right)
     * @param x     the centre of its square
     * @param y     the centre of its square
     */
    public record Port(Snapshot.BoxState box, boolean inbox, double x, double y) {
    }

    /**
     * The way a link goes, from its source port to its target port.
     *
     * @param link   the link
     * @param points the start, the bends and the end, absolute
     */
    public record Route(Snapshot.Link link, List<Point> points) {

        /** Copies the list, so that a route cannot change. */
        public Route {
            points = List.copyOf(points);
        }
    }

    /** A point of the picture. */
    public record Point(double x, double y) {
    }

    /** Lays a snapshot out. */
    public static Layout of(Snapshot snapshot) {
        return new Builder(snapshot).build();
    }

    /**
     * The services a node stands for, one badge each under its name: the service's name and
     * the inbox it stands for ({@code backplane news = inbox}). A picture draws each as a
     * badge, a backplane's ({@link #isBackplane}) in a colour of its own.
     */
    static List<String> notes(Snapshot snapshot, Snapshot.Node node) {
        List<String> notes = new ArrayList<>();
        for (Snapshot.Service service : snapshot.services()) {
            if (service.node().equals(node.name())) {
                notes.add(service.name() + " = " + service.box());
            }
        }
        return notes;
    }

    /** Whether a badge of {@link #notes} is a backplane's service (kamaelia.util.BackplaneServices names them so). */
    public static boolean isBackplane(String note) {
        return note.startsWith("backplane ");
    }

    /** The width of a badge of {@link #notes}: its text and a margin each side. */
    public static double badgeWidth(String note) {
        return note.length() * BADGE_CHAR + 2 * BADGE_PAD;
    }

    /** Builds the ELK graph of a snapshot, lets ELK lay it out, and reads the places back. */
    private static final class Builder {
        private final Snapshot snapshot;
        private final Map<String, Snapshot.Node> byName = new HashMap<>();
        private final Map<String, ElkNode> elkNodes = new LinkedHashMap<>();
        private final Map<String, List<String>> notes = new HashMap<>();
        /** Ports by "node/in/box" or "node/out/box". */
        private final Map<String, ElkPort> ports = new HashMap<>();
        private final Map<ElkEdge, Snapshot.Link> edges = new LinkedHashMap<>();

        Builder(Snapshot snapshot) {
            this.snapshot = snapshot;
            snapshot.nodes().forEach(node -> byName.put(node.name(), node));
        }

        Layout build() {
            ElkNode root = ElkGraphUtil.createGraph();
            root.setProperty(CoreOptions.ALGORITHM, "org.eclipse.elk.layered");
            root.setProperty(CoreOptions.HIERARCHY_HANDLING, HierarchyHandling.INCLUDE_CHILDREN);
            root.setProperty(CoreOptions.DIRECTION, Direction.RIGHT);
            root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
            root.setProperty(CoreOptions.PADDING, new ElkPadding(HEADER, MARGIN, MARGIN, MARGIN));
            for (Snapshot.Node node : snapshot.nodes()) {
                if (node.parent() == null || !byName.containsKey(node.parent())) {
                    add(node, root);
                }
            }
            for (Snapshot.Link link : snapshot.links()) {
                ElkPort from = port(link.fromNode(), link.fromBox());
                ElkPort to = port(link.toNode(), link.toBox());
                if (from != null && to != null) {
                    ElkEdge edge = ElkGraphUtil.createSimpleEdge(from, to);
                    ElkGraphUtil.updateContainment(edge);
                    if (isShutdownBetweenSiblings(link)) {
                        edge.setProperty(CoreOptions.NO_LAYOUT, true);
                    }
                    edges.put(edge, link);
                }
            }
            new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());
            List<Shape> shapes = new ArrayList<>();
            for (ElkNode child : root.getChildren()) {
                read(child, 0, 0, 0, shapes);
            }
            List<Route> routes = new ArrayList<>();
            Map<String, Port> placed = new HashMap<>();
            for (Shape shape : shapes) {
                shape.ports().forEach(port -> placed.put(shape.node().name() + "." + port.box().name(), port));
            }
            edges.forEach((edge, link) -> routes.add(edge.getProperty(CoreOptions.NO_LAYOUT)
                    ? aside(link, placed.get(link.fromNode() + "." + link.fromBox()),
                            placed.get(link.toNode() + "." + link.toBox()))
                    : route(edge, link)));
            return new Layout(root.getWidth(), root.getHeight(), shapes, routes);
        }

        /** Adds a node and, inside it, its children. */
        private void add(Snapshot.Node node, ElkNode parent) {
            ElkNode elk = ElkGraphUtil.createNode(parent);
            elkNodes.put(node.name(), elk);
            List<String> lines = notes(snapshot, node);
            notes.put(node.name(), lines);
            double header = PAD + TITLE + LINE * (1 + lines.size());
            int rows = Math.max(1, Math.max(node.inboxes().size(), node.outboxes().size()));
            double labels = 4 + maxLabel(node.inboxes()) + 20 + maxLabel(node.outboxes()) + 4;
            // "asleep", the longer state, whatever the node is now: waking up does not move the picture
            double title = Math.max(node.name().length() * BOLD_CHAR, (node.kind().words() + ", asleep").length() * CHAR);
            for (String line : lines) {
                title = Math.max(title, badgeWidth(line));
            }
            List<Snapshot.Node> children = snapshot.children(node.name());
            double indent = children.isEmpty() ? 0 : maxLabel(node.inboxes());
            double width = Math.max(120, Math.max(labels, indent + title + 2 * PAD));
            double height = header + ROW * rows + PAD / 2;
            elk.setDimensions(width, height);
            if (children.isEmpty()) {
                elk.setProperty(CoreOptions.PORT_CONSTRAINTS, PortConstraints.FIXED_POS);
            } else {
                // A chassis grows around its children: ELK places its ports, in order, from the top of each side.
                elk.setProperty(CoreOptions.PORT_CONSTRAINTS, PortConstraints.FIXED_ORDER);
                elk.setProperty(CoreOptions.NODE_SIZE_CONSTRAINTS,
                        EnumSet.of(SizeConstraint.MINIMUM_SIZE, SizeConstraint.PORTS));
                elk.setProperty(CoreOptions.NODE_SIZE_MINIMUM, new KVector(width, height));
                elk.setProperty(CoreOptions.PORT_ALIGNMENT_DEFAULT, PortAlignment.BEGIN);
                elk.setProperty(CoreOptions.SPACING_PORT_PORT, ROW - PORT);
                elk.setProperty(CoreOptions.SPACING_PORTS_SURROUNDING,
                        new ElkMargin(header + (ROW - PORT) / 2, 0, 0, 0));
                elk.setProperty(CoreOptions.PADDING, new ElkPadding(height + PAD,
                        maxLabel(node.outboxes()) + 2 * PAD, PAD, maxLabel(node.inboxes()) + 2 * PAD));
            }
            addPorts(node, elk, node.inboxes(), true, header, width);
            addPorts(node, elk, node.outboxes(), false, header, width);
            for (Snapshot.Node child : children) {
                add(child, elk);
            }
        }

        private void addPorts(Snapshot.Node node, ElkNode elk, List<Snapshot.BoxState> boxes, boolean inbox,
                double header, double width) {
            for (int i = 0; i < boxes.size(); i++) {
                ElkPort port = ElkGraphUtil.createPort(elk);
                port.setDimensions(PORT, PORT);
                port.setLocation(inbox ? -PORT : width, header + ROW * i + (ROW - PORT) / 2);
                port.setProperty(CoreOptions.PORT_SIDE, inbox ? PortSide.WEST : PortSide.EAST);
                port.setProperty(CoreOptions.PORT_INDEX, inbox ? boxes.size() - i : i);   // clockwise from the top left
                ports.put(key(node.name(), inbox, boxes.get(i).name()), port);
            }
        }

        private ElkPort port(String node, String box) {
            ElkPort port = ports.get(key(node, false, box));
            return port != null ? port : ports.get(key(node, true, box));
        }

        private static String key(String node, boolean inbox, String box) {
            return node + (inbox ? "/in/" : "/out/") + box;
        }

        /** Reads the place of a laid-out node and its children, made absolute. */
        private void read(ElkNode elk, double dx, double dy, int depth, List<Shape> shapes) {
            String name = elkNodes.entrySet().stream().filter(e -> e.getValue() == elk).findFirst().orElseThrow()
                    .getKey();
            Snapshot.Node node = byName.get(name);
            double x = dx + elk.getX();
            double y = dy + elk.getY();
            List<Port> places = new ArrayList<>();
            for (Snapshot.BoxState box : node.inboxes()) {
                places.add(place(ports.get(key(name, true, box.name())), box, true, x, y));
            }
            for (Snapshot.BoxState box : node.outboxes()) {
                places.add(place(ports.get(key(name, false, box.name())), box, false, x, y));
            }
            boolean chassis = !elk.getChildren().isEmpty();
            shapes.add(new Shape(node, x, y, elk.getWidth(), elk.getHeight(), depth, chassis,
                    chassis ? maxLabel(node.inboxes()) : 0, notes.get(name), places));
            for (ElkNode child : elk.getChildren()) {
                read(child, x, y, depth + 1, shapes);
            }
        }

        private static Port place(ElkPort port, Snapshot.BoxState box, boolean inbox, double x, double y) {
            return new Port(box, inbox, x + port.getX() + PORT / 2, y + port.getY() + PORT / 2);
        }

        /**
         * Whether a link only passes shutdown on between two children of one chassis (a
         * signal to a sibling's control). ELK leaves it out of its layers, so that such
         * children can stand one above the other instead of in one long row (a Graphline of
         * chassis, as in the stage-12 system), and it is routed aside, at right angles.
         */
        private boolean isShutdownBetweenSiblings(Snapshot.Link link) {
            Snapshot.Node from = byName.get(link.fromNode());
            Snapshot.Node to = byName.get(link.toNode());
            return link.toBox().equals("control") && link.fromBox().equals("signal") && from != null && to != null
                    && from != to && java.util.Objects.equals(from.parent(), to.parent())
                    && !snapshot.children(from.name()).isEmpty() && !snapshot.children(to.name()).isEmpty();
        }

        /** A route at right angles for a link that ELK left out: out to the right, across, and in from the left. */
        private static Route aside(Snapshot.Link link, Port from, Port to) {
            double out = from.x() + PAD;
            double in = to.x() - PAD;
            double across = to.y() - ROW / 2;
            return new Route(link, List.of(new Point(from.x(), from.y()), new Point(out, from.y()),
                    new Point(out, across), new Point(in, across), new Point(in, to.y()), new Point(to.x(), to.y())));
        }

        private Route route(ElkEdge edge, Snapshot.Link link) {
            double dx = 0;
            double dy = 0;
            for (ElkNode at = edge.getContainingNode(); at != null && at.getParent() != null; at = at.getParent()) {
                dx += at.getX();
                dy += at.getY();
            }
            List<Point> points = new ArrayList<>();
            for (ElkEdgeSection section : edge.getSections()) {
                points.add(new Point(dx + section.getStartX(), dy + section.getStartY()));
                for (ElkBendPoint bend : section.getBendPoints()) {
                    points.add(new Point(dx + bend.getX(), dy + bend.getY()));
                }
                points.add(new Point(dx + section.getEndX(), dy + section.getEndY()));
            }
            return new Route(link, points);
        }

        private static double maxLabel(List<Snapshot.BoxState> boxes) {
            // room for " (999)" whatever waits now, so that a count does not move the picture
            return boxes.stream().mapToDouble(box -> (box.name().length() + 6) * CHAR).max().orElse(0);
        }
    }
}
