package grading;

import axon.Scheduler;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Runs a scheduler whose run is meant to end with sleepers left, so that its note about
 * them ("run ended with 10005 asleep ...") does not reach the learner's screen: a passing
 * run prints nothing but the board.
 */
final class Quietly {
    private Quietly() {
    }

    /** Runs the scheduler and returns what it wrote to standard error, instead of showing it. */
    static String run(Scheduler scheduler) {
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            scheduler.run();
        } finally {
            System.setErr(original);
        }
        return err.toString(StandardCharsets.UTF_8);
    }
}
