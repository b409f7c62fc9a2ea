package axon;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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
 *   <li>A microprocess that paused during its step falls asleep: it is not stepped
 *       again until it is woken, and then joins the next cycle like an arrival. When it
 *       finishes, the actions registered with {@link Microprocess#whenFinished} run.</li>
 *   <li>{@link #run()} returns when no microprocess is awake. If some are left asleep,
 *       nothing can wake them any more: {@link #asleep()} lists them, and {@code run()}
 *       says so on standard error.</li>
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
    /** Microprocesses that paused: not stepped until woken. Stage 6 fills it, in step(). */
    private final Set<Microprocess> sleeping = new LinkedHashSet<>();
    private final ServiceRegistry services = new ServiceRegistry();

    /** Creates an empty scheduler. */
    public Scheduler() {
    }

    /** Called by {@link Microprocess#activate(Scheduler)}: the microprocess joins at the next cycle. */
    void add(Microprocess microprocess) {
        arrivals.add(microprocess);
    }

    // tag::wake[]
    /** Called by {@link Microprocess#wake()} for a sleeping microprocess: it joins the next cycle. */
    void wake(Microprocess microprocess) {
        if (sleeping.remove(microprocess)) {
            arrivals.add(microprocess);
        }
    }
    // end::wake[]

    /**
     * Runs one cycle: first the arrivals join the end of the run queue, then every
     * microprocess in the queue is stepped once, in order, and those that finished
     * are dropped. From stage 6 on, those that paused during their step fall asleep.
     *
     * @return {@code true} while any microprocess is awake (so another cycle has work)
     */
    @Override
    protected boolean step() {
        // >>> stage 2: move the arrivals to the end of the run queue; step each queued microprocess once with next(), in order, keeping only those that want to run again
        // tag::answer-step[]
        runQueue.addAll(arrivals);
        arrivals.clear();
        for (int remaining = runQueue.size(); remaining > 0; remaining--) {
            Microprocess current = runQueue.removeFirst();
            // >>> stage 6: after the step, one that finished runs its finish actions (finishedNow()); one that paused falls asleep (fallAsleep()) into the sleeping set; the others go back in the queue
            //| if (current.next()) {
            //|     runQueue.addLast(current);
            //| }
            // tag::answer-after-step[]
            if (!current.next()) {
                current.finishedNow();
            } else if (current.fallAsleep()) {
                sleeping.add(current);
            } else {
                runQueue.addLast(current);
            }
            // end::answer-after-step[]
            // <<< stage 6
        }
        return !runQueue.isEmpty() || !arrivals.isEmpty();
        // end::answer-step[]
        // <<< stage 2
    }

    // tag::run[]
    /**
     * Runs cycles until no microprocess is awake: all have finished, or the ones left
     * are asleep with nothing to wake them.
     */
    public void run() {
        // tag::run-loop[]
        while (step()) {
            // each call of step() is one cycle
        }
        // end::run-loop[]
        if (!sleeping.isEmpty()) {
            List<String> names = sleeping.stream().limit(10).map(Microprocess::name).toList();
            System.err.println(name() + ": run ended with " + sleeping.size() + " asleep and nothing left to wake them: "
                    + String.join(", ", names) + (sleeping.size() > names.size() ? ", ..." : ""));
        }
    }
    // end::run[]

    /**
     * Runs at most {@code cycles} cycles, fewer if every microprocess finishes.
     *
     * @return {@code true} if microprocesses are still awake (so another cycle has work)
     */
    public boolean runCycles(int cycles) {
        // >>> stage 2: like run(), but stop after the given number of cycles
        // tag::answer-run-cycles[]
        boolean left = !runQueue.isEmpty() || !arrivals.isEmpty();
        for (int i = 0; i < cycles && left; i++) {
            left = step();
        }
        return left;
        // end::answer-run-cycles[]
        // <<< stage 2
    }
    // end::exercise[]

    /** The microprocesses that have not finished: those awake, in the order they will next be stepped, then those asleep. */
    public List<Microprocess> microprocesses() {
        List<Microprocess> all = new ArrayList<>(runQueue);
        all.addAll(arrivals);
        all.addAll(sleeping);
        return all;
    }

    /** The services registered by the microprocesses of this scheduler. */
    public ServiceRegistry services() {
        return services;
    }

    /** The microprocesses that are asleep, in the order they fell asleep. */
    public List<Microprocess> asleep() {
        return List.copyOf(sleeping);
    }
}
