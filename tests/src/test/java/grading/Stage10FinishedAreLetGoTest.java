package grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import axon.Microprocess;
import axon.Scheduler;
import axon.Scheduler.Policy;
import grading.support.Graded;
import grading.support.GradedTest;
import java.lang.ref.Reference;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;

/**
 * The event-driven policy keeps a list of what was activated, "for listing only", and
 * "tidies finished ones out of it now and then" (chapter, Everything else, unchanged):
 * finished microprocesses must not stay reachable from a scheduler that lives on.
 */
@Graded(stage = 10, title = "the event-driven scheduler lets finished microprocesses go")
class Stage10FinishedAreLetGoTest {

    private static final int MANY = 400;

    /** Finishes at its first step. */
    static final class Once extends Microprocess {
        @Override
        protected boolean step() {
            return false;
        }
    }

    @GradedTest(order = 1, value = "finished microprocesses are tidied out of the event-driven list: most can be"
            + " garbage-collected")
    void finishedOnesDoNotStayReachable() throws InterruptedException {
        Scheduler scheduler = new Scheduler(Policy.EVENT_DRIVEN);
        List<WeakReference<Microprocess>> watched = new ArrayList<>();
        for (int i = 0; i < MANY; i++) {
            Once once = new Once();
            watched.add(new WeakReference<>(once));
            once.activate(scheduler);
        }
        scheduler.run();
        assertEquals(List.of(), scheduler.microprocesses(), "every microprocess finished at its first step, so the"
                + " scheduler lists none");
        int reachable = MANY;
        for (int attempt = 0; attempt < 20 && reachable > MANY / 2; attempt++) {
            System.gc();
            Thread.sleep(20);
            reachable = 0;
            for (WeakReference<Microprocess> reference : watched) {
                if (reference.get() != null) {
                    reachable++;
                }
            }
        }
        assertTrue(reachable <= MANY / 2, reachable + " of " + MANY + " finished microprocesses are still reachable"
                + " from a scheduler that is still in use: the event-driven list \"tidies finished ones out of it now"
                + " and then\" (chapter), so at most a few dozen may linger, not all of them");
        Reference.reachabilityFence(scheduler);
    }

    @GradedTest(order = 2, value = "tidying lets only the finished go: sleepers activated before many that come and go"
            + " are still listed by asleep()")
    void tidyingKeepsTheLiving() {
        Scheduler scheduler = new Scheduler(Policy.EVENT_DRIVEN);
        Sleepy first = new Sleepy();
        Sleepy second = new Sleepy();
        first.activate(scheduler);
        second.activate(scheduler);
        for (int i = 0; i < MANY; i++) {
            new Once().activate(scheduler);
        }
        Quietly.run(scheduler);
        assertEquals(List.of(first, second), scheduler.asleep(), "two sleepers were activated, then " + MANY
                + " microprocesses that finished at once: tidying the finished ones out of the event-driven list must"
                + " keep the two sleepers, which asleep() lists in the order they were activated");
    }
}
