package grading.support;

import java.util.List;

/**
 * What a thread that should have ended is doing, in a test's failure message: the graded
 * method it is in. A thread that outlives its run was stopped (interrupted) while it waited
 * in a way that does not end on an interrupt, such as a loop that looks again and again.
 */
public final class StillAlive {
    private static final int LOOKS = 8;
    private StillAlive() {
    }

    /** ": it was still in Doorbell.waitForRing (Doorbell.java:70), ..." or "" when it runs no graded code. */
    public static String where(Thread thread) {
        // A few looks, as a thread that loops is seen at different places of its loop.
        List<List<StackTraceElement>> looks = new java.util.ArrayList<>();
        for (int i = 0; i < LOOKS && thread.isAlive(); i++) {
            List<StackTraceElement> graded = RunningCode.graded(thread.getStackTrace());
            if (!graded.isEmpty()) {
                looks.add(graded);
            }
            Thread.onSpinWait();
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (looks.isEmpty()) {
            return "";
        }
        List<StackTraceElement> last = looks.getLast();
        StackTraceElement top = looks.size() >= 3 ? last.get(RunningCode.looping(last, looks))
                : last.stream().filter(Regions.ofKit()::learners).findFirst().orElse(last.getFirst());
        return ": it was still in " + RunningCode.place(top) + ", whose wait must end when the thread is interrupted"
                + " (a blocking call does, with InterruptedException; a loop that looks again and again does not)";
    }
}
