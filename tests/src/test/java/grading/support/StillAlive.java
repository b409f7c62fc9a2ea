package grading.support;

import java.util.List;

/**
 * What a thread that should have ended is doing, in a test's failure message: the graded
 * method it is in. A thread that outlives its run was stopped (interrupted) while it waited
 * in a way that does not end on an interrupt, such as a loop that looks again and again.
 */
public final class StillAlive {
    private StillAlive() {
    }

    /** ": it was still in Doorbell.waitForRing (Doorbell.java:70), ..." or "" when it runs no graded code. */
    public static String where(Thread thread) {
        List<StackTraceElement> graded = RunningCode.graded(thread.getStackTrace());
        if (graded.isEmpty()) {
            return "";
        }
        StackTraceElement top = graded.stream().filter(Regions.ofKit()::learners).findFirst().orElse(graded.getFirst());
        return ": it was still in " + RunningCode.place(top) + ", whose wait must end when the thread is interrupted"
                + " (a blocking call does, with InterruptedException; a loop that looks again and again does not)";
    }
}
