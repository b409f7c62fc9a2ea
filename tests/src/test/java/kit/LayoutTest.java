package kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import axon.Scheduler;
import examples.components.Consumer;
import kamaelia.util.Backplane;
import examples.programs.LiveDemo;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import kamaelia.experimental.Snapshot;
import kamaelia.experimental.view.Layout;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The layout that the handbook's pictures and the live view share (Eclipse ELK's layered
 * layout): these tests check its geometry on a real system, without comparing pixels.
 */
@Tag("kit")
@Timeout(value = 30, unit = TimeUnit.SECONDS)   // the layout engine's first start takes a second or two
@DisplayName("Kit: the layout of a running system puts children inside their chassis and links on their ports")
class LayoutTest {

    private static Snapshot demo() {
        Scheduler scheduler = new Scheduler();
        LiveDemo.system(6, 1, new PrintStream(OutputStream.nullOutputStream())).activate(scheduler);
        scheduler.runCycles(3);
        return Snapshot.of(scheduler);
    }

    @Test
    @DisplayName("the handbook's stage-12 system, a graphline of chassis passing shutdown on, reads on a page:"
            + " its chassis stand one above the other, so the picture is at most twice as wide as it is high")
    void stage12PictureReadsOnAPage() throws Exception {
        Path picture = Path.of(System.getProperty("kit.root", "..")).resolve("src-docs/src/docs/asciidoc/images/stage-12-system.svg");
        Matcher size = Pattern.compile("<svg [^>]*width=\"([0-9.]+)\" height=\"([0-9.]+)\"").matcher(Files.readString(picture));
        assertTrue(size.find(), picture + " is an SVG picture with a size");
        double width = Double.parseDouble(size.group(1));
        double height = Double.parseDouble(size.group(2));
        assertTrue(width <= 2 * height, "the picture is " + width + " by " + height + ": too wide to read on a page."
                + " Make it again with examples.programs.SystemPicture (the command is under it in the stage-12 chapter)");
    }

    @Test
    @DisplayName("a service is a purple badge under its component's name, a backplane's an orange one, inside the component")
    void servicesAreBadges() {
        Scheduler scheduler = new Scheduler();
        new Backplane("news").activate(scheduler);
        Consumer greeter = new Consumer(message -> { });
        greeter.activate(scheduler);
        scheduler.runCycles(2);
        scheduler.services().register("greetings", greeter.inbox("inbox"));
        Snapshot snapshot = Snapshot.of(scheduler);
        String svg = snapshot.svg();
        assertTrue(svg.contains("<g class=\"badge backplane\"><rect ") && svg.contains(">backplane news = inbox</text></g>"),
                "the backplane's service is an orange badge:\n" + svg);
        assertTrue(svg.contains("<g class=\"badge service\"><rect ") && svg.contains(">greetings = inbox</text></g>"),
                "a service is a purple badge:\n" + svg);
        assertTrue(!svg.contains("service \""), "services are not written as text any more");
        for (Layout.Shape shape : Layout.of(snapshot).shapes()) {
            for (String note : shape.notes()) {
                assertTrue(Layout.badgeWidth(note) + 20 <= shape.width(), "the badge " + note + " fits in " + shape);
            }
        }
    }

    @Test
    @DisplayName("every component has one shape, inside its parent's, and no two siblings overlap")
    void shapesNest() {
        Snapshot snapshot = demo();
        Layout layout = Layout.of(snapshot);
        assertEquals(snapshot.nodes().size(), layout.shapes().size(), "one shape per node");
        Map<String, Layout.Shape> shapes = new HashMap<>();
        layout.shapes().forEach(shape -> shapes.put(shape.node().name(), shape));
        for (Layout.Shape shape : layout.shapes()) {
            assertTrue(shape.x() >= 0 && shape.y() >= 0 && shape.x() + shape.width() <= layout.width()
                    && shape.y() + shape.height() <= layout.height(), shape + " lies in the picture");
            String parent = shape.node().parent();
            if (parent != null) {
                Layout.Shape outer = shapes.get(parent);
                assertTrue(outer.chassis(), parent + " is drawn as a chassis");
                assertTrue(shape.x() > outer.x() && shape.y() > outer.y()
                        && shape.x() + shape.width() < outer.x() + outer.width()
                        && shape.y() + shape.height() < outer.y() + outer.height(),
                        shape.node().name() + " lies inside " + parent);
            }
            for (Layout.Shape other : layout.shapes()) {
                boolean siblings = other != shape && java.util.Objects.equals(other.node().parent(), parent);
                assertTrue(!siblings || shape.x() + shape.width() <= other.x() || other.x() + other.width() <= shape.x()
                        || shape.y() + shape.height() <= other.y() || other.y() + other.height() <= shape.y(),
                        shape.node().name() + " and " + other.node().name() + " do not overlap");
            }
        }
    }

    @Test
    @DisplayName("inboxes are on the left edge, outboxes on the right, and every link runs at right angles from"
            + " its source's port to its target's")
    void linksRunBetweenPorts() {
        Snapshot snapshot = demo();
        Layout layout = Layout.of(snapshot);
        Map<String, Layout.Port> ports = new HashMap<>();
        for (Layout.Shape shape : layout.shapes()) {
            for (Layout.Port port : shape.ports()) {
                double edge = port.inbox() ? shape.x() : shape.x() + shape.width();
                assertTrue(Math.abs(port.x() - edge) <= 8, shape.node().name() + "." + port.box().name()
                        + " is on its " + (port.inbox() ? "left" : "right") + " edge");
                ports.put(shape.node().name() + "." + port.box().name(), port);
            }
        }
        assertEquals(snapshot.links().size(), layout.routes().size(), "one route per link");
        for (Layout.Route route : layout.routes()) {
            Snapshot.Link link = route.link();
            List<Layout.Point> points = route.points();
            Layout.Port from = ports.get(link.fromNode() + "." + link.fromBox());
            Layout.Port to = ports.get(link.toNode() + "." + link.toBox());
            assertTrue(near(points.getFirst(), from) && near(points.getLast(), to),
                    link + " runs from port to port: " + points + ", ports " + from + " and " + to);
            for (int i = 1; i < points.size(); i++) {
                Layout.Point a = points.get(i - 1);
                Layout.Point b = points.get(i);
                assertTrue(Math.abs(a.x() - b.x()) < 0.5 || Math.abs(a.y() - b.y()) < 0.5,
                        link + " turns only at right angles: " + points);
            }
        }
    }

    private static boolean near(Layout.Point point, Layout.Port port) {
        return Math.abs(point.x() - port.x()) <= 8 && Math.abs(point.y() - port.y()) <= 8;
    }
}
