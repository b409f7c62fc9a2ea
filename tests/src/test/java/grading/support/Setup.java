package grading.support;

import axon.Component;
import axon.Linkage;
import axon.Microprocess;
import axon.Scheduler;

/**
 * The set-up most graded tests begin with, in one line each: microprocesses activated on a
 * new scheduler, and components chained the way the shutdown idiom expects.
 */
public final class Setup {
    private Setup() {
    }

    /** The microprocess, activated on a new scheduler of its own. */
    public static <M extends Microprocess> M activated(M microprocess) {
        Scheduler scheduler = new Scheduler();
        NeverPaused.remember(scheduler);
        microprocess.activate(scheduler);
        return microprocess;
    }

    /** A new scheduler with these microprocesses activated on it, in this order. */
    public static Scheduler schedulerOf(Microprocess... microprocesses) {
        Scheduler scheduler = new Scheduler();
        NeverPaused.remember(scheduler);
        for (Microprocess microprocess : microprocesses) {
            microprocess.activate(scheduler);
        }
        return scheduler;
    }

    /**
     * Links each component's outbox to the next one's inbox, and its signal to the next one's
     * control, as a pipeline does: data flows down the chain, and the shutdown after it.
     */
    public static void chain(Component... components) {
        for (int i = 1; i < components.length; i++) {
            Linkage.link(components[i - 1].outbox("outbox"), components[i].inbox("inbox"));
            Linkage.link(components[i - 1].outbox("signal"), components[i].inbox("control"));
        }
    }
}
