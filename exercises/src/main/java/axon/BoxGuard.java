package axon;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keeps boxes on the scheduler's thread. A {@link Box} is not thread-safe: only the
 * thread that runs its scheduler may use it. From stage 9 on, some components run work
 * on a thread of their own; such a thread must reach its component's boxes through
 * thread-safe queues, and one that touches a box directly would race with the
 * scheduler, losing or repeating messages now and then. The guard turns that into an
 * error that says so, every time.
 *
 * It knows nothing of how those threads are made (virtual or platform, by whom): a
 * component that runs work on its own thread calls {@link #enterThread} there first and
 * {@link #leaveThread} at the end, and from then on every box operation on that thread is
 * refused. While no such thread runs, a box operation costs the guard one read.
 */
final class BoxGuard {
    /** The microprocess whose own work runs on the current thread, if any. */
    private static final ThreadLocal<Microprocess> OWNER = new ThreadLocal<>();
    /** How many threads run a microprocess's own work now: while none does, no box operation needs a closer look. */
    private static final AtomicInteger threadsInside = new AtomicInteger();

    private BoxGuard() {
    }

    /** Called on a microprocess's own thread, before its work runs there. */
    static void enterThread(Microprocess owner) {
        threadsInside.incrementAndGet();
        OWNER.set(owner);
    }

    /** Called on a microprocess's own thread, after its work there has ended. */
    static void leaveThread() {
        OWNER.remove();
        threadsInside.decrementAndGet();
    }

    /**
     * Called by every {@link Box} operation.
     *
     * @throws IllegalStateException if the current thread runs a microprocess's own work
     */
    static void refuseOffSchedulerThread(Box box) {
        if (threadsInside.get() > 0) { // one read while no such thread runs
            Microprocess owner = OWNER.get();
            if (owner != null) {
                throw new IllegalStateException(owner.name() + "'s thread used " + box.kind() + " " + box
                        + " directly: a Box belongs to the scheduler's thread and is not safe between threads."
                        + " Inside body(), go through the thread's own queues, as dataReady, recv and send of"
                        + " ThreadedComponent do");
            }
        }
    }
}
