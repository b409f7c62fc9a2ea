package grading;

import static grading.Wiring.wire;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import axon.Component;
import axon.Ipc;
import axon.Linkage;
import axon.Scheduler;
import grading.support.Graded;
import grading.support.GradedTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import kamaelia.chassis.Pipeline;
import kamaelia.experimental.Introspector;
import kamaelia.experimental.Snapshot;
import kamaelia.util.Recorder;
import kamaelia.util.ThreadedTransformer;
import org.junit.jupiter.api.Timeout;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * The introspector: a snapshot of a running system, as values, text and a picture. Single-threaded,
 * stepped by hand.
 */
@Graded(stage = 12, order = 1, title = "a picture of a running system")
class Stage12RummagingTest {
    /** The scheduler of a test, new for each test. */
    private final Scheduler scheduler = new Scheduler();

    // --- The introspector: single-threaded, stepped by hand -----------------------------

    @GradedTest(order = 1, value = "a snapshot lists every microprocess the scheduler runs, with its type, its kind"
            + " and whether it is asleep, and the services")
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void snapshotListsMicroprocesses() {
        Counting counting = new Counting(100);
        Recorder collector = new Recorder();
        ThreadedTransformer threaded = new ThreadedTransformer(x -> x);
        counting.activate(scheduler);
        collector.activate(scheduler);
        threaded.activate(scheduler);
        scheduler.services().register("keeper", collector.inbox("inbox"));
        try {
            scheduler.runCycles(3);
            Snapshot snapshot = Snapshot.of(scheduler);
            assertEquals(Set.of(counting.name(), collector.name(), threaded.name()),
                    snapshot.nodes().stream().map(Snapshot.Node::name).collect(Collectors.toSet()),
                    "one node per microprocess the scheduler runs");
            Snapshot.Node c = snapshot.node(collector.name()).orElseThrow();
            assertEquals("Recorder", c.type(), "a node's type is its class's simple name");
            assertEquals(Snapshot.Kind.COMPONENT, c.kind(), "a Recorder is a COMPONENT");
            assertTrue(c.asleep(), "the collector has nothing to do, so it is asleep, and its node must say so:"
                    + " asleep is whether scheduler.asleep() holds it");
            Snapshot.Node m = snapshot.node(counting.name()).orElseThrow();
            assertEquals(Snapshot.Kind.MICROPROCESS, m.kind(), "a plain microprocess is a MICROPROCESS");
            assertFalse(m.asleep(), "the counting microprocess is awake");
            assertEquals(List.of(), m.inboxes(), "a plain microprocess has no boxes");
            assertEquals(Snapshot.Kind.THREADED_COMPONENT, snapshot.node(threaded.name()).orElseThrow().kind(),
                    "a threaded component is a THREADED_COMPONENT");
            assertNull(c.parent(), "nothing owns the collector");
            assertEquals(List.of(new Snapshot.Service("keeper", collector.name(), "inbox")), snapshot.services(),
                    "the snapshot's services: the one registered, with its component and inbox");
            assertEquals(scheduler.name(), snapshot.scheduler(), "the snapshot names the scheduler it was taken of");
        } finally {
            threaded.inbox("control").put(new Ipc.ShutdownMicroprocess());
            collector.inbox("control").put(new Ipc.ShutdownMicroprocess());
            scheduler.run();
        }
    }

    @GradedTest(order = 2, value = "a snapshot shows each component's boxes, in order, with the messages waiting in"
            + " each")
    void snapshotShowsBoxes() {
        Probe probe = new Probe();
        probe.activate(scheduler);
        probe.inbox("extra").put("one");
        probe.inbox("extra").put("two");
        probe.sendOut("logged", "log");
        Snapshot.Node node = Snapshot.of(scheduler).node(probe.name()).orElseThrow();
        assertEquals(List.of(new Snapshot.BoxState("inbox", 0), new Snapshot.BoxState("control", 0),
                new Snapshot.BoxState("extra", 2)), node.inboxes(), "each inbox, in order, with what it holds");
        assertEquals(List.of(new Snapshot.BoxState("outbox", 0), new Snapshot.BoxState("signal", 0),
                new Snapshot.BoxState("log", 1)), node.outboxes(), "each outbox, in order, with what it holds");
    }

    @GradedTest(order = 3, value = "a snapshot shows every link, passthrough links too, and which chassis owns each"
            + " child")
    void snapshotShowsLinksAndParents() {
        Recorder first = new Recorder();
        Recorder second = new Recorder();
        Pipeline pipeline = new Pipeline(first, second);
        Recorder before = new Recorder();
        Recorder after = new Recorder();
        Linkage.link(before.outbox("outbox"), pipeline.inbox("inbox"));
        Linkage.link(pipeline.outbox("outbox"), after.inbox("inbox"));
        pipeline.activate(scheduler);
        before.activate(scheduler);
        after.activate(scheduler);
        scheduler.runCycles(2);
        Snapshot snapshot = Snapshot.of(scheduler);
        Set<Snapshot.Link> links = Set.copyOf(snapshot.links());
        for (Snapshot.Link expected : List.of(
                new Snapshot.Link(first.name(), "outbox", second.name(), "inbox"),
                new Snapshot.Link(first.name(), "signal", second.name(), "control"),
                new Snapshot.Link(pipeline.name(), "inbox", first.name(), "inbox"),
                new Snapshot.Link(pipeline.name(), "control", first.name(), "control"),
                new Snapshot.Link(second.name(), "outbox", pipeline.name(), "outbox"),
                new Snapshot.Link(second.name(), "signal", pipeline.name(), "signal"),
                new Snapshot.Link(before.name(), "outbox", pipeline.name(), "inbox"),
                new Snapshot.Link(pipeline.name(), "outbox", after.name(), "inbox"))) {
            assertTrue(links.contains(expected), "missing link " + expected + " in " + links
                    + (links.contains(new Snapshot.Link(expected.fromNode(), expected.fromBox(), first.name(), "inbox"))
                    || links.contains(new Snapshot.Link(expected.fromNode(), expected.fromBox(), after.name(), "inbox"))
                    ? ": a link goes from a box to its target(), the next box along, not to the box where the"
                    + " chain of links ends (finalDestination())" : ""));
        }
        assertEquals(8, snapshot.links().size(), "exactly the pipeline's six links and the two that lead into"
                + " and out of it, each once: " + links);
        assertEquals(pipeline.name(), snapshot.node(first.name()).orElseThrow().parent(),
                "a pipeline's first child's parent is the pipeline");
        assertEquals(pipeline.name(), snapshot.node(second.name()).orElseThrow().parent(),
                "a pipeline's second child's parent is the pipeline");
        assertNull(snapshot.node(pipeline.name()).orElseThrow().parent(), "nothing owns the pipeline");
    }

    @GradedTest(order = 4, value = "a snapshot is made of plain values: it does not change when the system goes on")
    void snapshotDoesNotChange() {
        Recorder collector = new Recorder();
        collector.activate(scheduler);
        collector.inbox("inbox").put("waiting");
        Snapshot before = Snapshot.of(scheduler);
        scheduler.runCycles(2);
        collector.inbox("control").put(new Ipc.ShutdownMicroprocess());
        scheduler.runCycles(2);
        assertEquals(List.of(), scheduler.microprocesses(), "the collector has finished");
        Snapshot.Node node = before.node(collector.name()).orElseThrow();
        assertEquals(1, node.inboxes().getFirst().waiting(), "the old snapshot still shows the message waiting");
        assertFalse(node.asleep(), "a component with a message waiting was awake when the snapshot was taken");
        assertEquals(0, Snapshot.of(scheduler).nodes().size(), "a new snapshot shows the system as it is now");
    }

    @GradedTest(order = 5, value = "the Introspector answers each request with a snapshot taken in its own step,"
            + " itself included")
    void introspectorAnswersRequests() {
        Introspector introspector = new Introspector();
        Recorder answers = new Recorder();
        wire(introspector, answers);
        introspector.activate(scheduler);
        answers.activate(scheduler);
        introspector.inbox("inbox").put("look");
        introspector.inbox("inbox").put("look again");
        scheduler.runCycles(5);
        assertEquals(2, answers.collected().size(), "one snapshot per request");
        Snapshot snapshot = (Snapshot) answers.collected().getFirst();
        Snapshot.Node self = snapshot.node(introspector.name()).orElseThrow(
                () -> new AssertionError("the introspector must be in its own snapshot"));
        assertFalse(self.asleep(), "the introspector is awake: it is taking the snapshot");
        assertTrue(snapshot.node(answers.name()).isPresent(), "the component the introspector answers must be in"
                + " its snapshot");
        assertTrue(snapshot.links().contains(
                new Snapshot.Link(introspector.name(), "outbox", answers.name(), "inbox")),
                "the introspector's own link must be in its snapshot: " + snapshot.links());
        introspector.inbox("control").put(new Ipc.ShutdownMicroprocess());
        scheduler.run();
        assertEquals(new Ipc.ShutdownMicroprocess(), answers.endedBy(), "it ends on shutdown and passes it on");
    }

    @GradedTest(order = 6, value = "a snapshot shows itself as text, children under their parent, and as an SVG"
            + " picture naming every component")
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    // the first picture starts the layout engine (ELK): a second or two
    void snapshotAsTextAndPicture() throws Exception {
        Recorder first = new Recorder();
        Recorder second = new Recorder();
        Pipeline pipeline = new Pipeline(first, second);
        pipeline.activate(scheduler);
        first.inbox("inbox").put("waiting");
        scheduler.runCycles(2);
        Snapshot snapshot = Snapshot.of(scheduler);
        List<String> lines = snapshot.text().lines().toList();
        String pipelineLine = lines.stream().filter(l -> l.strip().startsWith(pipeline.name())).findFirst()
                .orElseThrow();
        String childLine = lines.stream().filter(l -> l.strip().startsWith(first.name())).findFirst().orElseThrow();
        assertTrue(indent(childLine) > indent(pipelineLine),
                "a child is indented under its parent:\n" + snapshot.text());
        assertTrue(snapshot.text().contains("outbox -> " + second.name() + ".inbox"), "the text must show the"
                + " link from the first child's outbox to " + second.name() + ".inbox:\n" + snapshot.text());

        Document svg = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(snapshot.svg().getBytes(StandardCharsets.UTF_8)));
        assertEquals("svg", svg.getDocumentElement().getTagName(), "the picture must be an SVG document");
        NodeList texts = svg.getElementsByTagName("text");
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < texts.getLength(); i++) {
            shown.add(texts.item(i).getTextContent());
        }
        for (Component c : List.of(pipeline, first, second)) {
            assertTrue(shown.contains(c.name()), "the picture names " + c.name() + ": " + shown);
        }
    }

    @GradedTest(order = 7, value = "a snapshot taken in a chassis's own step shows the chassis as its children's"
            + " parent")
    void snapshotFromInsideAChassisStep() {
        List<Snapshot> taken = new ArrayList<>();
        Recorder child = new Recorder();
        Pipeline pipeline = new Pipeline(child) {
            @Override
            protected boolean step() {
                boolean again = super.step();   // the first step activates the child
                if (taken.isEmpty()) {
                    taken.add(Snapshot.of(scheduler(), this));
                }
                return again;
            }
        };
        pipeline.activate(scheduler);
        scheduler.runCycles(2);
        Snapshot snapshot = taken.getFirst();
        assertTrue(snapshot.node(pipeline.name()).isPresent(), "the pipeline taking the snapshot must be in it");
        assertEquals(pipeline.name(), snapshot.node(child.name()).orElseThrow().parent(), "the pipeline took this"
                + " snapshot in its own step, so the scheduler did not list it, and Snapshot.of(scheduler, stepping)"
                + " added it to running: its child's parent must be the pipeline. Look for parents among every"
                + " component in running, not only in scheduler.microprocesses()");
    }

    private static int indent(String line) {
        return line.length() - line.stripLeading().length();
    }
}
