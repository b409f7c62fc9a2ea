package grading.support;

import java.util.Optional;
import org.opentest4j.AssertionFailedError;

/**
 * A test waited in vain for something (a line from a server, a connection to close), and
 * this is what another thread was doing in the learner's code right then: a step that
 * loops where it should return stops looping when the test's client goes away, so it must
 * be looked at before the test lets go of what it holds. {@link Grading} names it.
 */
public final class WaitedInVain extends AssertionFailedError {
    private static final long serialVersionUID = 1L;

    private final transient BusyThreads.Finding busy;
    private final String awaited;

    private WaitedInVain(String message, BusyThreads.Finding busy, String awaited) {
        super(message);
        this.busy = busy;
        this.awaited = awaited;
    }

    /** The failure to throw after waiting in vain: "the server sent no line within 5000 ms", with what looped. */
    public static WaitedInVain of(String message) {
        return of(message, "the server");
    }

    /**
     * The failure to throw after waiting in vain for {@code awaited} ("the store", what the
     * board says the stage's other tests would wait for too), with what looped.
     */
    public static WaitedInVain of(String message, String awaited) {
        return new WaitedInVain(message, BusyThreads.besides(Thread.currentThread()).orElse(null), awaited);
    }

    /**
     * A failure that carries its own hint ({@link HintedFailure}), thrown after waiting in
     * vain (for a server to end, say): the board shows its message and hint, and the other
     * tests of the stage, which would wait as long, do not run.
     */
    public static WaitedInVain of(HintedFailure said) {
        WaitedInVain waited = new WaitedInVain(said.getMessage(), BusyThreads.besides(Thread.currentThread())
                .orElse(null), "the server");
        waited.initCause(said);
        return waited;
    }

    /**
     * The same wait, told as {@code said} (with its own hint, often another test's), keeping
     * what looped meanwhile.
     */
    public WaitedInVain as(HintedFailure said) {
        WaitedInVain told = new WaitedInVain(said.getMessage(), busy, awaited);
        said.initCause(this);
        told.initCause(said);
        return told;
    }

    /** The same failure, with more said after its message. */
    public WaitedInVain saying(String more) {
        WaitedInVain longer = new WaitedInVain(getMessage() + more, busy, awaited);
        longer.initCause(this);
        return longer;
    }

    /** What the test waited for: "the server". */
    String awaited() {
        return awaited;
    }

    /** The failure of waiting in vain that {@code thrown} is or was caused by (on a component's thread, say). */
    static Optional<WaitedInVain> in(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof WaitedInVain waited) {
                return Optional.of(waited);
            }
        }
        return Optional.empty();
    }

    /** A thread found busy or asleep in the learner's code when the wait ended, if one was. */
    Optional<BusyThreads.Finding> busy() {
        return Optional.ofNullable(busy);
    }
}
