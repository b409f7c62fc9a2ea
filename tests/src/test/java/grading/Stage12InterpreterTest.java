package grading;

import static grading.Waits.PATIENCE;
import static grading.Wiring.children;
import static grading.Wiring.links;
import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import axon.Scheduler;
import grading.support.Graded;
import grading.support.GradedTest;
import grading.support.HintedFailure;
import grading.support.Hints;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import kamaelia.chassis.Graphline;
import kamaelia.experimental.Interpreter;
import kamaelia.experimental.Introspector;
import kamaelia.experimental.Session;
import kamaelia.util.Recorder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Timeout;

/**
 * The interpreter: snippets run by JShell inside a running system, one system shared by the
 * tests that need one.
 */
@Graded(stage = 12, order = 2, title = "an interpreter inside the system")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class Stage12InterpreterTest {
    /** A running system with an interpreter in it, started by the first test that needs it. */
    static final class World {
        final Scheduler scheduler = new Scheduler();
        final Terminal terminal = new Terminal();
        final Interpreter interpreter = new Interpreter();
        final Recorder keeper = new Recorder();
        final InBackground running;

        World() {
            new Graphline(children(entry("terminal", terminal), entry("interpreter", interpreter),
                    entry("introspector", new Introspector()), entry("keeper", keeper)), links(
                    "terminal.outbox -> interpreter.inbox", "interpreter.outbox -> terminal.inbox",
                    "interpreter.questions -> introspector.inbox", "introspector.outbox -> interpreter.answers",
                    "terminal.signal -> interpreter.control", "interpreter.signal -> introspector.control",
                    "introspector.signal -> keeper.control")).activate(scheduler);
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
                        Hints.forTest(Stage12InterpreterTest.class, "snippetsAndLines"));
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

    @GradedTest(order = 10, value = "each snippet gives one answer: its value, or ok for a statement or a declaration")
    void eachSnippetGivesOneAnswer() throws Throwable {
        World w = world();
        w.expect("42", "6 * 7");
        assertEquals("\"ab\"", w.ask("\"a\" + \"b\""), "a string value is shown in quotes, as jshell shows it");
        w.expect("20", "int x = 20;");
        assertEquals("ok", w.ask("System.out.print(\"\")"), "a void call has no value");
        w.expect("ok", "void nothing() { }");
        w.expect("null", "String nobody = null;");
    }

    @GradedTest(order = 11, value = "definitions persist: a variable, a method and a class defined by one snippet are"
            + " there for the next")
    void definitionsPersist() throws Throwable {
        World w = world();
        w.expect("ok", "String twice(String s) { return s + s; }");
        w.expect("ok", "record Point(int x, int y) { }");
        w.expect("Point[x=1, y=2]", "var p = new Point(1, 2);");
        w.expect("\"abab1\"", "twice(\"ab\") + p.x()");
    }

    @GradedTest(order = 12, value = "a snippet that does not compile gives error: and the compiler's message, one that"
            + " throws gives exception and the exception, and the interpreter goes on")
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

    @GradedTest(order = 13, value = "a snippet may span several lines and a line may hold several snippets: nothing"
            + " runs before a snippet is complete")
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

    @GradedTest(order = 14, value = "snippets see the live system: self is the interpreter, scheduler its scheduler,"
            + " and component(name) any running component with its boxes")
    void snippetsSeeLiveObjects() throws Throwable {
        World w = world();
        w.expect("\"" + w.interpreter.name() + "\"", "self.name()");
        w.expect("\"" + w.scheduler.name() + "\"", "scheduler.name()");
        w.expect("true", "self == component(\"" + w.interpreter.name() + "\")");
        w.expect("\"Messages to keep\"", "component(\"" + w.keeper.name() + "\").inbox(\"inbox\").description()");
    }

    @GradedTest(order = 15, value = "look() asks the Introspector through the interpreter's boxes and gives a snapshot"
            + " of the whole running system")
    void lookAsksTheIntrospector() throws Throwable {
        World w = world();
        w.expect("THREADED_COMPONENT", "look().node(self.name()).get().kind()");
        w.expect("true", "look().node(\"" + w.keeper.name() + "\").get().asleep()");
        w.expect("true", "look().text().contains(\"questions -> Introspector#\")");
    }

    @GradedTest(order = 16, value = "the interpreter ends at /exit, passes the shutdown on, and leaves no thread"
            + " behind")
    void endsAndLeavesNoThread() throws Throwable {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        Scheduler scheduler = new Scheduler();
        Terminal terminal = new Terminal();
        Interpreter interpreter = new Interpreter();
        new Graphline(children(entry("terminal", terminal), entry("interpreter", interpreter)),
                links("terminal.outbox -> interpreter.inbox", "interpreter.outbox -> terminal.inbox",
                        "interpreter.signal -> terminal.control")).activate(scheduler);
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
