package axon.stm;

import java.util.List;

/**
 * A copy of one value of a {@link Store}, checked out with {@link Store#usevar}: its
 * key, the value, and the version of the store's value it was copied from.
 *
 * <pre>{@code
 * Value hits = store.usevar("hits");
 * hits.set(hits.value() == null ? 1 : (Integer) hits.value() + 1);   // changes the copy only
 * hits.commit();                                                    // now the store
 * }</pre>
 *
 * <p>{@link #set} changes the copy, never the store. {@link #commit} makes the copy the
 * store's value, if nobody has committed that value since the copy was taken; the copy
 * then moves on to the new version, so it can be changed and committed again.
 *
 * <p>A copy belongs to whoever checked it out: it is not thread-safe. Values themselves
 * should be immutable (a {@code String}, a number, a record of immutable fields, a
 * {@code List.copyOf(...)}): the store keeps the object it is given, it does not copy it.
 */
public final class Value {
    private final Store store;
    private final String key;
    private Object value;
    private long version;

    Value(Store store, String key, Object value, long version) {
        this.store = store;
        this.key = key;
        this.value = value;
        this.version = version;
    }

    /** The name of the value in its store. */
    public String key() {
        return key;
    }

    /** The copy's value: as it was in the store when the copy was taken, or as {@link #set} last changed it. */
    public Object value() {
        return value;
    }

    /**
     * The version of the store's value this copy was taken at (0 for a value never
     * committed), or the version its last successful commit made.
     */
    public long version() {
        return version;
    }

    /** Changes the copy. The store does not change until {@link #commit()}. */
    public void set(Object value) {
        this.value = value;
    }

    /**
     * Makes this copy the store's value, unless someone else committed it since the copy
     * was taken. On success the store's version, and this copy's, go up by one.
     *
     * @throws ConcurrentUpdate if the copy is stale; nothing was changed: check out a
     *         fresh copy and redo the change
     * @throws BusyRetry if the store is busy; nothing was changed: commit this same copy
     *         again, later
     */
    public void commit() {
        store.commit(List.of(this));
    }

    /** Called by the store when it has committed this copy as {@code version}. */
    void committedAs(long version) {
        this.version = version;
    }

    /** Such as {@code fork 1 = Plato (version 3)}. */
    @Override
    public String toString() {
        return key + " = " + value + " (version " + version + ")";
    }
}
