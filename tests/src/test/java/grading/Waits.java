package grading;

import java.time.Duration;

/** How long the threaded stages' tests wait for what a correct system does at once. */
public final class Waits {
    /**
     * Long enough for threads to start, and JShell to load, on a slow, busy machine: a
     * correct system never needs it all, so a lost wake-up shows up as a time-out.
     */
    public static final Duration PATIENCE = Duration.ofSeconds(30);

    private Waits() {
    }
}
