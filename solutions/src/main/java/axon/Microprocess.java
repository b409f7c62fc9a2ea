package axon;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A microprocess: a unit of work that runs one small slice at a time.
 *
 * <h2>What it is</h2>
 * Python's Axon builds microprocesses from generators: a function that can stop part
 * way through ({@code yield}) and carry on later from the same place. Java has no
 * generators, so a Java microprocess is written by hand the way a compiler would
 * write a generator: every local variable that must survive a pause becomes a field,
 * and a field records where to carry on. Each call of {@link #step()} does one slice
 * of work and returns whether it wants to run again.
 *
 * <h2>Example</h2>
 * <pre>{@code
 * Scheduler scheduler = new Scheduler();
 * Microprocess greeter = new Greeter(List.of("Ada", "Alan"), System.out::println);
 * greeter.activate(scheduler);      // construction and activation are separate steps
 * while (greeter.next()) { }        // the scheduler normally does this
 * }</pre>
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>Constructing a microprocess does no work: {@code step()} is first called by
 *       {@link #next()}.</li>
 *   <li>A microprocess is activated once, on one scheduler; {@link #next()} before
 *       activation is an error.</li>
 *   <li>{@link #next()} calls {@code step()} exactly once, unless the microprocess has
 *       finished. It finishes when {@code step()} returns {@code false} or throws;
 *       after that {@code next()} returns {@code false} and never calls
 *       {@code step()} again.</li>
 * </ul>
 *
 * <h2>Sleeping (stage 6)</h2>
 * A microprocess with nothing to do calls {@link #pause()} during its step. After that
 * step the scheduler stops stepping it, until something calls {@link #wake()}: a message
 * delivered to one of its inboxes, or the end of a child it watches. A wake-up that
 * comes after {@code pause()} but before the step ends cancels the pause, so no wake-up
 * is ever lost.
 *
 * A microprocess is not thread-safe: one scheduler thread steps it.
 */
public abstract class Microprocess {
    private static final AtomicInteger lastId = new AtomicInteger();

    // tag::fields[]
    /** This microprocess's number, which makes its {@link #name()}. */
    private final int id;
    private Scheduler scheduler;
    private boolean finished;
    // end::fields[]
    // tag::sleep-fields[]
    /** Where this microprocess is in falling asleep and waking up. */
    private Sleep sleep = Sleep.AWAKE;
    /** Made at the first {@link #whenFinished}: most microprocesses never need one. */
    private List<Runnable> finishActions;

    /** Awake; paused during this step (and not woken since); or asleep, out of the run queue. */
    enum Sleep { AWAKE, PAUSING, ASLEEP }
    // end::sleep-fields[]

    /** Creates a microprocess named after its class and a number, such as {@code Greeter#3}. */
    protected Microprocess() {
        this.id = lastId.incrementAndGet();
    }

    // tag::step[]
    /**
     * Does one slice of work. Keep it short: nothing else runs until it returns.
     *
     * @return {@code true} to be stepped again, {@code false} when finished
     */
    protected abstract boolean step();
    // end::step[]

    /**
     * The name used in messages and error reports, such as {@code Greeter#3}: the class and
     * the number. It is made when asked for, so a microprocess does not carry a string.
     */
    public String name() {
        String simpleName = getClass().getSimpleName();
        return (simpleName.isEmpty() ? "Microprocess" : simpleName) + "#" + id;
    }

    // tag::activate[]
    /**
     * Hands this microprocess to a scheduler, which will step it from its next cycle on.
     *
     * @return this microprocess
     * @throws IllegalStateException if it was activated before
     */
    public Microprocess activate(Scheduler scheduler) {
        // >>> stage 1 activate: remember the scheduler and hand this microprocess to it with scheduler.add(this); refuse a second activation
        Objects.requireNonNull(scheduler, "scheduler");
        if (this.scheduler != null) {
            throw new IllegalStateException(name() + " is already active on " + this.scheduler.name()
                    + ": a microprocess is activated once");
        }
        this.scheduler = scheduler;
        scheduler.add(this);
        return this;
        // <<< stage 1
    }
    // end::activate[]

    // tag::next[]
    /**
     * Runs one slice of work by calling {@link #step()}, unless the microprocess has
     * finished.
     *
     * @return {@code true} if it wants to run again, {@code false} once it has finished
     * @throws IllegalStateException if it has not been activated
     */
    public final boolean next() {
        Trace.step(this); // when a trace is on (see Trace)
        // >>> stage 1 next: refuse if not activated; if finished return false; otherwise call step() once and remember when it finishes (returns false or throws)
        if (scheduler == null) {
            throw new IllegalStateException(name() + " has not been activated: call activate(scheduler) before next()");
        }
        if (finished) {
            return false;
        }
        boolean again = false;
        try {
            again = step();
        } finally {
            finished = !again;
        }
        return again;
        // <<< stage 1
    }
    // end::next[]

    // tag::sleeping[]
    /**
     * Asks not to be stepped again until woken. Call it during a step, when there is
     * nothing to do: the pause takes effect when the step returns.
     */
    protected final void pause() {
        // >>> stage 6 pause: remember that this microprocess paused during this step (if it is awake)
        if (sleep == Sleep.AWAKE) {
            sleep = Sleep.PAUSING;
        }
        // <<< stage 6
    }

    /**
     * Wakes this microprocess: if it is asleep, its scheduler steps it again from the
     * next cycle on; if it paused during the current step, the pause is cancelled. Does
     * nothing if it is awake or finished.
     */
    public final void wake() {
        // >>> stage 6 wake: cancel a pause; if asleep, become awake and hand this microprocess back with scheduler.wake(this)
        if (finished) {
            return;
        }
        if (sleep == Sleep.ASLEEP) {
            sleep = Sleep.AWAKE;
            scheduler.wake(this);
        } else {
            sleep = Sleep.AWAKE;
        }
        // <<< stage 6
    }

    /**
     * Called by the scheduler after each step that did not finish: if the microprocess
     * paused and was not woken since, it is now asleep.
     *
     * @return whether it fell asleep
     */
    boolean fallAsleep() {
        // >>> stage 6 fall-asleep: a microprocess that paused (and was not woken) is now asleep: return true; otherwise false
        if (sleep == Sleep.PAUSING) {
            sleep = Sleep.ASLEEP;
            return true;
        }
        return false;
        // <<< stage 6
    }
    // end::sleeping[]

    /** Whether this microprocess has paused and not been woken since. */
    public final boolean isPaused() {
        return sleep != Sleep.AWAKE;
    }

    /** Whether this microprocess is asleep: it paused, its step ended, and nothing has woken it since. */
    final boolean isAsleep() {
        return sleep == Sleep.ASLEEP;
    }

    // tag::finish-actions[]
    /** Registers something to run when this microprocess finishes, such as waking its parent. */
    public final void whenFinished(Runnable action) {
        if (finishActions == null) {
            finishActions = new ArrayList<>(1);
        }
        finishActions.add(action);
    }

    /** Called by the scheduler when this microprocess has finished: runs the actions registered with {@link #whenFinished}. */
    void finishedNow() {
        if (finishActions == null) {
            return;
        }
        for (Runnable action : List.copyOf(finishActions)) {
            action.run();
        }
    }
    // end::finish-actions[]

    /** Whether {@code step()} has returned {@code false} or thrown. */
    public final boolean isFinished() {
        return finished;
    }

    /** The scheduler this microprocess was activated on, or {@code null} before activation. */
    public final Scheduler scheduler() {
        return scheduler;
    }

    @Override
    public String toString() {
        return name();
    }
}
