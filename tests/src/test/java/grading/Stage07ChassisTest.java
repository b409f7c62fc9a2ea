package grading;

import static grading.AllFinished.assertAllFinished;
import static grading.Wiring.children;
import static grading.Wiring.links;
import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import axon.Box;
import axon.Component;
import axon.Ipc;
import axon.Linkage;
import axon.Scheduler;
import grading.support.Graded;
import grading.support.GradedTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kamaelia.chassis.Graphline;
import kamaelia.chassis.Pipeline;
import kamaelia.util.ConsolePrinter;
import kamaelia.util.Grep;
import kamaelia.util.PureTransformer;
import kamaelia.util.Recorder;
import kamaelia.util.Source;
import org.junit.jupiter.api.io.TempDir;

@Graded(stage = 7, title = "Pipeline and Graphline")
class Stage07ChassisTest {
    /** The scheduler of a test, new for each test. */
    private final Scheduler scheduler = new Scheduler();

    static PureTransformer upper() {
        return new PureTransformer(s -> ((String) s).toUpperCase());
    }

    /** What came out of a chassis's outbox, in ten cycles, for one message put into its inbox. */
    static List<Object> passedThrough(Component chassis, Object message) {
        Scheduler own = new Scheduler();
        Recorder collector = new Recorder();
        Linkage.link(chassis.outbox("outbox"), collector.inbox("inbox"));
        chassis.activate(own);
        collector.activate(own);
        chassis.inbox("inbox").put(message);
        own.runCycles(10);
        return collector.collected();
    }

    /** What a component left in its signal outbox, or null if it sent nothing there. */
    static Object sentOnSignal(Component component) {
        Box signal = component.outbox("signal");
        return signal.isEmpty() ? null : signal.take();
    }

    @GradedTest(order = 4, value = "a Pipeline runs data through its children in order, and everything finishes by"
            + " itself")
    void pipelineRunsThrough() {
        Recorder collector = new Recorder();
        Pipeline pipeline = new Pipeline(new Source(List.of("one", "two", "three")), upper(),
                new PureTransformer(s -> s + "!"), collector);
        pipeline.activate(scheduler);
        scheduler.run();
        assertEquals(List.of("ONE!", "TWO!", "THREE!"), collector.collected(), "what reached the pipeline's last"
                + " child: every item, through each child in order (upper case, then \"!\")");
        assertTrue(pipeline.isFinished(), "the pipeline must finish when its children have");
        assertAllFinished(scheduler, "nothing may be left, awake or asleep");
    }

    @GradedTest(order = 2, value = "a Pipeline's inbox leads to its first child, and its last child's outbox leaves"
            + " through its own")
    void pipelineLooksLikeOneComponent() {
        Pipeline pipeline = new Pipeline(upper(), new PureTransformer(s -> s + "?"));
        assertEquals(List.of("HELLO?"), passedThrough(pipeline, "hello"), "what came out of the pipeline's outbox for a message"
                + " put into its inbox: it must pass through the first child, then the last");
    }

    @GradedTest(order = 3, value = "a shutdown put into a Pipeline's control reaches its first child, passes from"
            + " child to child, leaves through the pipeline's signal, and the pipeline finishes")
    void pipelinePassesShutdownThrough() {
        Component first = upper();
        Component last = new PureTransformer(s -> s + "?");
        Pipeline pipeline = new Pipeline(first, last);
        Recorder collector = new Recorder();
        Linkage.link(pipeline.outbox("signal"), collector.inbox("control"));
        pipeline.activate(scheduler);
        collector.activate(scheduler);
        scheduler.runCycles(3);
        pipeline.inbox("control").put(new Ipc.ShutdownMicroprocess());
        scheduler.run();
        assertTrue(first.isFinished(), "the shutdown put into the pipeline's control never reached its first child:"
                + " link the pipeline's control to the first child's control");
        assertTrue(last.isFinished(), "the first child ended, but the shutdown it sent on its signal never reached"
                + " the next child's control: link each child's signal to the next one's control");
        assertEquals(new Ipc.ShutdownMicroprocess(), collector.endedBy(), "every child ended, but no shutdown left"
                + " through the pipeline's signal: link the last child's signal to the pipeline's signal");
        assertTrue(pipeline.isFinished(), "every child has finished, but the pipeline has not: it must finish when"
                + " childrenDone() says they all have");
        assertAllFinished(scheduler, "nothing may be left, awake or asleep");
    }

    @GradedTest(order = 1, value = "a Pipeline activates its children at its first step, on its own scheduler")
    void pipelineActivatesChildren() {
        Recorder collector = new Recorder();
        Pipeline pipeline = new Pipeline(upper(), collector);
        assertNull(collector.scheduler(), "constructing a pipeline must not activate its children");
        assertEquals(2, pipeline.children().size(), "the pipeline must adopt its components as children");
        pipeline.activate(scheduler);
        scheduler.runCycles(1);
        assertEquals(scheduler, collector.scheduler(), "after its first step the pipeline's children must be"
                + " activated on the pipeline's own scheduler");
    }

    @GradedTest(order = 5, value = "a finished Pipeline has let go of its children and their links, and slept while"
            + " they worked")
    void pipelineCleansUp() {
        int[] steps = {0};
        Pipeline pipeline = new Pipeline(new Source(List.of(1, 2, 3, 4, 5, 6, 7, 8)), new Recorder()) {
            @Override
            protected boolean step() {
                steps[0]++;
                return super.step();
            }
        };
        pipeline.activate(scheduler);
        scheduler.run();
        assertEquals(List.of(), pipeline.children(), "a finished pipeline must have let go of its children");
        assertEquals(List.of(), pipeline.linkages(), "a finished pipeline must have undone its links");
        assertTrue(steps[0] <= 4, "the pipeline was stepped " + steps[0] + " times for 2 children: it must sleep"
                + " while they work, woken as each finishes");
    }

    @GradedTest(order = 7, value = "a Graphline wires named children as its link map says, and finishes when they have")
    void graphlineWiresTheMap() {
        Recorder errors = new Recorder();
        Graphline graphline = new Graphline(
                children(entry("source", new Source(List.of("ok", "ERROR one", "ok", "ERROR two"))),
                        entry("grep", new Grep("ERROR")), entry("errors", errors)),
                links("source.outbox -> grep.inbox", "source.signal -> grep.control",
                        "grep.outbox -> errors.inbox", "grep.signal -> errors.control"));
        graphline.activate(scheduler);
        scheduler.run();
        assertEquals(List.of("ERROR one", "ERROR two"), errors.collected(), "what reached \"errors\" through the"
                + " links source.outbox -> grep.inbox -> grep.outbox -> errors.inbox");
        assertTrue(graphline.isFinished(), "the graphline must finish when its children have");
        assertAllFinished(scheduler, "nothing may be left, awake or asleep");
        assertEquals(new Ipc.ProducerFinished(), sentOnSignal(graphline), "with no link to self.signal, a finished"
                + " graphline sends ProducerFinished out of its own signal when it ends (null: it sent nothing)");
    }

    @GradedTest(order = 8, value = "a Graphline's self boxes pass through: self.inbox to a child, a child to"
            + " self.outbox")
    void graphlineSelfLinks() {
        Graphline graphline = new Graphline(Map.of("shout", upper()),
                Map.of("self.inbox", "shout.inbox", "shout.outbox", "self.outbox"));
        assertEquals(List.of("QUIET"), passedThrough(graphline, "quiet"), "what came out of the graphline's outbox for a message"
                + " put into its inbox, with the links self.inbox -> shout.inbox and shout.outbox -> self.outbox");
    }

    @GradedTest(order = 9, value = "a Graphline passes shutdown on control to every child whose control is free, then"
            + " ends")
    void graphlineShutdown() {
        Recorder a = new Recorder();
        Recorder b = new Recorder();
        Graphline graphline = new Graphline(children(entry("a", a), entry("b", b)), Map.of());
        graphline.activate(scheduler);
        scheduler.runCycles(5);
        graphline.inbox("control").put(new Ipc.ShutdownMicroprocess());
        scheduler.run();
        assertEquals(new Ipc.ShutdownMicroprocess(), a.endedBy(), "child a, whose control no link feeds, must be"
                + " ended by the shutdown sent to the graphline's control");
        assertEquals(new Ipc.ShutdownMicroprocess(), b.endedBy(), "child b, whose control no link feeds, must be"
                + " ended by the shutdown sent to the graphline's control");
        assertTrue(graphline.isFinished(), "the graphline must finish once its children have");
        assertEquals(new Ipc.ShutdownMicroprocess(), sentOnSignal(graphline), "the graphline must pass the"
                + " shutdown on out of its own signal when it ends (null: it sent nothing)");
    }

    @GradedTest(order = 6, value = "an unknown child or box in a Graphline's links is an error at construction that"
            + " names the link")
    void graphlineChecksItsMap() {
        var noChild = assertThrows(IllegalArgumentException.class, () -> new Graphline(
                Map.of("grep", new Grep("x")), Map.of("gerp.outbox", "grep.inbox")),
                "a link from a child that does not exist (gerp) must throw IllegalArgumentException");
        assertTrue(noChild.getMessage().contains("gerp.outbox"), "the error must name the link end gerp.outbox, but"
                + " said: " + noChild.getMessage());
        var noBox = assertThrows(IllegalArgumentException.class, () -> new Graphline(
                Map.of("grep", new Grep("x"), "out", new Recorder()), Map.of("grep.outbx", "out.inbox")),
                "a link from a box the child does not have (grep.outbx) must throw IllegalArgumentException");
        assertTrue(noBox.getMessage().contains("grep.outbx") && noBox.getMessage().contains("outbx"),
                "the error must name the link end grep.outbx, but said: " + noBox.getMessage());
        var wrongWay = assertThrows(IllegalArgumentException.class, () -> new Graphline(
                Map.of("grep", new Grep("x"), "out", new Recorder()), Map.of("out.inbox", "grep.inbox")),
                "a link that starts at a child's inbox (out.inbox) must throw IllegalArgumentException");
        assertTrue(wrongWay.getMessage().contains("out.inbox"), "the error must name the link end out.inbox, but"
                + " said: " + wrongWay.getMessage());
    }

    @GradedTest(order = 10, value = "Pipeline(file lines, Grep, ConsolePrinter) over a real file prints exactly the"
            + " matching lines and ends")
    void grepAFile(@TempDir Path folder) throws IOException {
        Path log = folder.resolve("server.log");
        Files.write(log, List.of("INFO started", "ERROR disk full", "INFO retry", "error lowercase",
                "ERROR disk still full", ""));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        new Pipeline(new Source(Files.readAllLines(log)), new Grep("ERROR"),
                new ConsolePrinter(new PrintStream(printed, true, StandardCharsets.UTF_8))).activate(scheduler);
        scheduler.run();
        assertEquals(List.of("ERROR disk full", "ERROR disk still full"),
                printed.toString(StandardCharsets.UTF_8).lines().toList(), "the lines printed: exactly the lines of"
                + " the file that contain ERROR, in order");
        assertAllFinished(scheduler, "the whole system must finish on its own");
    }

    @GradedTest(order = 11, value = "a Graphline gives its shutdown only to children whose control no link feeds, so"
            + " data still on its way arrives first")
    void graphlineShutdownLeavesLinkedControlsAlone() {
        Recorder last = new Recorder();
        Graphline graphline = new Graphline(
                children(entry("last", last), entry("middle", new PureTransformer(s -> s + "!")),
                        entry("first", upper())),
                links("self.inbox -> first.inbox", "first.outbox -> middle.inbox", "first.signal -> middle.control",
                        "middle.outbox -> last.inbox", "middle.signal -> last.control"));
        graphline.activate(scheduler);
        scheduler.runCycles(5);
        graphline.inbox("control").put(new Ipc.ShutdownMicroprocess());
        graphline.inbox("inbox").put("news");
        scheduler.run();
        assertEquals(List.of("NEWS!"), last.collected(),
                "the message sent in just before the shutdown was lost: the graphline put the shutdown straight into"
                        + " the control of a child fed by a sibling's signal, which ended before the data reached it");
        assertEquals(new Ipc.ShutdownMicroprocess(), last.endedBy(), "the last child must end by the cascade");
        assertTrue(graphline.isFinished(), "the graphline must end once its children have");
    }

    @GradedTest(order = 12, value = "a Graphline whose map links self.control and self.signal leaves shutdown to its"
            + " links and sends none of its own")
    void graphlineLinkedSelfControlAndSignal() {
        Graphline graphline = new Graphline(Map.of("shout", upper()), links("self.inbox -> shout.inbox",
                "self.control -> shout.control", "shout.outbox -> self.outbox", "shout.signal -> self.signal"));
        graphline.activate(scheduler);
        scheduler.runCycles(5);
        graphline.inbox("inbox").put("quiet");
        graphline.inbox("control").put(new Ipc.ShutdownMicroprocess());
        scheduler.run();
        assertTrue(graphline.isFinished(), "the graphline must end once its child has");
        Box out = graphline.outbox("outbox");
        Box signal = graphline.outbox("signal");
        assertEquals(List.of("QUIET"), drain(out), "data must flow in through self.inbox and out through self.outbox");
        List<Object> signals = drain(signal);
        assertEquals(List.of(new Ipc.ShutdownMicroprocess()), signals,
                "exactly one shutdown message, the child's, must leave through self.signal; it was " + signals
                        + (signals.size() > 1 ? ": with a link ending at self.signal, the graphline must not send"
                        + " one of its own" : ""));
        assertAllFinished(scheduler, "nothing may be left, awake or asleep");
    }

    @GradedTest(order = 13, value = "a Pipeline ends only when every child has finished, not as soon as its last child"
            + " has")
    void pipelineWaitsForEveryChild() {
        Steps slow = new Steps(6);
        Steps quick = new Steps(1);
        Pipeline pipeline = new Pipeline(slow, quick);
        pipeline.activate(scheduler);
        scheduler.runCycles(4);
        assertTrue(quick.isFinished(), "the last child, which wants one step, must have finished within 4 cycles");
        assertTrue(!pipeline.isFinished(), "the pipeline finished while its first child was still running (it"
                + " wants 6 steps and had " + slow.steps + "): a pipeline ends when every child has finished"
                + " (childrenDone()), not when its last one has, or it leaves a running child behind");
        scheduler.run();
        assertTrue(slow.isFinished() && pipeline.isFinished(), "once every child has finished, the pipeline must"
                + " end too");
    }

    @GradedTest(order = 14, value = "a Graphline activates its children in the order of its map of children")
    void graphlineActivatesInMapOrder() {
        List<String> firstSteps = new ArrayList<>();
        Graphline graphline = new Graphline(children(entry("c", new Named("c", firstSteps)),
                entry("a", new Named("a", firstSteps)), entry("b", new Named("b", firstSteps))), Map.of());
        graphline.activate(scheduler);
        scheduler.run();
        assertEquals(List.of("c", "a", "b"), firstSteps, "the children of a graphline made with the map of children"
                + " c, a, b (a LinkedHashMap, in that order) took their first steps in this order: the graphline"
                + " must activate them in the order of its map of children, so that they run in that order");
        assertTrue(graphline.isFinished(), "the graphline must end once its children have");
    }

    /** A component that writes its name into a list at its one step, and finishes. */
    static final class Named extends Component {
        private final String name;
        private final List<String> steps;

        Named(String name, List<String> steps) {
            this.name = name;
            this.steps = steps;
        }

        @Override
        protected boolean step() {
            steps.add(name);
            return false;
        }
    }

    /** A component that finishes by itself after a number of steps, reading nothing. */
    static final class Steps extends Component {
        private final int wanted;
        int steps;

        Steps(int wanted) {
            this.wanted = wanted;
        }

        @Override
        protected boolean step() {
            steps++;
            return steps < wanted;
        }
    }

    static List<Object> drain(Box box) {
        List<Object> messages = new ArrayList<>();
        while (!box.isEmpty()) {
            messages.add(box.take());
        }
        return messages;
    }
}
