package grading;

import static org.junit.jupiter.api.Assertions.fail;

import axon.Microprocess;
import axon.Scheduler;
import java.util.List;

/** The end of a run that must leave nothing behind: every microprocess has finished and left its scheduler. */
final class AllFinished {
    private AllFinished() {
    }

    /**
     * Fails, saying {@code why} and naming what is left, when any microprocess is still on
     * {@code scheduler}: queued, or asleep and never woken again.
     */
    static void assertAllFinished(Scheduler scheduler, String why) {
        List<Microprocess> left = scheduler.microprocesses();
        if (!left.isEmpty()) {
            fail(why + "; still on the scheduler: " + left);
        }
    }
}
