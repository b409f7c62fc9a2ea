package axon.stm;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Copies of several values of a {@link Store}, checked out together with
 * {@link Store#usevars} and committed together: all of them, or none.
 *
 * <pre>{@code
 * Values forks = store.usevars("fork 1", "fork 2");
 * if (forks.value("fork 1") == null && forks.value("fork 2") == null) {   // both on the table
 *     forks.set("fork 1", "Plato");
 *     forks.set("fork 2", "Plato");
 *     forks.commit();                    // both are Plato's now, or ConcurrentUpdate and neither is
 * }
 * }</pre>
 *
 * <p>Like a {@link Value}, it belongs to whoever checked it out and is not thread-safe.
 */
public final class Values {
    private final Store store;
    private final Map<String, Value> copies = new LinkedHashMap<>();

    Values(Store store, List<Value> copies) {
        this.store = store;
        copies.forEach(copy -> this.copies.put(copy.key(), copy));
    }

    /**
     * The copy of one of the values.
     *
     * @throws IllegalArgumentException if {@code key} was not checked out with the others
     */
    public Value get(String key) {
        Value copy = copies.get(key);
        if (copy == null) {
            throw new IllegalArgumentException("\"" + key + "\" is not among the values checked out together here ("
                    + String.join(", ", keys()) + "): name every value you need in one call of store.usevars(...)");
        }
        return copy;
    }

    /** The value of one copy; the same as {@code get(key).value()}. */
    public Object value(String key) {
        return get(key).value();
    }

    /** Changes one copy; the same as {@code get(key).set(value)}. The store does not change until {@link #commit()}. */
    public void set(String key, Object value) {
        get(key).set(value);
    }

    /** The keys, in the order they were checked out. */
    public Set<String> keys() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(copies.keySet()));
    }

    /**
     * Commits every copy, or none: if any of them is stale, nothing is changed. On
     * success each value's version, in the store and in its copy, goes up by one.
     *
     * @throws ConcurrentUpdate if any copy is stale; nothing was changed: check out fresh
     *         copies and redo the change
     * @throws BusyRetry if the store is busy; nothing was changed: commit these same
     *         copies again, later
     */
    public void commit() {
        store.commit(List.copyOf(copies.values()));
    }

    /** Such as {@code [fork 1 = null (version 0), fork 2 = Plato (version 3)]}. */
    @Override
    public String toString() {
        return copies.values().stream().map(Value::toString).collect(Collectors.joining(", ", "[", "]"));
    }
}
