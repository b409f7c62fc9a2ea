package axon;

import java.util.List;

/**
 * What a {@link Scheduler} keeps of the microprocesses that are in neither of its queues:
 * the one thing its two {@link Scheduler.Policy policies} do differently. The scheduler
 * tells it each activation, each fall asleep, each wake-up and each end, and asks it for
 * the sleepers when it lists them. It never asks it what to step. Each event does nothing
 * unless a strategy says otherwise: a strategy hears only of what it keeps track of.
 *
 * Called on the scheduler's thread only.
 */
interface Sleepers {
    /** A microprocess was activated on the scheduler. */
    default void activated(Microprocess microprocess) {
    }

    /** A microprocess paused during its step and is now asleep: the scheduler has put it in no queue. */
    default void fellAsleep(Microprocess microprocess) {
    }

    /** A sleeping microprocess was woken: the scheduler queues it for the next cycle. */
    default void woken(Microprocess microprocess) {
    }

    /** A microprocess finished and ran its finish actions: the scheduler has dropped it. */
    default void finished(Microprocess microprocess) {
    }

    /** The microprocesses asleep now. */
    List<Microprocess> asleep();

    /** What a scheduler with the given policy keeps of its sleepers: the one place where a policy picks its strategy. */
    static Sleepers forPolicy(Scheduler.Policy policy) {
        return switch (policy) {
            case ROUND_ROBIN -> new SleepingSet();
            case EVENT_DRIVEN -> new ActivatedList();
        };
    }
}
