package examples.components;

import axon.Inbox;
import axon.Outbox;
import axon.ThreadedComponent;
import axon.stm.BusyRetry;
import axon.stm.ConcurrentUpdate;
import axon.stm.Store;
import axon.stm.Values;
import java.time.Duration;

/**
 * A dining philosopher on a thread of its own: the same philosopher as
 * {@link Philosopher}, written as straight-line code. It may sit at the same table, and
 * share the same {@link Store}, as cooperative philosophers.
 *
 * <p>Being threaded, it may wait: a moment to think, a moment to eat, a moment before it
 * looks at the forks again when one is in use. A busy store ({@link BusyRetry}) is
 * retried at once with the same copies, after letting other threads run. It says what
 * it does out of {@code outbox}, in the same words as {@link Philosopher}, and ends as
 * it does, except that a shutdown message makes it leave the table after the meal in
 * progress.
 */
@Inbox(name = "inbox", doc = "Not used: philosophers share nothing but the forks in the store")
@Outbox(name = "outbox", doc = "What the philosopher does, as lines of text: each meal, and each time the forks go back")
public final class ThreadedPhilosopher extends ThreadedComponent {
    /** How long thinking, eating, and waiting for a fork in use take. */
    private static final Duration A_MOMENT = Duration.ofMillis(1);
    /** How long a line may wait for room in the outbox's queue: never, in a running system. */
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final String name;
    private final Store store;
    private final String left;
    private final String right;
    private final int meals;

    /** Like {@link Philosopher#Philosopher(String, Store, String, String, int)}. */
    public ThreadedPhilosopher(String name, Store store, String left, String right, int meals) {
        this.name = name;
        this.store = store;
        this.left = left;
        this.right = right;
        this.meals = meals;
    }

    /** The philosopher's name, such as {@code Kant}. */
    @Override
    public String name() {
        return name;
    }

    @Override
    protected void body() throws InterruptedException {
        for (int meal = 1; meal <= meals && !shutdownRequested(); meal++) {
            pause(A_MOMENT);                                   // thinks
            takeForks();
            send(name + " eats with " + left + " and " + right + " (meal " + meal + " of " + meals + ")", "outbox",
                    PATIENCE);
            pause(A_MOMENT);                                   // eats
            putDownForks();
            send(name + " puts down " + left + " and " + right, "outbox", PATIENCE);
        }
        passShutdownOn();
    }

    /** Returns once both forks are this philosopher's in the store. */
    private void takeForks() throws InterruptedException {
        while (true) {
            Values forks = lookAtForks();
            if (forks.value(left) == null && forks.value(right) == null) {
                forks.set(left, name);
                forks.set(right, name);
                try {
                    commit(forks);
                    return;
                } catch (ConcurrentUpdate e) {
                    // a neighbour was quicker: look again
                }
            }
            pause(A_MOMENT);                                   // a fork is in use: look again in a moment
        }
    }

    /** Puts both forks back on the table. Forks that no longer carry this philosopher's name are an error. */
    private void putDownForks() {
        Values forks = lookAtForks();
        if (!name.equals(forks.value(left)) || !name.equals(forks.value(right))) {
            throw new IllegalStateException(name + " was eating with " + left + " and " + right + ", but someone else"
                    + " changed them meanwhile (" + forks + "): a philosopher took a fork that was not free");
        }
        forks.set(left, null);
        forks.set(right, null);
        commit(forks);                                         // no one else commits forks we hold
    }

    /** Copies of both forks, asking again while the store is busy. */
    private Values lookAtForks() {
        while (true) {
            try {
                return store.usevars(left, right);
            } catch (BusyRetry e) {
                Thread.yield();                                // let the thread that has the store finish
            }
        }
    }

    /** Commits the copies, again and again while the store is busy: the copies stay good. */
    private void commit(Values forks) {
        while (true) {
            try {
                forks.commit();
                return;
            } catch (BusyRetry e) {
                Thread.yield();
            }
        }
    }
}
