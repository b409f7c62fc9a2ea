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

    private WaitedInVain(String message, BusyThreads.Finding busy) {
        super(message);
        this.busy = busy;
    }

    /** The failure to throw after waiting in vain: "the server sent no line within 5000 ms", with what looped. */
    public static WaitedInVain of(String message) {
        return new WaitedInVain(message, BusyThreads.besides(Thread.currentThread()).orElse(null));
    }

    /** The same failure, with more said after its message. */
    public WaitedInVain saying(String more) {
        WaitedInVain longer = new WaitedInVain(getMessage() + more, busy);
        longer.initCause(this);
        return longer;
    }

    /** A thread found busy or asleep in the learner's code when the wait ended, if one was. */
    Optional<BusyThreads.Finding> busy() {
        return Optional.ofNullable(busy);
    }
}
