package grading;

import static grading.support.Setup.activated;
import static grading.support.Setup.schedulerOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import axon.Microprocess;
import axon.Scheduler;
import examples.components.Greeter;
import grading.support.Graded;
import grading.support.GradedTest;
import java.util.ArrayList;
import java.util.List;

@Graded(stage = 1, title = "a microprocess")
class Stage01MicroprocessTest {

    @GradedTest(order = 1, value = "activate hands the microprocess to the scheduler, returns it, and does no work")
    void activateHandsItOver() {
        Scheduler scheduler = new Scheduler();
        Counting counting = new Counting(3);
        Microprocess returned = counting.activate(scheduler);
        assertSame(counting, returned, "activate must return the microprocess itself");
        assertSame(scheduler, counting.scheduler(), "scheduler() must give the scheduler it was activated on");
        assertEquals(List.of(counting), scheduler.microprocesses(), "activate must add it to the scheduler");
        assertEquals(0, counting.steps, "activating must not run a step");
    }

    @GradedTest(order = 2, value = "activating a microprocess twice is an error that names it")
    void activatingTwiceIsAnError() {
        Counting counting = activated(new Counting(3));
        Scheduler first = counting.scheduler();
        Scheduler second = new Scheduler();
        var error = assertThrows(IllegalStateException.class, () -> counting.activate(second),
                "activating a microprocess that already has a scheduler must throw an IllegalStateException");
        assertTrue(String.valueOf(error.getMessage()).contains(counting.name()),
                "the message should name the microprocess, " + counting.name() + ", but was: " + error.getMessage());
        assertEquals(List.of(), second.microprocesses(), "the refused activate handed " + counting.name()
                + " to the second scheduler all the same, so two schedulers would step it: refuse before"
                + " scheduler.add(this), so that a refused activation changes nothing");
        assertSame(first, counting.scheduler(), "after a refused activate, scheduler() must still give the scheduler"
                + " of the first activation: refuse before remembering the new one");
    }

    @GradedTest(order = 3, value = "next() before activation is an error that names the microprocess")
    void nextBeforeActivationIsAnError() {
        Counting counting = new Counting(3);
        var error = assertThrows(IllegalStateException.class, counting::next,
                "next() on a microprocess that was never activated must throw an IllegalStateException");
        assertTrue(String.valueOf(error.getMessage()).contains(counting.name()),
                "the message should name the microprocess, " + counting.name() + ", but was: " + error.getMessage());
        assertEquals(0, counting.steps, "step() must not run before activation");
    }

    @GradedTest(order = 4, value = "next() runs exactly one step and returns what step() returned")
    void nextRunsOneStep() {
        Counting counting = activated(new Counting(3));
        assertTrue(counting.next(), "the first of 3 steps returns true, so next() must return true");
        assertEquals(1, counting.steps, "one call of next() must run one step");
        assertTrue(counting.next(), "the second of 3 steps returns true, so next() must return true");
        assertEquals(2, counting.steps, "two calls of next() must run two steps");
        assertFalse(counting.next(), "the third step returns false, so next() must return false");
        assertEquals(3, counting.steps, "three calls of next() must run three steps");
    }

    @GradedTest(order = 5, value = "once step() has returned false, next() returns false and never calls step() again")
    void finishedStaysFinished() {
        Counting counting = activated(new Counting(1));
        assertFalse(counting.isFinished(), "a microprocess that has not run is not finished");
        assertFalse(counting.next(), "its only step returns false, so next() must return false");
        assertTrue(counting.isFinished(), "isFinished() must be true after step() returned false");
        assertFalse(counting.next(), "a finished microprocess's next() must return false");
        assertFalse(counting.next(), "a finished microprocess's next() must keep returning false");
        assertEquals(1, counting.steps, "step() ran again after the microprocess had finished");
    }

    @GradedTest(order = 6, value = "a step that throws finishes the microprocess, and the exception reaches the caller"
            + " unchanged")
    void throwingFinishes() {
        throwsAndFinishes(new IllegalArgumentException("boom"));
        throwsAndFinishes(new AssertionError("a check in the step failed"));
    }

    /** A step that throws {@code boom}, an unchecked exception or an error: it finishes, and boom reaches the caller. */
    private static void throwsAndFinishes(Throwable boom) {
        int[] steps = {0};
        Microprocess failing = new Microprocess() {
            @Override
            protected boolean step() {
                steps[0]++;
                if (boom instanceof Error error) {
                    throw error;
                }
                throw (RuntimeException) boom;
            }
        };
        failing.activate(new Scheduler());
        String what = boom.getClass().getSimpleName();
        assertSame(boom, assertThrows(Throwable.class, failing::next,
                "next() must let the " + what + " its step threw reach the caller"),
                "next() must rethrow the step's own " + what + ", not a new one");
        assertTrue(failing.isFinished(), "isFinished() was false after the step threw " + what + ": a microprocess"
                + " whose step threw anything, an exception or an error, has finished, so set finished in a finally"
                + " block (a catch of RuntimeException or Exception misses an Error)");
        assertFalse(failing.next(), "next() after a step threw must return false without stepping");
        assertEquals(1, steps[0], "step() ran again after it had thrown " + what);
    }

    @GradedTest(order = 7, value = "a microprocess has not finished while its step runs, even its last one")
    void notFinishedDuringItsStep() {
        List<Boolean> seen = new ArrayList<>();
        Microprocess[] self = new Microprocess[1];
        self[0] = new Microprocess() {
            private int steps;

            @Override
            protected boolean step() {
                seen.add(self[0].isFinished());
                steps++;
                return steps < 2;
            }
        };
        self[0].activate(new Scheduler());
        self[0].next();
        self[0].next();
        assertEquals(List.of(false, false), seen,
                "isFinished() said true inside step(): a microprocess finishes only once its step has returned false"
                        + " or thrown");
        assertTrue(self[0].isFinished(), "after its step returned false the microprocess must have finished");
    }

    @GradedTest(order = 8, value = "Greeter writes one line per step: hello to each name in order, then goodbye in"
            + " reverse")
    void greeterGreetsThenSaysGoodbye() {
        List<String> lines = new ArrayList<>();
        Greeter greeter = activated(new Greeter(List.of("Ada", "Alan", "Grace"), lines::add));
        List<Boolean> answers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            answers.add(greeter.next());
            assertEquals(i + 1, lines.size(), "each step must write exactly one line; after step " + (i + 1)
                    + " the lines were " + lines);
        }
        assertEquals(List.of("hello Ada", "hello Alan", "hello Grace", "goodbye Grace", "goodbye Alan", "goodbye Ada"),
                lines, "the greeter's lines, one per step: hello to each name in order, then goodbye in reverse");
        assertEquals(List.of(true, true, true, true, true, false), answers,
                "step() must return true until the step that writes the last line, which returns false");
        assertFalse(greeter.next(), "a finished greeter's next() must return false");
        assertEquals(6, lines.size(), "a finished greeter must not write more");
    }

    @GradedTest(order = 9, value = "Greeter with one name says hello, then goodbye, and finishes")
    void greeterWithOneName() {
        List<String> lines = new ArrayList<>();
        Greeter greeter = activated(new Greeter(List.of("Ada"), lines::add));
        assertTrue(greeter.next(), "with one name, the first step says hello and must return true; lines were "
                + lines);
        assertFalse(greeter.next(), "with one name, the second step says goodbye and must return false; lines were "
                + lines);
        assertEquals(List.of("hello Ada", "goodbye Ada"), lines, "the lines of a greeter with one name");
    }

    @GradedTest(order = 10, value = "Greeter with no names writes nothing and finishes at its first step")
    void greeterWithNoNames() {
        List<String> lines = new ArrayList<>();
        Greeter greeter = activated(new Greeter(List.of(), lines::add));
        assertFalse(greeter.next(), "with no names there is nothing to say: the first step must return false");
        assertEquals(List.of(), lines, "a greeter with no names must write nothing");
    }

    @GradedTest(order = 11, value = "two Greeters stepped in turn keep their own places")
    void greetersKeepTheirOwnState() {
        List<String> lines = new ArrayList<>();
        Greeter first = new Greeter(List.of("Ada", "Alan"), lines::add);
        Greeter second = new Greeter(List.of("Grace"), line -> lines.add("  " + line));
        Scheduler scheduler = schedulerOf(first, second);
        first.next();
        second.next();
        first.next();
        second.next();
        first.next();
        first.next();
        assertEquals(List.of("hello Ada", "  hello Grace", "hello Alan", "  goodbye Grace", "goodbye Alan",
                "goodbye Ada"), lines, "two greeters stepped in turn (the second one's lines indented): each must"
                + " continue from its own place");
    }
}
