package kamaelia.experimental.view;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import kamaelia.experimental.Snapshot;

/**
 * Turns the snapshots of a running system into the frames the live view's page draws:
 * JSON text with where everything goes (from {@link Layout}) and how everything is now.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>The layout is worked out again only when the system's shape changes (a component,
 *       a box, a link or a service appears or goes); messages waiting and components
 *       falling asleep or waking change the frame, never the places.</li>
 *   <li>A link's {@code crossed} is the number of messages that crossed it since the
 *       previous snapshot (from {@link Traffic}); it is marked {@code moved} when any did,
 *       or when the number of messages waiting where it delivers (the last box of its
 *       chain) changed, as when messages are taken at its end.</li>
 *   <li>Thread-safe: snapshots come from the scheduler's thread, frames go to the view's.
 *       Taking a snapshot never waits for a frame to be made (the layout engine may take
 *       a second or two the first time): the scheduler is never held up by the view.</li>
 * </ul>
 */
final class Frames {
    private Snapshot previous;
    private Snapshot latest;
    private Map<String, Integer> trafficBefore = Map.of();
    private Map<String, Integer> traffic = Map.of();
    private long number;
    /** The frame made for snapshot number frameNumber, or null. */
    private String frame;
    private long frameNumber;
    /** Held while a frame is made; add() never takes it. */
    private final Object rendering = new Object();
    /** The shape of the last layout, and the layout: guarded by rendering. */
    private String shape;
    private Layout layout;

    /** Takes a new snapshot (called on the scheduler's thread): quick, it never waits for a frame being made. */
    synchronized void add(Snapshot snapshot) {
        add(snapshot, Map.of());
    }

    /**
     * Takes a new snapshot with the count of messages put into each box ({@link Traffic#of}),
     * on the scheduler's thread: quick, it never waits for a frame being made.
     */
    synchronized void add(Snapshot snapshot, Map<String, Integer> crossings) {
        previous = latest;
        latest = snapshot;
        trafficBefore = traffic;
        traffic = crossings;
        number++;
        frame = null;
        notifyAll();
    }

    /** How many snapshots were added: a frame number. */
    synchronized long number() {
        return number;
    }

    /** Waits, at most {@code millis}, for a snapshot newer than {@code seen}; returns the newest number. */
    synchronized long awaitAfter(long seen, long millis) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000;
        while (number <= seen) {
            long left = (end - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                break;
            }
            wait(left);
        }
        return number;
    }

    /** The newest snapshot, or null before the first. */
    synchronized Snapshot latest() {
        return latest;
    }

    /**
     * The newest frame as JSON, or null before the first snapshot. The layout is worked
     * out here, on the view's thread, outside the lock that {@link #add} takes: the
     * scheduler's thread never waits for the layout engine.
     */
    String frame(boolean paused) {
        Snapshot now;
        Snapshot before;
        Map<String, Integer> crossedNow;
        Map<String, Integer> crossedBefore;
        long at;
        synchronized (this) {
            if (latest == null) {
                return null;
            }
            if (frame != null && frameNumber == number) {
                return frame.replace("\"paused\":?", "\"paused\":" + paused);
            }
            now = latest;
            before = previous;
            crossedNow = traffic;
            crossedBefore = trafficBefore;
            at = number;
        }
        String made;
        synchronized (rendering) {
            String shapeNow = shapeOf(now);
            if (!shapeNow.equals(shape)) {
                layout = Layout.of(now);
                shape = shapeNow;
            }
            made = json(now, before, crossedNow, crossedBefore, layout, at);
        }
        synchronized (this) {
            if (number == at) {
                frame = made;
                frameNumber = at;
            }
        }
        return made.replace("\"paused\":?", "\"paused\":" + paused);
    }

    /** Everything that decides the layout, as text: two snapshots with the same shape have the same layout. */
    static String shapeOf(Snapshot snapshot) {
        StringBuilder text = new StringBuilder();
        for (Snapshot.Node node : snapshot.inCreationOrder()) {
            text.append(node.name()).append('<').append(node.parent()).append(node.kind());
            node.inboxes().forEach(box -> text.append(" i:").append(box.name()));
            node.outboxes().forEach(box -> text.append(" o:").append(box.name()));
            text.append('\n');
        }
        snapshot.links().stream().map(Snapshot.Link::toString).sorted().forEach(l -> text.append(l).append('\n'));
        snapshot.services().forEach(s -> text.append(s).append('\n'));
        return text.toString();
    }

    private static String json(Snapshot now, Snapshot before, Map<String, Integer> crossedNow,
            Map<String, Integer> crossedBefore, Layout layout, long number) {
        Map<String, Integer> crossings = before == null ? Map.of() : Traffic.crossed(now.links(), crossedBefore, crossedNow);
        Map<String, Snapshot.Node> nodes = new HashMap<>();
        now.nodes().forEach(node -> nodes.put(node.name(), node));
        StringBuilder json = new StringBuilder(4096);
        json.append("{\"frame\":").append(number).append(",\"scheduler\":").append(quote(now.scheduler()))
                .append(",\"cycles\":").append(now.cycles()).append(",\"paused\":?")
                .append(",\"count\":").append(now.nodes().size()).append(",\"asleep\":").append(now.asleepCount())
                .append(",\"width\":").append(n(layout.width())).append(",\"height\":").append(n(layout.height()))
                .append(",\"shapes\":[");
        boolean first = true;
        for (Layout.Shape shape : layout.shapes()) {
            Snapshot.Node node = nodes.getOrDefault(shape.node().name(), shape.node());
            json.append(first ? "" : ",").append("{\"name\":").append(quote(node.name()))
                    .append(",\"type\":").append(quote(node.type()))
                    .append(",\"kind\":").append(quote(node.kind().words()))
                    .append(",\"asleep\":").append(node.asleep())
                    .append(",\"chassis\":").append(shape.chassis())
                    .append(",\"depth\":").append(shape.depth())
                    .append(",\"indent\":").append(n(shape.indent()))
                    .append(",\"x\":").append(n(shape.x())).append(",\"y\":").append(n(shape.y()))
                    .append(",\"w\":").append(n(shape.width())).append(",\"h\":").append(n(shape.height()))
                    .append(",\"notes\":[");
            for (int i = 0; i < shape.notes().size(); i++) {
                json.append(i == 0 ? "" : ",").append(quote(shape.notes().get(i)));
            }
            json.append("],\"ports\":[");
            boolean firstPort = true;
            for (Layout.Port port : shape.ports()) {
                json.append(firstPort ? "" : ",").append("{\"box\":").append(quote(port.box().name()))
                        .append(",\"inbox\":").append(port.inbox())
                        .append(",\"waiting\":").append(waiting(node, port.box().name(), port.inbox()))
                        .append(",\"x\":").append(n(port.x())).append(",\"y\":").append(n(port.y())).append('}');
                firstPort = false;
            }
            json.append("]}");
            first = false;
        }
        json.append("],\"routes\":[");
        first = true;
        for (Layout.Route route : layout.routes()) {
            Snapshot.Link link = route.link();
            int crossed = crossings.getOrDefault(link.toString(), 0);
            json.append(first ? "" : ",").append("{\"link\":").append(quote(link.toString()))
                    .append(",\"control\":").append(link.toBox().equals("control"))
                    .append(",\"crossed\":").append(crossed)
                    .append(",\"moved\":").append(crossed > 0 || moved(link, now, before))
                    .append(",\"points\":[");
            for (int i = 0; i < route.points().size(); i++) {
                Layout.Point point = route.points().get(i);
                json.append(i == 0 ? "" : ",").append('[').append(n(point.x())).append(',').append(n(point.y()))
                        .append(']');
            }
            json.append("]}");
            first = false;
        }
        json.append("]}");
        return json.toString();
    }

    private static int waiting(Snapshot.Node node, String box, boolean inbox) {
        List<Snapshot.BoxState> boxes = inbox ? node.inboxes() : node.outboxes();
        return boxes.stream().filter(b -> b.name().equals(box)).mapToInt(Snapshot.BoxState::waiting).findFirst()
                .orElse(0);
    }

    /** Whether what waits at the end of a link's chain changed between two snapshots. */
    static boolean moved(Snapshot.Link link, Snapshot now, Snapshot before) {
        if (before == null) {
            return false;
        }
        String[] end = end(now, link.toNode(), link.toBox());
        return waitingAt(now, end) != waitingAt(before, end);
    }

    /** The last box of the chain of links that starts at a box, as {node, box}. */
    private static String[] end(Snapshot snapshot, String node, String box) {
        String[] at = {node, box};
        for (int hops = 0; hops < 64; hops++) {
            String[] from = at;
            Snapshot.Link next = snapshot.links().stream()
                    .filter(l -> l.fromNode().equals(from[0]) && l.fromBox().equals(from[1])).findFirst()
                    .orElse(null);
            if (next == null) {
                break;
            }
            at = new String[] {next.toNode(), next.toBox()};
        }
        return at;
    }

    private static int waitingAt(Snapshot snapshot, String[] box) {
        return snapshot.node(box[0]).map(node -> {
            int in = waiting(node, box[1], true);
            return in != 0 ? in : waiting(node, box[1], false);
        }).orElse(-1);
    }

    /** A JSON string. */
    static String quote(String text) {
        text = Objects.toString(text);
        StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }

    private static String n(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
