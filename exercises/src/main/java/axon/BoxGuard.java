package axon;

/**
 * Keeps boxes on the scheduler's thread. A {@link Box} is not thread-safe: only the
 * thread that runs its scheduler may use it. From stage 9 on, some components run work
 * on a thread of their own; such a thread must reach its component's boxes through
 * thread-safe queues, and one that touches a box directly would race with the
 * scheduler, losing or repeating messages now and then. The guard turns that into an
 * error that says so, every time.
 *
 * It knows nothing of how those threads are made: a component that runs work on its own
 * thread calls {@link #enterThread} there first and {@link #leaveThread} at the end, and
 * from then on every box operation on that thread is refused.
 */
final class BoxGuard {
    /** The microprocess whose own work runs on the current thread, if any. */
    private static final ThreadLocal<Microprocess> OWNER = new ThreadLocal<>();

    private BoxGuard() {
    }

    /** Called on a microprocess's own thread, before its work runs there. */
    static void enterThread(Microprocess owner) {
        OWNER.set(owner);
    }

    /** Called on a microprocess's own thread, after its work there has ended. */
    static void leaveThread() {
        OWNER.remove();
    }

    /**
     * Called by every {@link Box} operation.
     *
     * @throws IllegalStateException if the current thread runs a microprocess's own work
     */
    static void refuseOffSchedulerThread(Box box) {
        if (Thread.currentThread().isVirtual()) { // such threads are virtual: a quick test first
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
