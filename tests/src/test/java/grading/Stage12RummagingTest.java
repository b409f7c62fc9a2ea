package grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import axon.Component;
import axon.Ipc;
import axon.Linkage;
import axon.Scheduler;
import grading.support.Graded;
import grading.support.Hint;
import grading.support.OnTimeout;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import kamaelia.chassis.Graphline;
import kamaelia.chassis.Pipeline;
import kamaelia.chassis.ServerCore;
import kamaelia.experimental.Consoles;
import kamaelia.experimental.Interpreter;
import kamaelia.experimental.Introspector;
import kamaelia.experimental.NetworkConsole;
import kamaelia.experimental.Session;
import kamaelia.experimental.Snapshot;
import kamaelia.experimental.TokenCheck;
import kamaelia.util.Recorder;
import kamaelia.util.ThreadedTransformer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

@Graded
@Tag("stage12")
@DisplayName("Stage 12: rummaging inside a running system")
@OnTimeout("the interpreter never answered: does every complete snippet give exactly one message out of outbox, and"
        + " does completeSnippets return once what is pending is incomplete?")
class Stage12RummagingTest {
    /** Long enough for JShell to start on a slow, busy machine. */
    static final Duration PATIENCE = Duration.ofSeconds(30);

    // --- The introspector: single-threaded, stepped by hand -----------------------------

    @Test
    @Order(1)
    @DisplayName("a snapshot lists every microprocess the scheduler runs, with its type, its kind and whether it is"
            + " asleep, and the services")
    @Hint(value = "Snapshot.of walks scheduler.microprocesses() (here called running): one Node each, with"
            + " Node.typeOf, Kind.of, whether scheduler.asleep() holds it, and its parent; then one Service per name"
            + " of scheduler.services().", read = "A picture of a running system")
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void snapshotListsMicroprocesses() {
        Scheduler scheduler = new Scheduler();
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
            assertTrue(c.asleep(), "the collector has nothing to do, so it is asleep");
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

    @Test
    @Order(2)
    @DisplayName("a snapshot shows each component's boxes, in order, with the messages waiting in each")
    @Hint(value = "For a component, one BoxState.of(box) for each of inboxes() and of outboxes(), in that order;"
            + " BoxState.of counts what box.size() holds.", read = "A picture of a running system")
    void snapshotShowsBoxes() {
        Scheduler scheduler = new Scheduler();
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

    @Test
    @Order(3)
    @DisplayName("a snapshot shows every link, passthrough links too, and which chassis owns each child")
    @Hint(value = "For every box of every component (inboxes and outboxes) whose target() is not null, add"
            + " Link.of(box, box.target()). A node's parent is the component whose children() holds it.",
            read = "A picture of a running system")
    void snapshotShowsLinksAndParents() {
        Scheduler scheduler = new Scheduler();
        Recorder first = new Recorder();
        Recorder second = new Recorder();
        Pipeline pipeline = new Pipeline(first, second);
        pipeline.activate(scheduler);
        scheduler.runCycles(2);
        Snapshot snapshot = Snapshot.of(scheduler);
        Set<Snapshot.Link> links = Set.copyOf(snapshot.links());
        for (Snapshot.Link expected : List.of(
                new Snapshot.Link(first.name(), "outbox", second.name(), "inbox"),
                new Snapshot.Link(first.name(), "signal", second.name(), "control"),
                new Snapshot.Link(pipeline.name(), "inbox", first.name(), "inbox"),
                new Snapshot.Link(pipeline.name(), "control", first.name(), "control"),
                new Snapshot.Link(second.name(), "outbox", pipeline.name(), "outbox"),
                new Snapshot.Link(second.name(), "signal", pipeline.name(), "signal"))) {
            assertTrue(links.contains(expected), "missing link " + expected + " in " + links);
        }
        assertEquals(6, snapshot.links().size(), "exactly the pipeline's six links, each once: " + links);
        assertEquals(pipeline.name(), snapshot.node(first.name()).orElseThrow().parent(),
                "a pipeline's first child's parent is the pipeline");
        assertEquals(pipeline.name(), snapshot.node(second.name()).orElseThrow().parent(),
                "a pipeline's second child's parent is the pipeline");
        assertNull(snapshot.node(pipeline.name()).orElseThrow().parent(), "nothing owns the pipeline");
    }

    @Test
    @Order(4)
    @DisplayName("a snapshot is made of plain values: it does not change when the system goes on")
    @Hint(value = "Copy what you read into the records (names, counts): never keep a Box or a microprocess in a"
            + " snapshot.", read = "A picture of a running system")
    void snapshotDoesNotChange() {
        Scheduler scheduler = new Scheduler();
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

    @Test
    @Order(5)
    @DisplayName("the Introspector answers each request with a snapshot taken in its own step, itself included")
    @Hint(value = "The Introspector calls Snapshot.of(scheduler(), this): the walk must include the microprocess"
            + " it is given, which the scheduler does not list while it steps it.",
            read = "Looking from the scheduler's thread")
    void introspectorAnswersRequests() {
        Scheduler scheduler = new Scheduler();
        Introspector introspector = new Introspector();
        Recorder answers = new Recorder();
        Linkage.link(introspector.outbox("outbox"), answers.inbox("inbox"));
        Linkage.link(introspector.outbox("signal"), answers.inbox("control"));
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

    @Test
    @Order(6)
    @DisplayName("a snapshot shows itself as text, children under their parent, and as an SVG picture naming"
            + " every component")
    @Hint(value = "text() and svg() are given: they show what your walk found. If a name is missing, the walk"
            + " missed its microprocess.", read = "A picture of a running system")
    @Timeout(value = 20, unit = TimeUnit.SECONDS)   // the first picture starts the layout engine (ELK): a second or two
    void snapshotAsTextAndPicture() throws Exception {
        Scheduler scheduler = new Scheduler();
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
        assertTrue(snapshot.text().contains("outbox -> " + second.name() + ".inbox"), snapshot.text());

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

    private static int indent(String line) {
        return line.length() - line.stripLeading().length();
    }

    // --- The interpreter: one running system shared by the tests below -----------------

    /** A running system with an interpreter in it, started by the first test that needs it. */
    static final class World {
        final Scheduler scheduler = new Scheduler();
        final Terminal terminal = new Terminal();
        final Interpreter interpreter = new Interpreter();
        final Recorder keeper = new Recorder();
        final InBackground running;

        World() {
            Map<String, Component> children = new LinkedHashMap<>();
            children.put("terminal", terminal);
            children.put("interpreter", interpreter);
            children.put("introspector", new Introspector());
            children.put("keeper", keeper);
            new Graphline(children, Map.of(
                    "terminal.outbox", "interpreter.inbox",
                    "interpreter.outbox", "terminal.inbox",
                    "interpreter.questions", "introspector.inbox",
                    "introspector.outbox", "interpreter.answers",
                    "terminal.signal", "interpreter.control",
                    "interpreter.signal", "introspector.control",
                    "introspector.signal", "keeper.control")).activate(scheduler);
            running = InBackground.run(scheduler);
        }

        /** Types a line and returns the one answer it gives. */
        String ask(String line) throws Throwable {
            terminal.type(line);
            return answer();
        }

        /** Types a line and checks the one answer it gives. */
        void expect(String answer, String line) throws Throwable {
            assertEquals(answer, ask(line), "what the interpreter answered to: " + line);
        }

        String answer() throws Throwable {
            Object answer = terminal.answer(running, PATIENCE);
            assertNotNull(answer, "no answer within " + PATIENCE.toSeconds() + " s");
            return answer.toString();
        }

        void stop() throws Throwable {
            terminal.hangUp();
            try {
                running.awaitEnd(Duration.ofSeconds(10));
            } finally {
                running.stop();
            }
        }
    }

    private static World world;

    static synchronized World world() {
        if (world == null) {
            world = new World();
        }
        return world;
    }

    @AfterAll
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    static void stopWorld() throws Throwable {
        if (world != null) {
            try {
                world.stop();
            } catch (Throwable ignored) {
                // what the system threw was reported by the test that saw it
            }
            world = null;
        }
    }

    @Test
    @Order(10)
    @DisplayName("each snippet gives one answer: its value, or ok for a statement or a declaration")
    @Hint(value = "evaluate: shell().eval(snippet), then the event whose causeSnippet() is null: its value() if it"
            + " is not null or empty, else \"ok\".", read = "Snippets, lines and answers")
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void eachSnippetGivesOneAnswer() throws Throwable {
        World w = world();
        w.expect("42", "6 * 7");
        assertEquals("\"ab\"", w.ask("\"a\" + \"b\""), "a string value is shown in quotes, as jshell shows it");
        w.expect("20", "int x = 20;");
        assertEquals("ok", w.ask("System.out.print(\"\")"), "a void call has no value");
        w.expect("ok", "void nothing() { }");
        w.expect("null", "String nobody = null;");
    }

    @Test
    @Order(11)
    @DisplayName("definitions persist: a variable, a method and a class defined by one snippet are there for the next")
    @Hint(value = "Use one JShell for every snippet (shell() starts it once): its definitions are the state.",
            read = "Snippets, lines and answers")
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void definitionsPersist() throws Throwable {
        World w = world();
        w.expect("ok", "String twice(String s) { return s + s; }");
        w.expect("ok", "record Point(int x, int y) { }");
        w.expect("Point[x=1, y=2]", "var p = new Point(1, 2);");
        w.expect("\"abab1\"", "twice(\"ab\") + p.x()");
    }

    @Test
    @Order(12)
    @DisplayName("a snippet that does not compile gives error: and the compiler's message, one that throws gives"
            + " exception and the exception, and the interpreter goes on")
    @Hint(value = "A REJECTED event: \"error: \" + errors(event.snippet()). An event with an exception():"
            + " \"exception \" + describe(event.exception()). Return the answer; never let it escape as an exception.",
            read = "Snippets, lines and answers")
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void errorsAndExceptionsAreAnswers() throws Throwable {
        World w = world();
        String error = w.ask("undefinedName + 1");
        assertTrue(error.startsWith("error: ") && error.contains("cannot find symbol"), error);
        w.expect("exception java.lang.ArithmeticException: / by zero", "1 / 0");
        w.expect("exception java.lang.IllegalStateException: no", "throw new IllegalStateException(\"no\")");
        assertEquals("2", w.ask("1 + 1"), "the interpreter goes on after errors");
    }

    @Test
    @Order(13)
    @DisplayName("a snippet may span several lines and a line may hold several snippets: nothing runs before a"
            + " snippet is complete")
    @Hint(value = "completeSnippets: analyzeCompletion(pending); DEFINITELY_INCOMPLETE or CONSIDERED_INCOMPLETE"
            + " means wait for more lines; otherwise take source() and go on with remaining().",
            read = "Snippets, lines and answers")
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void snippetsAndLines() throws Throwable {
        World w = world();
        w.terminal.type("int sum(int a, int b) {");
        w.terminal.type("    return a + b;");
        w.terminal.type("}");
        assertEquals("ok", w.answer(), "the three lines are one method: one answer, once it is complete");
        w.expect("5", "sum(2, 3)");
        w.terminal.type("sum(4, 5); sum(6, 7)");
        assertEquals("9", w.answer(), "two snippets on one line: two answers, in order");
        assertEquals("13", w.answer(), "two snippets on one line: the second answer follows the first");
        w.terminal.type("// only a comment");
        w.terminal.type("");
        assertEquals("9", w.ask("3 * 3"), "a comment or a blank line is no snippet, and gives no answer");
    }

    @Test
    @Order(14)
    @DisplayName("snippets see the live system: self is the interpreter, scheduler its scheduler, and"
            + " component(name) any running component with its boxes")
    @Hint(value = "The startup definitions are given (shell()); for them to work the JShell must run locally and"
            + " be started by shell(), once.", read = "What snippets see")
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void snippetsSeeLiveObjects() throws Throwable {
        World w = world();
        w.expect("\"" + w.interpreter.name() + "\"", "self.name()");
        w.expect("\"" + w.scheduler.name() + "\"", "scheduler.name()");
        w.expect("true", "self == component(\"" + w.interpreter.name() + "\")");
        w.expect("\"Messages to keep\"", "component(\"" + w.keeper.name() + "\").inbox(\"inbox\").description()");
    }

    @Test
    @Order(15)
    @DisplayName("look() asks the Introspector through the interpreter's boxes and gives a snapshot of the whole"
            + " running system")
    @Hint(value = "look() sends a question out of \"questions\" and waits on \"answers\": the snapshot comes from"
            + " the Introspector's step, so your walk and your Interpreter must both work.",
            read = "What snippets see")
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void lookAsksTheIntrospector() throws Throwable {
        World w = world();
        w.expect("THREADED_COMPONENT", "look().node(self.name()).get().kind()");
        w.expect("true", "look().node(\"" + w.keeper.name() + "\").get().asleep()");
        w.expect("true", "look().text().contains(\"questions -> Introspector#\")");
    }

    @Test
    @Order(16)
    @DisplayName("the interpreter ends at /exit, passes the shutdown on, and leaves no thread behind")
    @Hint(value = "The body is given: it ends at /exit or a shutdown request, closes the JShell and passes the"
            + " shutdown on. Check that evaluate and completeSnippets return rather than wait.",
            read = "An interpreter inside the system")
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void endsAndLeavesNoThread() throws Throwable {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        Scheduler scheduler = new Scheduler();
        Terminal terminal = new Terminal();
        Interpreter interpreter = new Interpreter();
        Map<String, Component> children = new LinkedHashMap<>();
        children.put("terminal", terminal);
        children.put("interpreter", interpreter);
        new Graphline(children, Map.of(
                "terminal.outbox", "interpreter.inbox",
                "interpreter.outbox", "terminal.inbox",
                "interpreter.signal", "terminal.control")).activate(scheduler);
        InBackground running = InBackground.run(scheduler);
        try {
            terminal.type("1 + 1");
            assertEquals("2", terminal.answer(running, PATIENCE), "what the interpreter answered to: 1 + 1");
            terminal.type("/exit");
            assertTrue(running.awaitEnd(Duration.ofSeconds(10)), "after /exit the interpreter ends, and passes"
                    + " the shutdown on to the terminal, which ends too");
        } finally {
            running.stop();
        }
        assertTrue(interpreter.isFinished(), "after /exit the interpreter must have finished");
        assertThrows(IllegalStateException.class, () -> Session.of(interpreter.name()),
                "once the interpreter has ended, its session is gone");
        // Threads that would outlive it: any that keeps the JVM alive, and any still running a snippet. (The
        // JVM's carrier threads for virtual threads and JShell's one shared indexing thread are daemons that
        // belong to the JVM, not to an interpreter.)
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        List<Thread> left = new ArrayList<>();
        do {
            left.clear();
            for (Thread thread : Thread.getAllStackTraces().keySet()) {
                ThreadGroup group = thread.getThreadGroup();
                boolean snippet = group != null && group.getName().startsWith("JShell");
                if (!before.contains(thread) && thread.isAlive() && (!thread.isDaemon() || snippet)) {
                    left.add(thread);
                }
            }
        } while (!left.isEmpty() && System.nanoTime() < deadline && pauseBriefly());
        assertEquals(List.of(), left, "threads left running after the interpreter ended");
    }

    private static boolean pauseBriefly() throws InterruptedException {
        Thread.sleep(20);
        return true;
    }

    // --- The network console's door ------------------------------------------------------

    @Test
    @Order(20)
    @DisplayName("the network console runs nothing before the right token: a wrong or missing token is refused,"
            + " ends the connection, and what came with it has no effect")
    @Hint(value = "Consoles.network and TokenCheck are given; this test needs your interpreter to answer once the"
            + " token is right.", read = "A console over the network")
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void networkConsoleNeedsTheToken() throws Throwable {
        String token = Consoles.newToken();
        String property = "stage12.rummaged." + System.nanoTime();
        String sideEffect = "System.setProperty(\"" + property + "\", \"yes\")";
        try {
            List<Object> missing = connect(token, List.of(sideEffect, "1 + 1"));
            assertEquals(List.of(TokenCheck.REFUSED), missing, "no token: refused, and nothing else");
            List<Object> wrong = connect(token, List.of("not-the-token", sideEffect, "1 + 1"));
            assertEquals(List.of(TokenCheck.REFUSED), wrong, "a wrong token: refused, and nothing else");
            assertNull(System.getProperty(property), "the snippet sent without the token must not have run");

            List<Object> right = connect(token, List.of(token, sideEffect, "1 + 1", "/exit"));
            assertEquals(List.of(TokenCheck.ACCEPTED, "null", "2"), right, "with the right token the console accepts"
                    + " the client and answers each snippet");
            assertEquals("yes", System.getProperty(property), "with the token, the snippet ran");
        } finally {
            System.clearProperty(property);
        }
    }

    /** Runs one connection of the network console: types the lines and returns every answer until it ends. */
    private static List<Object> connect(String token, List<String> lines) throws Throwable {
        Scheduler scheduler = new Scheduler();
        Terminal client = new Terminal();
        Map<String, Component> children = new LinkedHashMap<>();
        children.put("client", client);
        children.put("console", Consoles.network(token));
        new Graphline(children, Map.of(
                "client.outbox", "console.inbox",
                "console.outbox", "client.inbox",
                "console.signal", "client.control")).activate(scheduler);
        InBackground running = InBackground.run(scheduler);
        try {
            lines.forEach(client::type);
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (!running.awaitEnd(Duration.ofMillis(50)) && System.nanoTime() < deadline) {
                running.rethrow();
            }
            assertTrue(client.isFinished(), "the console must end the connection: after a refused token, or after"
                    + " /exit");
            return client.unread();
        } finally {
            running.stop();
        }
    }

    @Test
    @Order(22)
    @DisplayName("over TCP, the network console listens on loopback only, refuses a wrong or missing token and closes"
            + " the connection with nothing run, and runs snippets after the right token")
    @Hint(value = "NetworkConsole.serve is given: it needs stage 11's ServerCore and your interpreter. A non-loopback"
            + " address must be refused before anything listens.", read = "A console over the network")
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void networkConsoleOverTcp() throws Throwable {
        assertThrows(IllegalArgumentException.class, () -> NetworkConsole.serve(new InetSocketAddress("0.0.0.0", 0),
                NetworkConsole.Reach.LOOPBACK_ONLY, "token"), "the wildcard address must be refused");
        String token = Consoles.newToken();
        String property = "stage12.tcp." + System.nanoTime();
        String sideEffect = "System.setProperty(\"" + property + "\", \"yes\")";
        Scheduler scheduler = new Scheduler();
        ServerCore server = NetworkConsole.serve(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                NetworkConsole.Reach.LOOPBACK_ONLY, token);
        Stopper stopper = new Stopper();
        Linkage.link(stopper.outbox("outbox"), server.inbox("control"));
        server.activate(scheduler);
        stopper.activate(scheduler);
        InBackground running = InBackground.run(scheduler);
        try {
            try (LineClient missing = LineClient.connect(server.port(), running)) {
                missing.send(sideEffect + "\n");
                assertEquals(List.of(TokenCheck.REFUSED), missing.readUntilClosed(PATIENCE), "without the token the"
                        + " console refuses the client and closes");
            }
            try (LineClient wrong = LineClient.connect(server.port(), running)) {
                String wrongToken = (token.startsWith("0") ? "1" : "0") + token.substring(1);   // one digit off
                wrong.send(wrongToken + "\n" + sideEffect + "\n");
                assertEquals(List.of(TokenCheck.REFUSED), wrong.readUntilClosed(PATIENCE), "with a wrong token the"
                        + " console refuses the client and closes");
            }
            assertNull(System.getProperty(property), "a snippet sent without the right token must not run");
            try (LineClient right = LineClient.connect(server.port(), running)) {
                right.send(token + "\n" + sideEffect + "\n6 * 7\n/exit\n");
                assertEquals(List.of(TokenCheck.ACCEPTED, "null", "42"), right.readUntilClosed(PATIENCE), "with the"
                        + " right token the console accepts the client and answers each snippet");
            }
            assertEquals("yes", System.getProperty(property), "with the token, the snippet ran");
            stopper.go.countDown();
            assertTrue(running.awaitEnd(PATIENCE), "the server stops on a shutdown request");
        } finally {
            System.clearProperty(property);
            stopper.go.countDown();
            running.stop();
        }
    }

    @Test
    @Order(21)
    @DisplayName("the console at the keyboard: lines read from a stream go to the interpreter, its answers are"
            + " printed, and it ends with the input")
    @Hint(value = "Consoles.local is given: it wires ConsoleReader, your Interpreter, an Introspector and a"
            + " ConsolePrinter.", read = "A console at the keyboard")
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void consoleAtTheKeyboard() throws Throwable {
        ByteArrayInputStream keyboard = new ByteArrayInputStream(String.join("\n", "int n = 6;", "n * 7",
                "look().node(self.name()).isPresent()", "").getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        Scheduler scheduler = new Scheduler();
        Consoles.local(keyboard, new PrintStream(screen, true, StandardCharsets.UTF_8)).activate(scheduler);
        InBackground running = InBackground.run(scheduler);
        try {
            assertTrue(running.awaitEnd(PATIENCE), "the console ends when its input ends");
        } finally {
            running.stop();
        }
        assertEquals(List.of("6", "42", "true"), screen.toString(StandardCharsets.UTF_8).lines().toList(),
                "what the console printed: one answer per snippet");
    }
}
