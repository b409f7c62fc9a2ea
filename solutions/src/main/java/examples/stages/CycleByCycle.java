package examples.stages;

import axon.Box;
import axon.Scheduler;

/**
 * The trace that the demos of stages 4 and 5 print: a scheduler run one cycle at a time,
 * with, after each cycle, how many messages wait between a producer and a consumer.
 */
final class CycleByCycle {
    private CycleByCycle() {
    }

    // tag::cycles[]
    /** Runs {@code cycles} cycles one by one, saying after each where the messages wait. */
    static void run(Scheduler scheduler, int cycles, Box outbox, Box inbox) {
        for (int cycle = 1; cycle <= cycles; cycle++) {
            System.out.println("cycle " + cycle);
            scheduler.runCycles(1);
            System.out.println("  waiting: " + waiting(outbox, inbox));
        }
    }

    /** How many messages wait in the outbox and in the inbox, in words. */
    static String waiting(Box outbox, Box inbox) {
        return outbox.size() + " in the outbox, " + inbox.size() + " in the inbox";
    }
    // end::cycles[]
}
