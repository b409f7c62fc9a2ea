package grading.support;

import axon.Microprocess;
import axon.Scheduler;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Pausing comes at stage 6: no microprocess of an earlier stage's tests calls
 * {@code pause()}, so none may end a step asleep. One that does was put to sleep by stage
 * 6's code ({@code fallAsleep}, {@code pause}, or the scheduler's step after {@code
 * next()}), which those tests run once it is written: their failure is stage 6's, and the
 * board must send the learner there ({@link LaterStageFailure}), not to the earlier stage's
 * code, which may be right.
 *
 * <p>The schedulers that {@link Setup} makes during a test are remembered for this check,
 * which {@link Grading} makes when a test of stages 1 to 5 fails.
 */
public final class NeverPaused {
    /** The stage that brings pause(). */
    static final int PAUSE_STAGE = 6;
    private static final List<Scheduler> MADE = new CopyOnWriteArrayList<>();

    private NeverPaused() {
    }

    /** Remembers a scheduler made for the running test. */
    static void remember(Scheduler scheduler) {
        MADE.add(scheduler);
    }

    /** Forgets the schedulers of the test before. */
    static void forget() {
        MADE.clear();
    }

    /** The failure of stage 6 that a failed test of an earlier stage is, if a microprocess of its schedulers sleeps. */
    static Optional<LaterStageFailure> inTheSchedulersMade() {
        return of(MADE);
    }

    /**
     * Throws a failure of stage 6 when a microprocess of these schedulers is asleep or paused:
     * for tests of an earlier stage, whose microprocesses never pause.
     */
    public static void check(Collection<Scheduler> schedulers) {
        Optional<LaterStageFailure> failure = of(schedulers);
        if (failure.isPresent()) {
            throw failure.get();
        }
    }

    private static Optional<LaterStageFailure> of(Collection<Scheduler> schedulers) {
        List<Microprocess> asleep;
        try {
            asleep = schedulers.stream().flatMap(s -> s.microprocesses().stream()).filter(Microprocess::isPaused)
                    .toList();
        } catch (RuntimeException e) {
            return Optional.empty(); // a scheduler that cannot list its microprocesses says nothing about sleep
        }
        if (asleep.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new LaterStageFailure(PAUSE_STAGE, asleep + " never called pause(), yet the scheduler put"
                + (asleep.size() == 1 ? " it" : " them") + " to sleep (isPaused() is true): stage 6's code puts to"
                + " sleep only a microprocess that paused during its step", new Hint("Microprocess.fallAsleep()"
                + " returns true only when the microprocess paused during this step (and was not woken since), and"
                + " only pause() marks it so; the scheduler's step asks fallAsleep() only after next() returned"
                + " true.", "The exercise")));
    }
}
