package axon.stm;

/**
 * Thrown by a commit when someone else committed one of its values after the copy was
 * taken: the copy is stale, and the commit changed nothing.
 *
 * <p>What to do: check out fresh copies ({@link Store#usevar} or {@link Store#usevars}),
 * look at them again, and redo the change. The work done on the stale copy was done
 * on out-of-date values, so it cannot simply be committed again. Like a version-control
 * system refusing a push because someone pushed first.
 */
public final class ConcurrentUpdate extends RuntimeException {
    private final String key;

    /**
     * @param key           the value whose copy is stale
     * @param copyVersion   the version the copy was taken at
     * @param storedVersion the version the store holds now
     */
    public ConcurrentUpdate(String key, long copyVersion, long storedVersion) {
        super("\"" + key + "\" was committed by someone else since your copy was taken (your copy is version "
                + copyVersion + ", the store holds version " + storedVersion + "), so nothing was committed: check"
                + " out fresh copies and make your change again");
        this.key = key;
    }

    /** The value whose copy was stale. */
    public String key() {
        return key;
    }
}
