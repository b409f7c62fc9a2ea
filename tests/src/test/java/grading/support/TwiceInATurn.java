package grading.support;

import axon.Microprocess;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A scheduler that calls {@code next()} twice on the same microprocess in one turn, from two
 * lines of its code, with no other microprocess stepped between: the tests of stage 2 see
 * only that a microprocess was stepped too often, and would send the learner to stage 2's
 * loop, though the second call is usually in what stage 6 adds after the step ({@code if
 * (!current.next()) ... else if (current.next() ...)}). A stage 2 loop that goes on too long
 * calls {@code next()} from one line only.
 *
 * <p>The tests' microprocesses note each step ({@link #note}); {@link Grading} asks, when a
 * test of stages 1 to 5 fails, whether the second call lies in a later stage's region.
 */
public final class TwiceInATurn {
    private static final int MOST = 10_000;
    private static final List<Step> STEPS = new ArrayList<>();

    /** A step: the name of the microprocess stepped, and the line that called its next(). */
    private record Step(String stepped, StackTraceElement caller) {
    }

    private TwiceInATurn() {
    }

    /** Notes a step of a test's microprocess; call it from its step(). */
    public static void note(Microprocess stepped) {
        note(stepped.name());
    }

    /**
     * Notes a step of the microprocess of this name, for one whose step() is given code: call
     * it from what its step calls back (the consumer a Ticker writes its lines to).
     */
    public static void note(String stepped) {
        StackTraceElement caller = StackWalker.getInstance().walk(frames -> frames
                .dropWhile(f -> !(f.getClassName().equals("axon.Microprocess") && f.getMethodName().equals("next")))
                .skip(1).findFirst().map(StackWalker.StackFrame::toStackTraceElement).orElse(null));
        synchronized (STEPS) {
            if (caller != null && STEPS.size() < MOST) {
                STEPS.add(new Step(stepped, caller));
            }
        }
    }

    /** Forgets the steps of the test before. */
    static void forget() {
        synchronized (STEPS) {
            STEPS.clear();
        }
    }

    /** The failure of a later stage that a failed test of {@code stage} is, if a turn called next() twice. */
    static Optional<LaterStageFailure> found(int stage, Regions regions) {
        List<Step> steps;
        synchronized (STEPS) {
            steps = List.copyOf(STEPS);
        }
        for (int i = 1; i < steps.size(); i++) {
            Step first = steps.get(i - 1);
            Step second = steps.get(i);
            if (!first.stepped().equals(second.stepped()) || !sameMethod(first.caller(), second.caller())
                    || first.caller().getLineNumber() == second.caller().getLineNumber()) {
                continue;
            }
            Optional<Regions.Region> later = laterRegion(second.caller(), stage, regions);
            if (later.isPresent()) {
                return Optional.of(failure(first, second, later.get()));
            }
        }
        return Optional.empty();
    }

    /** The later stage's region that holds the line: by the markers, or, without them, the later part of its method. */
    private static Optional<Regions.Region> laterRegion(StackTraceElement line, int stage, Regions regions) {
        Optional<Regions.Region> region = regions.of(line);
        if (region.isPresent() && region.get().stage() > stage) {
            return region;
        }
        return regions.laterInMethod(line, stage).stream().filter(r -> r.stage() <= Mode.lastStage()).findFirst();
    }

    private static boolean sameMethod(StackTraceElement a, StackTraceElement b) {
        return a.getClassName().equals(b.getClassName()) && a.getMethodName().equals(b.getMethodName());
    }

    private static LaterStageFailure failure(Step first, Step second, Regions.Region region) {
        String method = simpleName(second.caller().getClassName()) + "." + second.caller().getMethodName();
        return new LaterStageFailure(region.stage(), method + " called next() on " + second.stepped()
                + " twice in one turn, at line " + first.caller().getLineNumber() + " and again at line "
                + second.caller().getLineNumber() + ", so it ran two steps where a cycle runs one: stage "
                + region.stage() + "'s part of " + method + " (" + region.name() + ") must use the one result of"
                + " next() that the turn has, kept in a variable, instead of calling next() again",
                new Hint("Call current.next() once per turn and keep what it returned (boolean again ="
                        + " current.next();), then decide with it: " + region.task() + ".", "The exercise"));
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
