package grading;

import axon.Component;
import axon.Ipc;
import axon.Linkage;
import axon.Outbox;
import axon.Scheduler;
import axon.ThreadedComponent;
import java.util.concurrent.CountDownLatch;

/**
 * A threaded component for tests: when the test counts down {@link #go}, it sends
 * {@link Ipc.ShutdownMicroprocess} out of {@code outbox} (wire it to the control of what
 * should stop) and ends. This is how a test stops a system while the scheduler runs on
 * another thread: boxes may only be touched on the scheduler's thread.
 */
@Outbox(name = "outbox", doc = "One ShutdownMicroprocess, when the test says go")
public class Stopper extends ThreadedComponent {
    public final CountDownLatch go = new CountDownLatch(1);

    /**
     * Activates {@code component} on {@code scheduler} together with a new stopper wired to
     * its control, and returns the stopper.
     */
    public static Stopper wiredTo(Component component, Scheduler scheduler) {
        Stopper stopper = new Stopper();
        Linkage.link(stopper.outbox("outbox"), component.inbox("control"));
        component.activate(scheduler);
        stopper.activate(scheduler);
        return stopper;
    }

    @Override
    protected void body() throws InterruptedException {
        go.await();
        send(new Ipc.ShutdownMicroprocess(), "outbox");
        passShutdownOn();
    }
}
