package grading;

import axon.Ipc;
import axon.Outbox;
import axon.ThreadedComponent;
import java.util.concurrent.CountDownLatch;

/**
 * A threaded component for tests: when the test counts down {@link #go}, it sends
 * {@link Ipc.ShutdownMicroprocess} out of {@code outbox} (wire it to the control of what
 * should stop) and ends. This is how a test stops a system while the scheduler runs on
 * another thread: boxes may only be touched on the scheduler's thread.
 */
@Outbox(name = "outbox", doc = "One ShutdownMicroprocess, when the test says go")
class Stopper extends ThreadedComponent {
    final CountDownLatch go = new CountDownLatch(1);

    @Override
    protected void body() throws InterruptedException {
        go.await();
        send(new Ipc.ShutdownMicroprocess(), "outbox");
        passShutdownOn();
    }
}
