package examples.components;

import axon.Component;
import axon.Inbox;
import axon.Outbox;
import axon.Todo;
import axon.stm.BusyRetry;
import axon.stm.ConcurrentUpdate;
import axon.stm.Store;
import axon.stm.Values;

/**
 * A dining philosopher, as a cooperative component: thinks, picks up the forks on
 * either side, eats, puts them down, and does it again until every meal is eaten.
 *
 * <p>The forks live in a {@link Store} shared by everyone at the table: a fork's value
 * is the name of the philosopher holding it, or {@code null} while it lies on the table.
 * Taking both forks is one transaction over two values, so a philosopher holds both or
 * neither, and two philosophers never hold the same fork.
 *
 * <p>Each step does one thing, so the others get their turns in between: a step of
 * thought, a step to look at the forks and reach for them, a step to take them (the
 * commit, which fails if a neighbour was quicker), a step of eating, a step to put them
 * down. Being cooperative, it never waits: a busy store ({@link BusyRetry}) means "try
 * again at the next step". It says what it does out of {@code outbox}, one line per
 * meal and one each time it puts the forks down, such as
 * {@code Kant eats with fork 2 and fork 3 (meal 1 of 2)} and
 * {@code Kant puts down fork 2 and fork 3}.
 *
 * <p>Once every meal is eaten it sends {@link axon.Ipc.ProducerFinished} out of
 * {@code signal} and ends. A shutdown message on {@code control} makes it leave the table
 * when it next thinks (never holding a fork), and is passed on.
 */
@Inbox(name = "inbox", doc = "Not used: philosophers share nothing but the forks in the store")
@Outbox(name = "outbox", doc = "What the philosopher does, as lines of text: each meal, and each time the forks go back")
public final class Philosopher extends Component {
    private enum Doing { THINKING, TAKING_FORKS, EATING, PUTTING_DOWN_FORKS }

    private final String name;
    private final Store store;
    private final String left;
    private final String right;
    private final int meals;
    private Doing doing = Doing.THINKING;
    /** Copies of both forks, while reaching for them or putting them down; null otherwise. */
    private Values forks;
    private int eaten;

    /**
     * A philosopher called {@code name} (names must differ: a fork holds its holder's
     * name), who eats {@code meals} meals with the forks stored under {@code left} and
     * {@code right}.
     */
    public Philosopher(String name, Store store, String left, String right, int meals) {
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
    protected boolean step() {
        switch (doing) {
            case THINKING -> {
                if (eaten == meals || shutdownRequested()) {
                    passShutdownOn();
                    return false;
                }
                doing = Doing.TAKING_FORKS;
            }
            case TAKING_FORKS -> {
                if (takeForks()) {
                    eaten++;
                    send(name + " eats with " + left + " and " + right + " (meal " + eaten + " of " + meals + ")",
                            "outbox");
                    doing = Doing.EATING;
                }
            }
            case EATING -> doing = Doing.PUTTING_DOWN_FORKS;
            case PUTTING_DOWN_FORKS -> {
                if (putDownForks()) {
                    send(name + " puts down " + left + " and " + right, "outbox");
                    doing = Doing.THINKING;
                }
            }
        }
        return true;
    }

    /**
     * One step of taking both forks; true once both are this philosopher's in the store.
     * With no copies yet, it looks at both forks and, if both lie on the table, reaches
     * for them: it sets both copies to its name and keeps them. At the next step it
     * commits them. If a neighbour took a fork in between, it looks again; if the store
     * is busy, it tries the same thing again at the next step.
     */
    private boolean takeForks() {
        // TODO stage 13: no copies yet (forks == null): check out both forks, and if both are free (null) set both copies to your name and keep them in forks; return false. Copies kept: commit them, drop them (forks = null: putting down starts afresh) and return true. On ConcurrentUpdate drop the copies (look again next step); on BusyRetry keep everything as it is (try again next step)
        throw new Todo(13);
    }

    /**
     * One step of putting both forks back on the table; true once they are there. Forks
     * that no longer carry this philosopher's name mean that someone took a fork that
     * was not free: an error, not something to carry on from.
     */
    private boolean putDownForks() {
        try {
            if (forks == null) {
                Values held = store.usevars(left, right);
                if (!name.equals(held.value(left)) || !name.equals(held.value(right))) {
                    throw takenWhileHeld(held.toString());
                }
                held.set(left, null);
                held.set(right, null);
                forks = held;
            }
            forks.commit();
            forks = null;
            return true;
        } catch (BusyRetry e) {
            return false;                     // keep the copies, if any: commit them again next step
        } catch (ConcurrentUpdate e) {
            throw takenWhileHeld(e.getMessage());
        }
    }

    private IllegalStateException takenWhileHeld(String what) {
        return new IllegalStateException(name + " was eating with " + left + " and " + right + ", but someone else"
                + " changed them meanwhile (" + what + "): a philosopher took a fork that was not free");
    }
}
