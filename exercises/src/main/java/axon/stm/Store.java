package axon.stm;

import axon.Todo;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A store of named, versioned values that components share without locking each other
 * out: a small software transactional memory, like Axon's STM. Version control for
 * variables: check out a copy, change it, commit it; the commit is refused if someone
 * else committed first.
 *
 * <h2>When to use it</h2>
 * Rarely. Components share nothing but messages, and that is why they need no locks.
 * When a few values really must be shared (the forks of dining philosophers, a count
 * that many components update), put them in a store, hand the store to the components
 * that share them, and let each of them work on copies.
 *
 * <h2>Example</h2>
 * <pre>{@code
 * Store store = new Store();
 * Values forks = store.usevars("fork 1", "fork 2");        // copies of both, taken together
 * if (forks.value("fork 1") == null && forks.value("fork 2") == null) {
 *     forks.set("fork 1", "Plato");                           // changes the copies only
 *     forks.set("fork 2", "Plato");
 *     try {
 *         forks.commit();                                     // both, or neither
 *     } catch (ConcurrentUpdate e) {
 *         // someone took a fork since we looked: look again
 *     } catch (BusyRetry e) {
 *         // the store was busy: commit the same copies again later
 *     }
 * }
 * }</pre>
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>Each value has a key and a version. A key that was never committed holds
 *       {@code null} at version 0.</li>
 *   <li>{@link #usevar} and {@link #usevars} return copies: changing a copy changes
 *       nothing in the store. The copies of {@code usevars} are taken at one moment:
 *       no commit falls between them.</li>
 *   <li>A commit of one copy ({@link Value#commit}) or of several
 *       ({@link Values#commit}) succeeds only if, for every one of them, nobody has
 *       committed that value since the copy was taken. Then every value is stored, and
 *       its version, in the store and in the copy, goes up by one.</li>
 *   <li>Otherwise the commit throws {@link ConcurrentUpdate} and changes nothing at all:
 *       several values commit all or nothing. A commit to other values never makes a
 *       copy stale.</li>
 *   <li>Never waits. The store has one lock, and only ever tries it
 *       ({@link Lock#tryLock()}): when another thread holds it, every method throws
 *       {@link BusyRetry} at once, having read and changed nothing, and the caller makes
 *       the same call again later, with the same copies. So a cooperative component may
 *       use a store: it never blocks the scheduler's thread.</li>
 *   <li>Thread-safe: cooperative components and threaded ones may share one store.</li>
 *   <li>The store keeps the objects it is given: store immutable values.</li>
 * </ul>
 * It is not a component: it has no boxes and is never scheduled. It is an object that
 * the components sharing it are given, like the queues under a threaded component's
 * boxes.
 */
public final class Store {
    /** What the store holds under a key: the value last committed, and how many commits made it. */
    private record Stored(Object value, long version) {
        static final Stored NEVER_COMMITTED = new Stored(null, 0);
    }

    /** The only lock of the store: tried, never waited for. It guards {@code stored}. */
    private final Lock lock;
    private final Map<String, Stored> stored = new HashMap<>();

    /** An empty store. */
    public Store() {
        this(new ReentrantLock());
    }

    /**
     * An empty store that takes turns on the given lock. The store only ever calls its
     * {@code tryLock()} and {@code unlock()}: whoever else holds the lock makes the store
     * busy. Useful to watch the store at work in a test, or to make two stores busy
     * together.
     */
    public Store(Lock lock) {
        this.lock = Objects.requireNonNull(lock, "lock");
    }

    /**
     * A copy of one value, to change and commit.
     *
     * @throws BusyRetry if the store is busy; nothing was read: call again
     */
    public Value usevar(String key) {
        return usevars(key).get(key);
    }

    /**
     * Copies of several values, taken at one moment, to change and commit together.
     *
     * @throws BusyRetry if the store is busy; nothing was read: call again
     * @throws IllegalArgumentException if no key is given, or a key is given twice
     */
    public Values usevars(String... keys) {
        List<String> names = distinct(keys);
        // TODO stage 13: holding the lock (lockOrBusy(), and unlock() in a finally), copy each key's stored value and version into a new Value(this, key, value, version); return new Values(this, copies)
        throw new Todo(13);
    }

    /**
     * Commits copies of this store's values, all or nothing (see the class comment):
     * called by {@link Value#commit()} and {@link Values#commit()}.
     *
     * @throws ConcurrentUpdate if any copy is stale; nothing was changed
     * @throws BusyRetry if the store is busy; nothing was changed
     */
    void commit(Collection<Value> copies) {
        // TODO stage 13: holding the lock, FIRST check every copy (its version must be the stored one, else throw new ConcurrentUpdate(key, copy's version, stored version)), THEN store every copy as version + 1 and tell the copy (copy.committedAs(...))
        throw new Todo(13);
    }

    /**
     * Takes the store's lock if no other thread holds it; never waits for it.
     *
     * @throws BusyRetry if another thread holds the lock
     */
    private void lockOrBusy() {
        // TODO stage 13: try the lock (lock.tryLock(), which never waits; not the timed tryLock(time, unit), which does); if another thread holds it, throw new BusyRetry()
        throw new Todo(13);
    }

    /** What the store holds under a key. Call it holding the lock. */
    private Stored storedUnder(String key) {
        return stored.getOrDefault(key, Stored.NEVER_COMMITTED);
    }

    /** The keys, checked: at least one, none null, none twice. */
    private static List<String> distinct(String... keys) {
        if (keys.length == 0) {
            throw new IllegalArgumentException("usevars() needs the keys of the values to check out, such as"
                    + " usevars(\"fork 1\", \"fork 2\")");
        }
        Set<String> names = new LinkedHashSet<>();
        for (String key : keys) {
            Objects.requireNonNull(key, "a key is null: every value in a store has a name");
            if (!names.add(key)) {
                throw new IllegalArgumentException("\"" + key + "\" is named twice in usevars(" + String.join(", ",
                        keys) + "): name each value once");
            }
        }
        return List.copyOf(names);
    }
}
