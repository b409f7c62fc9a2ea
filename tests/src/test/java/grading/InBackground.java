package grading;

import axon.Scheduler;
import java.time.Duration;

/**
 * Runs a scheduler on a thread of its own, so that a test can act while it runs (write
 * to a file, measure it) and then wait for it to end.
 */
public final class InBackground {
    private final Thread thread;
    private volatile Throwable error;

    private InBackground(Scheduler scheduler) {
        thread = Thread.ofPlatform().daemon().name("scheduler under test").unstarted(() -> {
            try {
                scheduler.run();
            } catch (Throwable t) {
                error = t;
            }
        });
    }

    /** Starts {@code scheduler.run()} on a new thread. */
    public static InBackground run(Scheduler scheduler) {
        InBackground running = new InBackground(scheduler);
        running.thread.start();
        return running;
    }

    /** The thread running the scheduler. */
    Thread thread() {
        return thread;
    }

    /** Rethrows what run() threw, if it has thrown (unwritten code shows up as "not started"). */
    public void rethrow() throws Throwable {
        Throwable thrown = error;
        if (thrown != null) {
            throw thrown;
        }
    }

    /** Waits up to {@code patience} for run() to return; rethrows what it threw. Returns whether it returned. */
    public boolean awaitEnd(Duration patience) throws Throwable {
        boolean ended = thread.join(patience);
        rethrow();
        return ended;
    }

    /** If run() is still going (the test failed), interrupts it, so that it stops its threads. */
    public void stop() throws InterruptedException {
        if (thread.isAlive()) {
            thread.interrupt();
            thread.join(Duration.ofSeconds(1));
        }
    }
}
