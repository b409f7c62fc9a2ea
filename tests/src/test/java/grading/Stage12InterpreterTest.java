package grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import axon.Component;
import axon.Scheduler;
import grading.support.Graded;
import grading.support.Hint;
import grading.support.HintedFailure;
import grading.support.OnTimeout;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import kamaelia.chassis.Graphline;
import kamaelia.experimental.Interpreter;
import kamaelia.experimental.Introspector;
import kamaelia.experimental.Session;
import kamaelia.util.Recorder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The interpreter: snippets run by JShell inside a running system, one system shared by the
 * tests that need one.
 */
@Graded
@Tag("stage12")
@Order(2)
@DisplayName("Stage 12: an interpreter inside the system")
@OnTimeout("the interpreter never answered: does every complete snippet give exactly one message out of outbox, and"
        + " does completeSnippets return once what is pending is incomplete?")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class Stage12InterpreterTest {
    /** The hint of a late answer: usually a complete snippet taken for an incomplete one. */
    static final String COMPLETE_HINT = "completeSnippets: COMPLETE, COMPLETE_WITH_SEMI and UNKNOWN are complete"
            + " snippets (take source() and go on with remaining()); only DEFINITELY_INCOMPLETE and"
            + " CONSIDERED_INCOMPLETE wait for more lines. Then evaluate answers each one out of outbox.";

    /** Long enough for JShell to start on a slow, busy machine. */
    static final Duration PATIENCE = Duration.ofSeconds(30);

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
            if (answer == null) {
                throw new HintedFailure(Snippets.whyNoAnswer(terminal.typedSinceAnswer(), interpreter.name(),
                        PATIENCE.toSeconds()),
                        COMPLETE_HINT, "Snippets, lines and answers");
            }
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
    void errorsAndExceptionsAreAnswers() throws Throwable {
        World w = world();
        String error = w.ask("undefinedName + 1");
        assertTrue(error.startsWith("error: ") && error.contains("cannot find symbol"), "a snippet that does not"
                + " compile (undefinedName + 1) must answer \"error: \" and the compiler's message (cannot find"
                + " symbol), but the answer was: " + error + (error.equals("ok") ? " (a REJECTED snippet has no value"
                + " and no exception: look at its status())" : ""));
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
        w.expect("0", "int total = 0;");
        w.terminal.type("for (int i = 1; i <= 3; i++)");
        w.terminal.type("    total += i;");
        String loop = w.answer();
        String total = w.ask("total");
        assertEquals(List.of("ok", "6"), List.of(loop, total), "a loop whose body comes on the next line is one"
                + " snippet: analyzeCompletion finds its first line (for (...)) CONSIDERED_INCOMPLETE, which waits"
                + " for more lines. Run alone, it is an empty loop, and the body's line fails on its own"
                + " (answers to the loop, then to total)");
    }

    @Test
    @Order(14)
    @DisplayName("snippets see the live system: self is the interpreter, scheduler its scheduler, and"
            + " component(name) any running component with its boxes")
    @Hint(value = "The startup definitions are given (shell()); for them to work the JShell must run locally and"
            + " be started by shell(), once.", read = "What snippets see")
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
}
