package grading;

import static grading.AllFinished.assertAllFinished;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import axon.Microprocess;
import axon.Scheduler;
import grading.support.Graded;
import grading.support.GradedTest;
import grading.support.HintedFailure;
import grading.support.NeverPaused;
import grading.support.TwiceInATurn;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

@Graded(stage = 2, title = "a scheduler")
class Stage02SchedulerTest {
    // What the tests begin with, new for each test: a scheduler, and a log its microprocesses note their steps in.
    private final Scheduler scheduler = new Scheduler();
    private final List<String> log = new ArrayList<>();
    /** Every scheduler a test made: the one above, and those of the tests that need more. */
    private final List<Scheduler> schedulers = new ArrayList<>(List.of(scheduler));

    /** A further scheduler for a test that needs more than one. */
    private Scheduler another() {
        Scheduler another = new Scheduler();
        schedulers.add(another);
        return another;
    }

    /** No microprocess of these tests pauses, so one that sleeps is stage 6's doing (see NeverPaused). */
    @AfterEach
    void nothingSleepsThatNeverPaused() {
        NeverPaused.check(schedulers);
    }

    @GradedTest(order = 1, value = "one cycle steps each microprocess activated before it exactly once")
    void oneCycleStepsEachOnce() {
        new Counting("a", 1, log).activate(scheduler);
        new Counting("b", 3, log).activate(scheduler);
        scheduler.runCycles(1);
        if (log.isEmpty()) {
            fail("runCycles(1) stepped nothing, though a and b were activated before it: activate"
                    + " puts them in the arrivals, and a cycle starts by moving the arrivals into the run queue");
        }
        if (scheduler.cycles() > 1) { // runCycles' own contract, whose test's hint is the one to give
            throw HintedFailure.ofTest("runCycles(1) ran " + scheduler.cycles() + " cycles (cycles() counts the calls"
                    + " of step()) and stepped " + log + ": runCycles(n) runs at most n cycles, so count them from 0"
                    + " while i < n", Stage02SchedulerTest.class, "runCyclesIsBounded");
        }
        if (log.contains("b2")) {
            fail("runCycles(1) stepped b more than once " + log + ": a cycle steps only the"
                    + " microprocesses that were in the queue when it began, once each, and does not go on until the"
                    + " queue is empty (a loop like while (!runQueue.isEmpty()) does)");
        }
        assertEquals(List.of("a1", "b1"), log, "the steps of one cycle over a (wants 1 step) and b (wants 3): each"
                + " once, in activation order");
    }

    @GradedTest(order = 2, value = "a microprocess that has finished leaves the run queue at once")
    void finishedMicroprocessesLeave() {
        Counting once = new Counting(1);
        Counting thrice = new Counting(3);
        activateAll(once, thrice);
        boolean left = scheduler.runCycles(1);
        assertEquals(List.of(thrice), scheduler.microprocesses(), "after one cycle only the microprocess that wants"
                + " to run again (" + thrice.name() + ") may be left: " + once.name() + " wanted 1 step, has"
                + " finished, and must have left the run queue");
        assertTrue(left, "after one cycle the microprocess that wants 3 steps has 2 to go, so runCycles(1) must"
                + " return true");
    }

    @GradedTest(order = 3, value = "a cycle steps every microprocess that was queued when it began exactly once, even"
            + " when some finish during it")
    void aCycleStepsEveryQueuedOneWhenSomeFinish() {
        Counting b = new Counting("b", 3, log);
        Counting d = new Counting("d", 2, log);
        for (Counting counting : List.of(new Counting("a", 1, log), b, new Counting("c", 1, log), d)) {
            counting.activate(scheduler);
        }
        scheduler.runCycles(1);
        assertEquals(List.of("a1", "b1", "c1", "d1"), log,
                "one cycle must step each of the 4 microprocesses queued when it began once, though a and c"
                        + " finish during it; it stepped " + log);
        assertEquals(List.of(b, d), scheduler.microprocesses(),
                "after that cycle exactly the two that want to run again (b and d) must be left, in order");
    }

    @GradedTest(order = 4, value = "each cycle steps every microprocess once, in the order they were activated")
    void roundRobinInActivationOrder() {
        new Counting("a", 3, log).activate(scheduler);
        new Counting("b", 2, log).activate(scheduler);
        new Counting("c", 1, log).activate(scheduler);
        scheduler.run();
        assertEquals(List.of("a1", "b1", "c1", "a2", "b2", "a3"), log, "the steps in the order they ran (a wants 3"
                + " steps, b 2, c 1): each cycle steps each microprocess once, in activation order");
    }

    @GradedTest(order = 5, value = "a microprocess activated during a cycle is first stepped in the next cycle, after"
            + " the others")
    void arrivalsWaitForTheNextCycle() {
        new Spawner(log, new Counting("new", 2, log)).activate(scheduler);
        new Counting("b", 3, log).activate(scheduler);
        scheduler.run();
        assertEquals(List.of("s1", "b1", "s2", "b2", "new1", "s3", "b3", "new2"), log, "the steps in the order they"
                + " ran: s activates 'new' during its first step, so new1 must come in the next cycle, after s2 and b2");
    }

    @GradedTest(order = 6, value = "runCycles(n) runs at most n cycles and says whether microprocesses are left")
    void runCyclesIsBounded() {
        Counting counting = new Counting(10);
        activateAll(counting);
        assertTrue(scheduler.runCycles(3), "7 steps are still to come, so runCycles must return true");
        assertEquals(3, counting.steps, "runCycles(3) must run exactly 3 cycles");
        assertTrue(scheduler.runCycles(0), "runCycles(0) runs nothing and microprocesses are still left");
        assertEquals(3, counting.steps, "runCycles(0) must run no cycle");
    }

    @GradedTest(order = 7, value = "runCycles(n) stops early, returning false, when every microprocess has finished")
    void runCyclesStopsEarly() {
        Counting counting = new Counting(2);
        activateAll(counting);
        long before = scheduler.cycles();
        assertFalse(scheduler.runCycles(100), "a microprocess that wants 2 steps finishes within 100 cycles, so"
                + " runCycles(100) must return false");
        assertEquals(2, counting.steps, "a microprocess that wants 2 steps must be stepped exactly 2 times");
        assertEquals(2, scheduler.cycles() - before, "runCycles(100) must stop after the cycle whose step() says"
                + " nothing is left (the second), but it ran " + (scheduler.cycles() - before) + " cycles: stop the"
                + " loop as soon as step() returns false");
        assertFalse(scheduler.runCycles(5), "nothing is left, so runCycles must return false");
        assertEquals(2, scheduler.cycles() - before, "with nothing left, runCycles(5) must run no cycle at all, but it"
                + " ran " + (scheduler.cycles() - before - 2) + ": ask isAnyAwake() before the first cycle, not only"
                + " step() after each");
    }

    @GradedTest(order = 8, value = "a cycle during which a newcomer arrived says that work is left, even when every"
            + " other microprocess finished")
    void aCycleWithNewcomersSaysWorkIsLeft() {
        new Microprocess() {
            @Override
            protected boolean step() {
                log.add("parent");
                new Counting("child", 1, log).activate(scheduler());
                return false;
            }
        }.activate(scheduler);
        scheduler.run();
        assertEquals(List.of("parent", "child1"), log,
                "run() ended before stepping the microprocess activated in the last step of a cycle:"
                        + " that cycle's step() returned false although an arrival was waiting");

        List<String> again = new ArrayList<>();
        Scheduler counted = another();
        new Microprocess() {
            @Override
            protected boolean step() {
                new Counting("child", 1, again).activate(scheduler());
                return false;
            }
        }.activate(counted);
        assertTrue(counted.runCycles(1),
                "after a cycle in which the only microprocess finished but activated a newcomer, runCycles(1)"
                        + " must return true: the newcomer is still to run");
        assertFalse(counted.runCycles(1), "after the newcomer's only step nothing is left, so runCycles(1)"
                + " must return false");
        assertEquals(List.of("child1"), again);
    }

    @GradedTest(order = 9, value = "run() steps every microprocess until each has finished, then returns")
    void runRunsEverythingToTheEnd() {
        Counting shortOne = new Counting(2);
        Counting longOne = new Counting(5);
        activateAll(shortOne, longOne);
        scheduler.run();
        assertEquals(2, shortOne.steps, "a microprocess that wants 2 steps must be stepped exactly 2 times by run()");
        assertEquals(5, longOne.steps, "a microprocess that wants 5 steps must be stepped exactly 5 times by run()");
        assertTrue(shortOne.isFinished() && longOne.isFinished(), "after run() both microprocesses must be finished");
        assertAllFinished(scheduler, "nothing may be left after run()");
    }

    @GradedTest(order = 10, value = "run() on a scheduler with nothing to run returns at once")
    void runOnEmptyReturns() {
        assertFalse(scheduler.runCycles(0), "runCycles(0) on an empty scheduler must say that nothing is left");
        scheduler.run();
        assertFalse(scheduler.runCycles(1), "runCycles(1) on an empty scheduler must say that nothing is left");
    }

    @GradedTest(order = 11, value = "the scheduler is a microprocess: activated on another scheduler, each of its"
            + " steps is one cycle")
    void schedulerInsideScheduler() {
        Scheduler outer = another();
        Scheduler inner = another();
        new Counting("x", 3, log).activate(outer);
        inner.activate(outer);
        new Counting("a", 2, log).activate(inner);
        new Counting("b", 1, log).activate(inner);
        outer.run();
        assertEquals(List.of("x1", "a1", "b1", "x2", "a2", "x3"), log, "the steps in the order they ran: the outer"
                + " scheduler steps x, then the inner scheduler, whose one step is one whole cycle of a and b");
        assertTrue(inner.isFinished(), "the inner scheduler must finish when it has nothing left");
    }

    @GradedTest(order = 12, value = "two schedulers are independent")
    void schedulersAreIndependent() {
        Scheduler first = another();
        Scheduler second = another();
        Counting a = new Counting(2);
        Counting b = new Counting(2);
        a.activate(first);
        b.activate(second);
        first.run();
        assertEquals(2, a.steps, "running the first scheduler must step its microprocess 2 times");
        assertEquals(0, b.steps, "running one scheduler stepped a microprocess of another");
        assertEquals(List.of(b), second.microprocesses(), "the second scheduler's microprocesses, after running the"
                + " first one");
    }

    @GradedTest(order = 13, value = "an exception thrown by a step comes out of run() unchanged")
    void exceptionsPropagate() {
        IllegalStateException boom = new IllegalStateException("boom");
        new Counting(5).activate(scheduler);
        new Microprocess() {
            @Override
            protected boolean step() {
                throw boom;
            }
        }.activate(scheduler);
        assertSame(boom, assertThrows(IllegalStateException.class, scheduler::run,
                "run() must let the exception a step threw come out"),
                "run() must rethrow the step's own exception, not a new one");
    }

    @GradedTest(order = 14, value = "Tickers on one scheduler take turns: tick 1, tock 1, tick 2, tock 2, ...")
    void tickersTakeTurns() {
        new examples.components.Ticker("tick", 3, line -> noted("tick", line)).activate(scheduler);
        new examples.components.Ticker("tock", 2, line -> noted("tock", line)).activate(scheduler);
        scheduler.run();
        assertEquals(List.of("tick 1", "tock 1", "tick 2", "tock 2", "tick 3"), log, "the tickers' lines, in"
                + " the order they were written");
    }

    /** Logs a ticker's line, noting the step that wrote it (see TwiceInATurn). */
    private void noted(String ticker, String line) {
        TwiceInATurn.note(ticker);
        log.add(line);
    }

    @GradedTest(order = 15, value = "during a cycle, microprocesses() lists those still waiting for their turn, in"
            + " the order they will be stepped")
    void microprocessesListsThoseWaitingDuringACycle() {
        List<List<Microprocess>> seen = new ArrayList<>();
        Microprocess looking = new Microprocess() {
            private int steps;

            @Override
            protected boolean step() {
                List<Microprocess> listed = new ArrayList<>(scheduler.microprocesses());
                listed.remove(this); // whether the one being stepped is listed, the chapter leaves open
                seen.add(listed);
                return ++steps < 2;
            }
        };
        Counting b = new Counting("b", 3, log);
        Counting c = new Counting("c", 3, log);
        activateAll(looking, b, c);
        scheduler.runCycles(2);
        assertEquals(2, seen.size(), "the looking microprocess wants 2 steps, one in each of 2 cycles");
        assertEquals(List.of(List.of(b, c), List.of(b, c)), seen, "what microprocesses() listed during the first"
                + " microprocess's step, in each of 2 cycles (itself left out): b and c had not had their turn yet, so"
                + " they must still be in the run queue, in order. Take each microprocess off the front of the queue"
                + " when its turn comes, not all of them at the start of the cycle");
    }

    /** Activates these microprocesses on the test's scheduler, in this order. */
    private void activateAll(Microprocess... microprocesses) {
        for (Microprocess microprocess : microprocesses) {
            microprocess.activate(scheduler);
        }
    }
}
