package examples.stages;

import axon.Scheduler;
import examples.components.Ticker;

/**
 * Stage 2 at work: two {@link Ticker}s on one scheduler, run one cycle at a time so
 * that the cycles show.
 *
 * <pre>
 * ./mvnw -q -pl exercises compile exec:java -Dexec.mainClass=examples.stages.Stage02Demo
 * </pre>
 */
public final class Stage02Demo {
    private Stage02Demo() {
    }

    /** Prints the trace that the handbook shows as stage 2's expected output. */
    public static void main(String[] args) {
        // tag::demo[]
        Scheduler scheduler = new Scheduler();
        new Ticker("tick", 3, line -> System.out.println("  " + line)).activate(scheduler);
        new Ticker("tock", 2, line -> System.out.println("  " + line)).activate(scheduler);
        boolean left = true;
        // Three cycles are enough; stop at ten in case a scheduler never empties.
        for (int cycle = 1; cycle <= 10 && left; cycle++) {
            System.out.println("cycle " + cycle + ", " + scheduler.microprocesses().size() + " to step:");
            left = scheduler.runCycles(1);
        }
        System.out.println("nothing left to run: " + scheduler.microprocesses());
        // end::demo[]
    }
}
