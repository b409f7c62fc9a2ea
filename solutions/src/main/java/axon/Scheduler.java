package axon;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs microprocesses, one slice each in turn.
 *
 * <h2>What it is</h2>
 * A scheduler keeps a run queue of active microprocesses. One <em>cycle</em> steps each
 * of them once, in the order they were activated; a microprocess that has finished
 * leaves the queue. The scheduler is itself a microprocess: one call of its
 * {@link #step()} is one cycle, so a scheduler can be activated on another scheduler.
 *
 * <h2>Example</h2>
 * <pre>{@code
 * Scheduler scheduler = new Scheduler();
 * new Ticker("tick", 3, System.out::println).activate(scheduler);
 * new Ticker("tock", 3, System.out::println).activate(scheduler);
 * scheduler.run();    // tick 1, tock 1, tick 2, tock 2, tick 3, tock 3
 * }</pre>
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>Order: within a cycle, microprocesses are stepped in activation order, each
 *       exactly once.</li>
 *   <li>A microprocess activated during a cycle (by another one's step) is first
 *       stepped in the next cycle, after those already queued.</li>
 *   <li>A microprocess whose {@code next()} returns {@code false} is not stepped again.</li>
 *   <li>If a step throws, the exception propagates out of {@link #run()} or
 *       {@link #runCycles(int)} unchanged.</li>
 *   <li>Each scheduler is independent: there is no global scheduler.</li>
 * </ul>
 * Not thread-safe: run it on one thread.
 */
public class Scheduler extends Microprocess {
    // tag::exercise[]
    /** The microprocesses stepped each cycle, in order. */
    private final ArrayDeque<Microprocess> runQueue = new ArrayDeque<>();
    /** Microprocesses activated since the current cycle began; they join the next one. */
    private final List<Microprocess> arrivals = new ArrayList<>();

    /** Creates an empty scheduler. */
    public Scheduler() {
    }

    /** Called by {@link Microprocess#activate(Scheduler)}: the microprocess joins at the next cycle. */
    void add(Microprocess microprocess) {
        arrivals.add(microprocess);
    }

    /**
     * Runs one cycle: first the arrivals join the end of the run queue, then every
     * microprocess in the queue is stepped once, in order, and those that finished
     * are dropped.
     *
     * @return {@code true} while any microprocess is left
     */
    @Override
    protected boolean step() {
        // >>> stage 2: move the arrivals to the end of the run queue; step each queued microprocess once with next(), in order, keeping only those that want to run again
        // tag::answer-step[]
        runQueue.addAll(arrivals);
        arrivals.clear();
        for (int remaining = runQueue.size(); remaining > 0; remaining--) {
            Microprocess current = runQueue.removeFirst();
            if (current.next()) {
                runQueue.addLast(current);
            }
        }
        return !runQueue.isEmpty() || !arrivals.isEmpty();
        // end::answer-step[]
        // <<< stage 2
    }

    /** Runs cycles until no microprocess is left. */
    public void run() {
        // >>> stage 2: run cycles until step() says nothing is left
        // tag::answer-run[]
        while (step()) {
            // each call of step() is one cycle
        }
        // end::answer-run[]
        // <<< stage 2
    }

    /**
     * Runs at most {@code cycles} cycles, fewer if every microprocess finishes.
     *
     * @return {@code true} if microprocesses are still left
     */
    public boolean runCycles(int cycles) {
        // >>> stage 2: like run(), but stop after the given number of cycles
        // tag::answer-run-cycles[]
        boolean left = !microprocesses().isEmpty();
        for (int i = 0; i < cycles && left; i++) {
            left = step();
        }
        return left;
        // end::answer-run-cycles[]
        // <<< stage 2
    }
    // end::exercise[]

    /** The microprocesses that have not finished, in the order they will next be stepped. */
    public List<Microprocess> microprocesses() {
        List<Microprocess> all = new ArrayList<>(runQueue);
        all.addAll(arrivals);
        return all;
    }
}
