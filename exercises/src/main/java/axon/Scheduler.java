package axon;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;

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
 *
 * <h2>Threads</h2>
 * From stage 9 on, {@link ThreadedComponent}s run their work on threads of their own.
 * While any of them is running, {@link #run()} does not return when nothing is awake:
 * it blocks, using no processor time, until a thread asks for a wake-up with
 * {@link #wakeFromThread}, and returns once every thread has ended. If the run ends
 * with an exception, the threads still running are interrupted and waited for, so no
 * thread outlives the run.
 *
 * <h2>Policies</h2>
 * From stage 10 on, a scheduler has a {@link Policy}. {@link Policy#ROUND_ROBIN} is the
 * scheduler of stages 2 to 9. {@link Policy#EVENT_DRIVEN} keeps the same contract, but
 * does no work for a microprocess that sleeps: it keeps one queue of the microprocesses
 * that are ready, and a delivery, a wake-up or an activation is what puts one there. A
 * scheduler made with {@code new Scheduler()} takes its policy from the system property
 * {@code axon.scheduler} ({@code round-robin}, the default, or {@code event-driven}), so
 * that every earlier stage's tests and examples can run on either, unchanged.
 *
 * Not thread-safe: run it on one thread. Only {@link #wakeFromThread} and
 * {@link #cycles()} may be called from other threads.
 */
public class Scheduler extends Microprocess {
    /** The microprocesses stepped each cycle, in order. */
    private final ArrayDeque<Microprocess> runQueue = new ArrayDeque<>();
    /** Microprocesses activated since the current cycle began; they join the next one. */
    private final List<Microprocess> arrivals = new ArrayList<>();
    /** Microprocesses that paused: not stepped until woken. Stage 6 fills it, in step(). */
    private final Set<Microprocess> sleeping = new LinkedHashSet<>();
    private final ServiceRegistry services = new ServiceRegistry();
    /** Wake-ups asked for by other threads: the scheduler's own thread wakes these at the start of a cycle. */
    private final LinkedBlockingQueue<Microprocess> wakeRequests = new LinkedBlockingQueue<>();
    /** The threaded components whose thread has started and that have not finished. */
    private final Set<ThreadedComponent> threads = new LinkedHashSet<>();
    /** How many cycles have run; written by the scheduler's thread only. */
    private volatile long cycles;
    /** Stage 10: how this scheduler picks what to step. */
    private final Policy policy;

    /** Creates an empty scheduler with the policy named by the system property {@code axon.scheduler}. */
    public Scheduler() {
        this(Policy.fromSystemProperty());
    }

    /** Creates an empty scheduler with the given policy (stage 10). */
    public Scheduler(Policy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** Called by {@link Microprocess#activate(Scheduler)}: the microprocess joins at the next cycle. */
    void add(Microprocess microprocess) {
        if (policy == Policy.EVENT_DRIVEN) {
            addReady(microprocess); // stage 10
            return;
        }
        arrivals.add(microprocess);
    }

    /** Called by {@link Microprocess#wake()} for a sleeping microprocess: it joins the next cycle. */
    void wake(Microprocess microprocess) {
        if (policy == Policy.EVENT_DRIVEN) {
            wakeReady(microprocess); // stage 10
            return;
        }
        if (sleeping.remove(microprocess)) {
            arrivals.add(microprocess);
        }
    }

    /**
     * Runs one cycle: first the arrivals join the end of the run queue, then every
     * microprocess in the queue is stepped once, in order, and those that finished
     * are dropped. From stage 6 on, those that paused during their step fall asleep.
     *
     * @return {@code true} while any microprocess is awake (so another cycle has work)
     */
    @Override
    protected boolean step() {
        cycles++;
        wakeThoseAskedFor(); // wake-ups asked for by threads: none before stage 9
        if (policy == Policy.EVENT_DRIVEN) {
            return stepReady(); // stage 10
        }
        // TODO stage 2: move the arrivals to the end of the run queue; step each queued microprocess once with next(), in order, keeping only those that want to run again
        throw new Todo(2);
    }

    /**
     * Runs cycles until no microprocess is awake: all have finished, or the ones left
     * are asleep with nothing to wake them.
     */
    public void run() {
        try {
            while (step() || waitForThreads()) {
                // each call of step() is one cycle
            }
        } finally {
            stopThreads();
        }
        List<Microprocess> asleep = asleep();
        if (!asleep.isEmpty()) {
            List<String> names = asleep.stream().limit(10).map(Microprocess::name).toList();
            System.err.println(name() + ": run ended with " + asleep.size() + " asleep and nothing left to wake them: "
                    + String.join(", ", names) + (asleep.size() > names.size() ? ", ..." : ""));
        }
    }

    /**
     * Runs at most {@code cycles} cycles, fewer if every microprocess finishes.
     *
     * @return {@code true} if microprocesses are still awake (so another cycle has work)
     */
    public boolean runCycles(int cycles) {
        // TODO stage 2: like run(), but stop after the given number of cycles; before the first, anythingAwake() (given) says whether there is work
        throw new Todo(2);
    }

    /**
     * Whether any microprocess is awake: in the run queue or among the arrivals, or, with
     * the event-driven policy of stage 10, ready. Given, so that code written at stage 2
     * stays right when stage 10 adds a policy.
     */
    private boolean anythingAwake() {
        return !runQueue.isEmpty() || !arrivals.isEmpty() || !ready.isEmpty() || !readyNext.isEmpty();
    }

    /** Stage 10, event-driven: the microprocesses ready to be stepped, in order, each at most once. */
    private final ArrayDeque<Microprocess> ready = new ArrayDeque<>();
    /** Stage 10, event-driven: those activated or woken since the current cycle began; they join the next one. */
    private final ArrayDeque<Microprocess> readyNext = new ArrayDeque<>();
    /**
     * Stage 10, event-driven: every microprocess activated here, in order, for listing
     * only. Finished ones are dropped from it now and then, in {@link #forget}.
     */
    private final ArrayList<Microprocess> live = new ArrayList<>();
    private int finishedInLive;

    /** Event-driven: a microprocess just activated is ready, from the next cycle on. */
    private void addReady(Microprocess microprocess) {
        live.add(microprocess);
        readyNext.addLast(microprocess);
    }

    /** Event-driven: the sleepers, found in the list of what was activated here (finished ones may linger there). */
    private List<Microprocess> sleepersInLive() {
        return live.stream().filter(m -> m.isAsleep() && !m.isFinished()).toList();
    }

    /** Event-driven: forgets a finished microprocess (a list kept for listing only, tidied now and then). */
    private void forget(Microprocess finished) {
        finishedInLive++;
        if (finishedInLive > 32 && finishedInLive > live.size() / 2) {
            live.removeIf(Microprocess::isFinished);
            finishedInLive = 0;
        }
    }

    /**
     * Event-driven: a microprocess woken from sleep is ready again, from the next cycle on.
     * {@link Microprocess#wake()} calls this only for one that was asleep, so it is never
     * queued twice.
     */
    private void wakeReady(Microprocess microprocess) {
        // TODO stage 10: the woken microprocess joins the back of readyNext
        throw new Todo(10);
    }

    /**
     * Event-driven: one cycle. Those that became ready since the last cycle join the back
     * of the ready queue; then each microprocess that is in the queue now is stepped once,
     * in order. One that finished runs its finish actions and is forgotten; one that
     * paused falls asleep and leaves the queue, and the scheduler does no work for it:
     * only a wake-up brings it back. The others go to the back of the queue.
     *
     * @return {@code true} while any microprocess is ready
     */
    private boolean stepReady() {
        // TODO stage 10: move readyNext to the back of ready; step each microprocess that is in ready now, once (finished: finishedNow() and forget(it); fell asleep: nothing more; otherwise back of ready); say whether any is ready
        throw new Todo(10);
    }

    /** This scheduler's policy (stage 10). */
    public Policy policy() {
        return policy;
    }

    /** How a scheduler picks which microprocesses to step (stage 10). */
    public enum Policy {
        /**
         * The scheduler of stages 2 to 9: it works in cycles over a run queue, and keeps a
         * set of the microprocesses that sleep.
         */
        ROUND_ROBIN,
        /**
         * Stage 10: the scheduler keeps only a queue of the microprocesses that are ready.
         * Activation, a delivery or a wake-up puts one there; a sleeper costs it nothing.
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

    /**
     * Blocks until a thread asks for a wake-up, then wakes the microprocess it asked for.
     * Uses no processor time while it waits.
     *
     * @throws IllegalStateException if the scheduler's thread is interrupted while it waits
     */
    private void awaitWakeRequest() {
        // TODO stage 9: take() the next wake request from wakeRequests (it blocks until there is one) and wake() that microprocess; if interrupted, keep the interrupt (Thread.currentThread().interrupt()) and throw an IllegalStateException
        throw new Todo(9);
    }

    /** Called by a threaded component, on the scheduler's thread, when it starts its thread. */
    void threadStarted(ThreadedComponent component) {
        threads.add(component);
    }

    /**
     * Called by a threaded component, on the scheduler's thread, when it stops its thread.
     *
     * @return whether it was running
     */
    boolean threadEnded(ThreadedComponent component) {
        return threads.remove(component);
    }

    /** When the run ends early (an exception): stops every thread still running, so none outlives it. */
    private void stopThreads() {
        for (ThreadedComponent component : List.copyOf(threads)) {
            component.stopThread();
        }
    }

    /**
     * How many cycles this scheduler has run (calls of {@link #step()}). Safe to read from
     * any thread: a way to see that a scheduler waiting for its threads is not spinning.
     */
    public long cycles() {
        return cycles;
    }

    /** The microprocesses that have not finished: those awake, in the order they will next be stepped, then those asleep. */
    public List<Microprocess> microprocesses() {
        if (policy == Policy.EVENT_DRIVEN) {
            List<Microprocess> all = new ArrayList<>(ready);
            all.addAll(readyNext);
            all.addAll(sleepersInLive());
            return all;
        }
        List<Microprocess> all = new ArrayList<>(runQueue);
        all.addAll(arrivals);
        all.addAll(sleeping);
        return all;
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
        if (policy == Policy.EVENT_DRIVEN) {
            return sleepersInLive();
        }
        return List.copyOf(sleeping);
    }
}
