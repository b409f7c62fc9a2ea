package grading;

import static grading.Waits.PATIENCE;
import static grading.Wiring.children;
import static grading.Wiring.links;
import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import axon.Scheduler;
import grading.support.Graded;
import grading.support.GradedTest;
import grading.support.HintedFailure;
import grading.support.Hints;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import kamaelia.chassis.Graphline;
import kamaelia.experimental.Interpreter;
import kamaelia.experimental.Introspector;
import kamaelia.util.Recorder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;

/**
 * The interpreter: snippets run by JShell inside a running system, one system shared by the
 * tests of this class (how an interpreter ends is {@link Stage12InterpreterEndsTest}).
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
        /** Whether an answer never came because the interpreter loops in completeSnippets. */
        volatile boolean looping;

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
            long start = System.nanoTime();
            Snippets.Watch watch = new Snippets.Watch(interpreter.name(), terminal);
            Object answer = terminal.answer(running, PATIENCE, watch);
            if (answer == null) {
                looping = watch.looping();
                throw new HintedFailure(Snippets.whyNoAnswer(terminal.typedSinceAnswer(), terminal.answeredSince(),
                        interpreter.name(),
                        Duration.ofNanos(System.nanoTime() - start).toSeconds()),
                        Hints.forTest(Stage12InterpreterTest.class, "snippetsAndLines"));
            }
            return answer.toString();
        }

        void stop() throws Throwable {
            terminal.hangUp();
            try {
                if (!looping) { // a loop would not end when told to: its failure is told already
                    running.awaitEnd(Duration.ofSeconds(10));
                }
            } finally {
                running.stop();
            }
        }
    }

    /** The one system, started by the first test. */
    private static World shared;

    /** The running system the test types into: the one system, shared by the tests of this class. */
    private World world;

    @BeforeEach
    void runningSystem() {
        world = shared();
    }

    private static synchronized World shared() {
        if (shared == null) {
            shared = new World();
        }
        return shared;
    }

    @AfterAll
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    static void stopWorld() throws Throwable {
        if (shared != null) {
            try {
                shared.stop();
            } catch (Throwable ignored) {
                // what the system threw was reported by the test that saw it
            }
            shared = null;
        }
    }

    @GradedTest(order = 10, value = "each snippet gives one answer: its value, or ok for a statement or a declaration")
    void eachSnippetGivesOneAnswer() throws Throwable {
        world.expect("42", "6 * 7");
        assertEquals("\"ab\"", world.ask("\"a\" + \"b\""), "a string value is shown in quotes, as jshell shows it");
        world.expect("20", "int x = 20;");
        assertEquals("ok", world.ask("System.out.print(\"\")"), "a void call has no value");
        world.expect("ok", "void nothing() { }");
        world.expect("null", "String nobody = null;");
    }

    @GradedTest(order = 11, value = "definitions persist: a variable, a method and a class defined by one snippet are"
            + " there for the next")
    void definitionsPersist() throws Throwable {
        world.expect("ok", "String twice(String s) { return s + s; }");
        world.expect("ok", "record Point(int x, int y) { }");
        world.expect("Point[x=1, y=2]", "var p = new Point(1, 2);");
        world.expect("\"abab1\"", "twice(\"ab\") + p.x()");
    }

    @GradedTest(order = 12, value = "a snippet that does not compile gives error: and the compiler's message, one that"
            + " throws gives exception and the exception, and the interpreter goes on")
    void errorsAndExceptionsAreAnswers() throws Throwable {
        String error = world.ask("undefinedName + 1");
        assertTrue(error.startsWith("error: ") && error.contains("cannot find symbol"), "a snippet that does not"
                + " compile (undefinedName + 1) must answer \"error: \" and the compiler's message (cannot find"
                + " symbol), but the answer was: " + error + (error.equals("ok") ? " (a REJECTED snippet has no value"
                + " and no exception: look at its status())" : ""));
        world.expect("exception java.lang.ArithmeticException: / by zero", "1 / 0");
        world.expect("exception java.lang.IllegalStateException: no", "throw new IllegalStateException(\"no\")");
        assertEquals("2", world.ask("1 + 1"), "the interpreter goes on after errors");
    }

    @GradedTest(order = 13, value = "a snippet may span several lines and a line may hold several snippets: nothing"
            + " runs before a snippet is complete")
    void snippetsAndLines() throws Throwable {
        world.terminal.type("int sum(int a, int b) {");
        world.terminal.type("    return a + b;");
        world.terminal.type("}");
        assertEquals("ok", world.answer(), "the three lines are one method: one answer, once it is complete");
        world.expect("5", "sum(2, 3)");
        world.terminal.type("sum(4, 5); sum(6, 7)");
        assertEquals("9", world.answer(), "two snippets on one line: two answers, in order");
        assertEquals("13", world.answer(), "two snippets on one line: the second answer follows the first");
        world.terminal.type("// only a comment");
        world.terminal.type("");
        assertEquals("9", world.ask("3 * 3"), "a comment or a blank line is no snippet, and gives no answer");
        world.expect("0", "int total = 0;");
        world.terminal.type("for (int i = 1; i <= 3; i++)");
        world.terminal.type("    total += i;");
        String loop = world.answer();
        String total = world.ask("total");
        assertEquals(List.of("ok", "6"), List.of(loop, total), "a loop whose body comes on the next line is one"
                + " snippet: analyzeCompletion finds its first line (for (...)) CONSIDERED_INCOMPLETE, which waits"
                + " for more lines. Run alone, it is an empty loop, and the body's line fails on its own"
                + " (answers to the loop, then to total)");
    }

    @GradedTest(order = 16, value = "a line JShell cannot make sense of, such as a stray }, is run anyway: it is"
            + " answered with error: at once, and the interpreter goes on")
    void unknownIsRunAnyway() throws Throwable {
        String stray = world.ask("}");
        assertTrue(stray.startsWith("error: "), "a stray } is UNKNOWN to analyzeCompletion: it must be run anyway,"
                + " so that eval says what is wrong (error: and the compiler's message), but the answer was: "
                + stray);
        assertEquals("3", world.ask("1 + 2"), "the interpreter goes on after a stray }: nothing of it is left"
                + " pending");
    }

    @GradedTest(order = 17, value = "after a line that is only a comment nothing is left pending: a command such as"
            + " /limit on the next line is still a command")
    void aCommentLeavesNothingPending() throws Throwable {
        world.terminal.type("// a comment, then a command");
        String limit = world.ask("/limit");
        assertTrue(limit.contains("time limit"), "/limit, typed after a line that was only a comment, must say the"
                + " time limit, but the answer was: " + limit + ". A command is one only when nothing is pending:"
                + " a comment is EMPTY, nothing to run, and once the loop has used everything up, pending must be"
                + " empty again");
    }

    @GradedTest(order = 14, value = "snippets see the live system: self is the interpreter, scheduler its scheduler,"
            + " and component(name) any running component with its boxes")
    void snippetsSeeLiveObjects() throws Throwable {
        world.expect("\"" + world.interpreter.name() + "\"", "self.name()");
        world.expect("\"" + world.scheduler.name() + "\"", "scheduler.name()");
        world.expect("true", "self == component(\"" + world.interpreter.name() + "\")");
        world.expect("\"Messages to keep\"", "component(\"" + world.keeper.name() + "\").inbox(\"inbox\").description()");
    }

    @GradedTest(order = 15, value = "look() asks the Introspector through the interpreter's boxes and gives a snapshot"
            + " of the whole running system")
    void lookAsksTheIntrospector() throws Throwable {
        world.expect("THREADED_COMPONENT", "look().node(self.name()).get().kind()");
        world.expect("true", "look().node(\"" + world.keeper.name() + "\").get().asleep()");
        world.expect("true", "look().text().contains(\"questions -> Introspector#\")");
    }
}
