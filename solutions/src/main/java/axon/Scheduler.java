package axon;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

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
 *   <li>From stage 6 on, a microprocess that paused during its step falls asleep: it is not stepped
 *       again until it is woken, and then joins the next cycle like an arrival. When it
 *       finishes, the actions registered with {@link Microprocess#whenFinished} run.</li>
 *   <li>{@link #run()} returns when no microprocess is awake. If some are left asleep (stage 6),
 *       nothing can wake them any more: {@link #asleep()} lists them, and {@code run()}
 *       says so on standard error.</li>
 *   <li>Each scheduler is independent: there is no global scheduler.</li>
 * </ul>
 *
 * <h2>Threads (stage 9)</h2>
 * From stage 9 on, {@link ThreadedComponent}s run their work on threads of their own.
 * While any of them is running, {@link #run()} does not return when nothing is awake:
 * it blocks, using no processor time, until a thread asks for a wake-up with
 * {@link #wakeFromThread}, and returns once every thread has ended. If the run ends
 * with an exception, the threads still running are interrupted and waited for, so no
 * thread outlives the run.
 *
 * <h2>Policies (stage 10)</h2>
 * From stage 10 on, a scheduler has a {@link Policy}. {@link Policy#ROUND_ROBIN} is the
 * scheduler of stages 2 to 9: it keeps a set of the microprocesses that sleep.
 * {@link Policy#EVENT_DRIVEN} keeps the same contract and the same cycle, but keeps
 * nothing for a microprocess that sleeps: only its queues, which hold the microprocesses
 * that are awake, and a delivery, a wake-up or an activation is what puts one there. A
 * scheduler made with {@code new Scheduler()} takes its policy from the system property
 * {@code axon.scheduler} ({@code round-robin}, the default, or {@code event-driven}), so
 * that every earlier stage's tests and examples can run on either, unchanged.
 *
 * Not thread-safe: run it on one thread. Only {@link #wakeFromThread} and
 * {@link #cycles()} may be called from other threads.
 */
public class Scheduler extends Microprocess {
    // tag::exercise[]
    /** The microprocesses stepped each cycle, in order. */
    private final ArrayDeque<Microprocess> runQueue = new ArrayDeque<>();
    /** Microprocesses activated or woken since the current cycle began; they join the next one. */
    private final ArrayDeque<Microprocess> arrivals = new ArrayDeque<>();
    /** What this scheduler keeps of the microprocesses that are in neither queue: the one thing its policies do differently (stages 6 and 10). */
    private final Sleepers sleepers;
    private final ServiceRegistry services = new ServiceRegistry();
    /** Wake-ups asked for by other threads: the scheduler's own thread wakes these at the start of a cycle. */
    private final LinkedBlockingQueue<Microprocess> wakeRequests = new LinkedBlockingQueue<>();
    /** For each microprocess whose thread has started and not ended (stage 9): how to stop that thread. */
    private final Map<Microprocess, Runnable> threads = new LinkedHashMap<>();
    /**
     * How many cycles have run. Only the scheduler's thread writes it, so a cycle adds one
     * without an atomic add and publishes it with a release write, which costs no fence:
     * other threads may read it at any time.
     */
    private final AtomicLong cycles = new AtomicLong();
    /** Stage 10: how this scheduler keeps track of sleepers. */
    private final Policy policy;

    /** Creates an empty scheduler with the policy named by the system property {@code axon.scheduler}. */
    public Scheduler() {
        this(Policy.fromSystemProperty());
    }

    /** Creates an empty scheduler with the given policy (stage 10). */
    public Scheduler(Policy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.sleepers = Sleepers.forPolicy(policy);
    }

    /** Called by {@link Microprocess#activate(Scheduler)}: the microprocess joins at the next cycle. */
    void add(Microprocess microprocess) {
        sleepers.activated(microprocess);
        arrivals.addLast(microprocess);
    }

    // tag::wake[]
    /**
     * Called by {@link Microprocess#wake()} for a sleeping microprocess: it joins the next
     * cycle. {@code wake()} calls it only for one that is asleep, so it is never queued twice.
     */
    void wake(Microprocess microprocess) {
        Trace.woken(microprocess); // when a trace is on (see Trace)
        sleepers.woken(microprocess);
        arrivals.addLast(microprocess);
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
        cycles.setRelease(cycles.getPlain() + 1);
        Trace.cycle(this, cycles.getPlain()); // when a trace is on (see Trace)
        wakeThoseAskedFor(); // wake-ups asked for by threads: none before stage 9
        Consumer<Scheduler> watcher = betweenCycles;
        if (watcher != null) {
            watcher.accept(this); // a live view looks, between two cycles (stage 12)
        }
        try {
            // >>> stage 2 step: move the arrivals to the end of the run queue; step each queued microprocess once with next(), in order, taking each off the front of the run queue when its turn comes (microprocesses() lists the queue, even during a cycle), keeping only those that want to run again; say whether any is awake (isAnyAwake())
            while (!arrivals.isEmpty()) {
                runQueue.addLast(arrivals.removeFirst());
            }
            for (int remaining = runQueue.size(); remaining > 0; remaining--) {
                Microprocess current = runQueue.removeFirst();
                // >>> stage 6 after-step: after the step, one that finished runs its finish actions (finishedNow()) and is told to the sleepers (sleepers.finished()); one that paused falls asleep (fallAsleep()) and is told to the sleepers (sleepers.fellAsleep()); the others go back in the queue
                //| if (current.next()) {
                //|     runQueue.addLast(current);
                //| }
                if (!current.next()) {
                    current.finishedNow();
                    sleepers.finished(current);
                } else if (current.fallAsleep()) {
                    sleepers.fellAsleep(current);
                } else {
                    runQueue.addLast(current);
                }
                // <<< stage 6
            }
            return isAnyAwake();
            // <<< stage 2
        } finally {
            Trace.cycleEnds(); // the cycle ends here, however the code above returns or throws (see Trace)
        }
    }

    /** Whether any microprocess is awake: in the run queue, or arrived for the next cycle. */
    private boolean isAnyAwake() {
        return !runQueue.isEmpty() || !arrivals.isEmpty();
    }

    // tag::run[]
    /**
     * Runs cycles until no microprocess is awake: all have finished, or the ones left
     * are asleep with nothing to wake them.
     */
    public void run() {
        // tag::run-threads[]
        try {
            while (step() || waitForThreads()) {
                // each call of step() is one cycle
            }
        } finally {
            stopThreads();
        }
        // end::run-threads[]
        List<Microprocess> asleep = asleep();
        if (!asleep.isEmpty()) {
            List<String> names = asleep.stream().limit(10).map(Microprocess::name).toList();
            System.err.println(name() + ": run ended with " + asleep.size() + " asleep and nothing left to wake them: "
                    + String.join(", ", names) + (asleep.size() > names.size() ? ", ..." : ""));
        }
    }
    // end::run[]

    /**
     * Runs at most {@code cycles} cycles, fewer if every microprocess finishes.
     *
     * @return {@code true} if microprocesses are still awake (so another cycle has work)
     */
    public boolean runCycles(int cycles) {
        // >>> stage 2 run-cycles: like run(), but stop after the given number of cycles, or as soon as none is awake (isAnyAwake())
        boolean left = isAnyAwake();
        for (int i = 0; i < cycles && left; i++) {
            left = step();
        }
        return left;
        // <<< stage 2
    }

    // end::exercise[]

    /** This scheduler's policy (stage 10). */
    public Policy policy() {
        return policy;
    }

    // tag::policy[]
    /** How a scheduler keeps track of the microprocesses that sleep (stage 10). */
    public enum Policy {
        /**
         * The scheduler of stages 2 to 9: it keeps a set of the microprocesses that sleep,
         * as Axon's scheduler keeps a state for each of its microprocesses.
         */
        ROUND_ROBIN,
        /**
         * Stage 10: the scheduler keeps nothing for a sleeper. Activation, a delivery or a
         * wake-up puts a microprocess in its queue; a sleeper costs it no work at all.
         */
        EVENT_DRIVEN;

        /** The name used in the system property {@code axon.scheduler}: {@code round-robin} or {@code event-driven}. */
        public String propertyValue() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /**
         * The policy named by the system property {@code axon.scheduler}; {@link #ROUND_ROBIN}
         * when it is not set.
         *
         * @throws IllegalArgumentException if it names no policy
         */
        public static Policy fromSystemProperty() {
            String value = System.getProperty("axon.scheduler", "").strip();
            if (value.isEmpty()) {
                return ROUND_ROBIN;
            }
            for (Policy policy : values()) {
                if (policy.propertyValue().equalsIgnoreCase(value)) {
                    return policy;
                }
            }
            throw new IllegalArgumentException("axon.scheduler is \"" + value + "\", which names no scheduler policy:"
                    + " use round-robin or event-driven (for example -Daxon.scheduler=event-driven)");
        }
    }
    // end::policy[]

    // tag::threads[]
    /**
     * Asks for a microprocess to be woken, from any thread. The scheduler's own thread
     * calls its {@link Microprocess#wake()} at the start of the next cycle, or at once if
     * {@link #run()} is waiting for its threads. This is how a {@link ThreadedComponent}'s
     * thread wakes its proxy: {@code wake()} itself must only be called on the scheduler's
     * thread.
     */
    public void wakeFromThread(Microprocess microprocess) {
        wakeRequests.add(microprocess);
    }

    /** Wakes, on the scheduler's thread, every microprocess that a thread has asked to wake. */
    private void wakeThoseAskedFor() {
        for (Microprocess asked = wakeRequests.poll(); asked != null; asked = wakeRequests.poll()) {
            asked.wake();
        }
    }

    /**
     * Called by {@link #run()} when no microprocess is awake: if threads are still running,
     * waits for one of them to ask for a wake-up and returns {@code true}; if none is,
     * returns {@code false} at once.
     */
    private boolean waitForThreads() {
        if (threads.isEmpty()) {
            return false;
        }
        awaitWakeRequest();
        return true;
    }
    // end::threads[]

    // tag::await[]
    /**
     * Blocks until a thread asks for a wake-up, then wakes the microprocess it asked for.
     * Uses no processor time while it waits.
     *
     * @throws IllegalStateException if the scheduler's thread is interrupted while it waits
     */
    private void awaitWakeRequest() {
        // >>> stage 9 await: take() the next wake request from wakeRequests (it blocks until there is one) and wake() that microprocess; if interrupted, keep the interrupt (Thread.currentThread().interrupt()) and throw an IllegalStateException
        try {
            wakeRequests.take().wake();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(name() + " was interrupted while it waited for its threads", e);
        }
        // <<< stage 9
    }
    // end::await[]

    /**
     * Called on the scheduler's thread when a microprocess starts a thread of its own
     * (stage 9): while any such thread runs, {@link #run()} waits for it rather than
     * returning, and if the run ends early it calls {@code stop}, which must end the thread.
     */
    void threadStarted(Microprocess owner, Runnable stop) {
        threads.put(owner, stop);
    }

    /**
     * Called on the scheduler's thread when a microprocess's own thread has ended or is being stopped.
     *
     * @return whether it was running
     */
    boolean threadEnded(Microprocess owner) {
        return threads.remove(owner) != null;
    }

    /** When the run ends early (an exception): stops every thread still running, so none outlives it. */
    private void stopThreads() {
        for (Runnable stop : List.copyOf(threads.values())) {
            stop.run();
        }
    }

    /**
     * How many cycles this scheduler has run (calls of {@link #step()}). Safe to read from
     * any thread: a way to see that a scheduler waiting for its threads is not spinning.
     */
    public long cycles() {
        return cycles.getAcquire();
    }

    /** The microprocesses that have not finished: those awake, in the order they will next be stepped, then those asleep. */
    public List<Microprocess> microprocesses() {
        List<Microprocess> all = new ArrayList<>(runQueue);
        all.addAll(arrivals);
        all.addAll(sleepers.asleep());
        return all;
    }

    /** Stage 12: what looks at this scheduler between cycles (a live view), or null; -Daxon.view sets one (see ViewFlag). */
    private volatile Consumer<Scheduler> betweenCycles = ViewFlag.watcher();

    /**
     * Lets something look at this scheduler between cycles, on the scheduler's thread: it
     * is called at the start of each cycle, before any microprocess is stepped, when the
     * system holds still. The live view of stage 12 takes its snapshots there. It must
     * return quickly when it has nothing to do; {@code null} removes it.
     */
    public void watchBetweenCycles(Consumer<Scheduler> watcher) {
        betweenCycles = watcher;
    }

    /** The services registered by the microprocesses of this scheduler. */
    public ServiceRegistry services() {
        return services;
    }

    /**
     * The microprocesses that are asleep: in the order they fell asleep with
     * {@link Policy#ROUND_ROBIN}, in the order they were activated with
     * {@link Policy#EVENT_DRIVEN}, which does not track sleepers.
     */
    public List<Microprocess> asleep() {
        return sleepers.asleep();
    }
}
