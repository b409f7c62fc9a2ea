package axon.stm;

/**
 * Thrown by a {@link Store} that is busy: another thread is reading or committing at this
 * very moment. Nothing was read and nothing was changed.
 *
 * <p>What to do: make the same call again, with the same copies; there is no need to
 * redo any work, since nothing went wrong with it. A cooperative component returns from
 * its step and tries again at its next one; a thread may try again at once (after
 * {@link Thread#yield()}, to let the other thread finish). The store answers this
 * instead of waiting for its lock, so that a cooperative component never blocks the
 * scheduler's thread.
 */
public final class BusyRetry extends RuntimeException {
    /** The store is busy. */
    public BusyRetry() {
        super("the store is busy: another thread is using it right now, so nothing was read or changed. Make the"
                + " same call again, with the same copies (a cooperative component at its next step)");
    }
}
