package axon;

/**
 * Keeps boxes on the scheduler's thread. A {@link Box} is not thread-safe: only the
 * thread that runs its scheduler may use it. A {@link ThreadedComponent}'s body runs on a
 * thread of its own and must reach its boxes through the thread's queues; a body that
 * touches a box directly would race with the scheduler, losing or repeating messages now
 * and then. The guard turns that into an error that says so, every time.
 */
final class BoxGuard {
    /** The threaded component whose body runs on the current thread, if any. */
    private static final ThreadLocal<ThreadedComponent> BODY = new ThreadLocal<>();

    private BoxGuard() {
    }

    /** Called on a threaded component's own thread, before its body runs. */
    static void enterBody(ThreadedComponent component) {
        BODY.set(component);
    }

    /** Called on a threaded component's own thread, after its body has ended. */
    static void leaveBody() {
        BODY.remove();
    }

    /**
     * Called by every {@link Box} operation.
     *
     * @throws IllegalStateException if the current thread runs a threaded component's body
     */
    static void refuseInsideBody(Box box) {
        if (Thread.currentThread().isVirtual()) { // bodies run on virtual threads: a quick test first
            ThreadedComponent body = BODY.get();
            if (body != null) {
                throw new IllegalStateException(body.name() + "'s thread used " + box.kind() + " " + box
                        + " directly: a Box belongs to the scheduler's thread and is not safe between threads."
                        + " Inside body(), go through the thread's own queues, as dataReady, recv and send of"
                        + " ThreadedComponent do");
            }
        }
    }
}
