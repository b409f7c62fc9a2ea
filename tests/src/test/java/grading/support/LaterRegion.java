package grading.support;

import grading.support.Regions.Region;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A test's failure whose cause lies in code of a later stage than the test's: a test of
 * stage 5 that never returns because a stage 6 part of {@code Box.linkTo} loops, or that
 * fails with an exception thrown by stage 6's code. It becomes a {@link LaterStageFailure}
 * of that stage, whose message and hint name the region, so that the learner is sent to
 * the code that is wrong rather than to the test's own stage, whose code may be right.
 *
 * <p>A time-out is blamed on a later region only when the test's thread was busy in it the
 * whole time: every sample that found the thread running (not waiting) had that region on
 * its stack. A loop that passes through earlier code too, or a thread that waits (for a
 * wake-up that never comes, say), stays with the test's stage.
 */
final class LaterRegion {
    /** Fewer busy samples than this say too little about where a loop is. */
    private static final int ENOUGH_SAMPLES = 3;

    private LaterRegion() {
    }

    /** The later-stage failure a time-out of a test of {@code stage} is, if it is one. */
    static Optional<LaterStageFailure> ofTimeOut(int stage, String said, RunningCode running, Regions regions) {
        List<List<StackTraceElement>> busy = running.busySamples();
        if (busy.size() < ENOUGH_SAMPLES || busy.size() * 2 < running.samplesTaken()) {
            return Optional.empty();
        }
        Set<Region> always = null;
        for (List<StackTraceElement> sample : busy) {
            Set<Region> later = new LinkedHashSet<>();
            for (StackTraceElement frame : sample) {
                regions.of(frame).filter(r -> r.stage() > stage).ifPresent(later::add);
            }
            if (always == null) {
                always = later;
            } else {
                always.retainAll(later);
            }
            if (always.isEmpty()) {
                return Optional.empty();
            }
        }
        List<StackTraceElement> last = busy.getLast();
        for (StackTraceElement frame : last) {
            Optional<Region> region = regions.of(frame).filter(always::contains);
            if (region.isPresent()) {
                Region r = region.get();
                String message = "a loop in " + where(r, frame) + " never ended, so this test of stage " + stage
                        + " never returned (" + said + "). The mistake is most likely in that code of stage "
                        + r.stage() + ", not in stage " + stage + "'s";
                String hint = "Make " + where(r, frame) + " do its task once and return: \"" + r.task() + "\"."
                        + " Look for a while where an if belongs, a wake-up that wakes again and again, or a"
                        + " step that waits in a loop instead of pausing." + alsoLater(regions, frame, r);
                return Optional.of(new LaterStageFailure(r.stage(), message, new Hint(hint, "The exercise")));
            }
        }
        return Optional.empty();
    }

    /**
     * The later-stage failure an exception thrown in a test of {@code stage} is, if the
     * graded code that threw it (the top-most frame in a region; for a failed assertion, in
     * the exception it found instead of the one expected) is of a later stage.
     */
    static Optional<LaterStageFailure> ofThrown(int stage, Throwable thrown, String described, Regions regions) {
        if (thrown instanceof LaterStageFailure || thrown instanceof HintedFailure) {
            return Optional.empty();
        }
        Throwable culprit = thrown instanceof AssertionError ? thrown.getCause() : thrown;
        for (Throwable t = culprit; t != null; t = t.getCause()) {
            List<StackTraceElement> graded = RunningCode.graded(t.getStackTrace());
            for (StackTraceElement frame : graded) {
                Optional<Region> region = regions.of(frame);
                if (region.isEmpty()) {
                    continue;
                }
                Region r = region.get();
                if (r.stage() <= stage) {
                    return Optional.empty();
                }
                String message = described + ", thrown by " + where(r, frame) + ", which a test of stage " + stage
                        + " ran: the mistake is most likely in that code of stage " + r.stage() + ", not in stage "
                        + stage + "'s";
                String hint = "Check " + where(r, frame) + " against its task: \"" + r.task() + "\". It must not"
                        + " throw where the chapter of stage " + r.stage() + " does not say so."
                        + alsoLater(regions, frame, r);
                return Optional.of(new LaterStageFailure(r.stage(), message, new Hint(hint, "The exercise")));
            }
        }
        return Optional.empty();
    }

    /**
     * "It was thrown by stage 8's code in ServiceRegistry.retrieve (...) (its task: ...), called
     * from stage 8's code in ServiceRegistry.find (...) (its task: ...)." for an exception that
     * the learner's code threw, or "" when no region threw it: the exception's own message
     * speaks to a component's author, and may not fit a mistake in the code that throws it.
     */
    static String thrownBy(Throwable thrown, Regions regions) {
        if (thrown instanceof AssertionError) {
            return "";
        }
        Throwable deepest = thrown;
        while (deepest.getCause() != null && deepest.getCause() != deepest) {
            deepest = deepest.getCause();
        }
        // The region that threw, and the one that called it, if another: either may be the mistake.
        List<String> said = new java.util.ArrayList<>();
        Region last = null;
        StackTraceElement callee = null;
        for (StackTraceElement frame : RunningCode.graded(deepest.getStackTrace())) {
            if (callee != null && entersMicroprocess(callee)) {
                // below a microprocess's step or body is only the scheduler that ran it: no caller of what threw
                break;
            }
            callee = frame;
            Optional<Region> region = regions.of(frame);
            if (region.isPresent() && !region.get().equals(last)) {
                said.add(where(region.get(), frame) + " (its task: " + region.get().task() + ")");
                last = region.get();
                if (said.size() == 2) {
                    break;
                }
            }
        }
        return said.isEmpty() ? "" : "It was thrown by " + String.join(", called from ", said) + ".";
    }

    /** Whether a frame is a microprocess's own step() or a threaded component's body(), which the scheduler calls. */
    private static boolean entersMicroprocess(StackTraceElement frame) {
        if (!frame.getMethodName().equals("step") && !frame.getMethodName().equals("body")) {
            return false;
        }
        try {
            Class<?> type = Class.forName(frame.getClassName(), false, LaterRegion.class.getClassLoader());
            return axon.Microprocess.class.isAssignableFrom(type) && !axon.Scheduler.class.isAssignableFrom(type);
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** " put also holds stage 6's part (...): ..." where the exercises' lack of markers hides a later part; else "". */
    private static String alsoLater(Regions regions, StackTraceElement frame, Region region) {
        return regions.laterInMethod(frame, region.stage()).stream().filter(r -> r.stage() <= Mode.lastStage())
                .findFirst().map(r -> " " + Regions.methodOf(frame) + " also holds stage " + r.stage() + "'s part (\""
                        + r.task() + "\"): if you wrote it, look there first.").orElse("");
    }

    /** "stage 6's code in Box.linkTo (Box.java:203)". */
    private static String where(Region region, StackTraceElement frame) {
        String type = frame.getClassName().substring(frame.getClassName().lastIndexOf('.') + 1);
        return "stage " + region.stage() + "'s code in " + type + "." + Regions.methodOf(frame) + " ("
                + frame.getFileName() + ":" + frame.getLineNumber() + ")";
    }
}
