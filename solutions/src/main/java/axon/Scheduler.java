package axon;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
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
 * Not thread-safe: run it on one thread. Only {@link #wakeFromThread} and
 * {@link #cycles()} may be called from other threads.
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
    /** Wake-ups asked for by other threads: the scheduler's own thread wakes these at the start of a cycle. */
    private final LinkedBlockingQueue<Microprocess> wakeRequests = new LinkedBlockingQueue<>();
    /** The threaded components whose thread has started and that have not finished. */
    private final Set<ThreadedComponent> threads = new LinkedHashSet<>();
    /** How many cycles have run; written by the scheduler's thread only. */
    private volatile long cycles;

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
        cycles++;
        wakeThoseAskedFor(); // wake-ups asked for by threads: none before stage 9
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
        // tag::run-threads[]
        try {
            while (step() || waitForThreads()) {
                // each call of step() is one cycle
            }
        } finally {
            stopThreads();
        }
        // end::run-threads[]
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
        // >>> stage 9: take() the next wake request from wakeRequests (it blocks until there is one) and wake() that microprocess; if interrupted, keep the interrupt (Thread.currentThread().interrupt()) and throw an IllegalStateException
        // tag::answer-await[]
        try {
            wakeRequests.take().wake();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(name() + " was interrupted while it waited for its threads", e);
        }
        // end::answer-await[]
        // <<< stage 9
    }
    // end::await[]

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
