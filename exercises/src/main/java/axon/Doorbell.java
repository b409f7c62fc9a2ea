package axon;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A doorbell with a memory, between two threads: one rings it, the other waits for it
 * to ring. A {@link ThreadedComponent}'s proxy rings it after moving messages in; the
 * body waits for it in {@code pause(timeout)}.
 *
 * <h2>Example</h2>
 * <pre>{@code
 * // the thread that waits                   // the thread that rings
 * if (queue.isEmpty()) {                     queue.add(message);
 *     bell.waitForRing(timeout);             bell.ring();
 * }
 * }</pre>
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>{@link #waitForRing} returns once the bell has rung since the last wait ended,
 *       or once the timeout has passed, whichever comes first.</li>
 *   <li>A ring is remembered until a wait takes it: a ring that comes while nobody waits
 *       ends the next wait at once. So a thread that checks for work and then waits
 *       never sleeps through work that came between the check and the wait (the "lost
 *       wake-up"). Rings do not add up: one wait takes all the rings that came before it.</li>
 *   <li>Thread-safe; {@code ring} never blocks. The lock is a {@link ReentrantLock}, not
 *       {@code synchronized}, so that a virtual thread waiting here does not hold on to its
 *       carrier thread on Java 21.</li>
 * </ul>
 */
final class Doorbell {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition rung = lock.newCondition();
    /** Whether the bell has rung since the last wait ended. Guarded by {@code lock}. */
    private boolean rang;

    /** Rings: ends the wait in progress, if there is one, or else the next wait, at once. */
    void ring() {
        // TODO stage 9: holding the lock, remember that it rang (rang = true) and wake every thread waiting on the condition (signalAll)
        throw new Todo(9);
    }

    /**
     * Waits until the bell has rung since the last wait ended, or until {@code timeout}
     * has passed; returns at once if it rang in between. Takes the ring: the next wait
     * waits for the next ring.
     *
     * @throws InterruptedException if the thread was interrupted while it waited
     */
    void waitForRing(Duration timeout) throws InterruptedException {
        // TODO stage 9: holding the lock, await the condition (nanos = rung.awaitNanos(nanos)) while it has not rung and time is left; then take the ring (rang = false)
        throw new Todo(9);
    }
}
