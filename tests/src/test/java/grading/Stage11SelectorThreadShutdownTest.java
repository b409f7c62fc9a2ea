package grading;

import static grading.Network.PATIENCE;
import static grading.Wiring.activate;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import axon.Ipc;
import axon.Linkage;
import axon.Scheduler;
import grading.support.Graded;
import grading.support.GradedTest;
import kamaelia.internet.SelectorThread;
import kamaelia.util.Recorder;

/**
 * The selector's thread follows stage 6's shutdown idiom like every other component: the
 * chapter's hint ends its body with "After the loop, {@code passShutdownOn()}", and chapter 6
 * says a component that ends sends the shutdown message that ended it out of signal.
 */
@Graded(stage = 11, order = 7, title = "network, the selector's thread passes its shutdown on")
class Stage11SelectorThreadShutdownTest {

    @GradedTest(order = 1, value = "the selector's thread ends on ShutdownMicroprocess and sends it on out of signal")
    void selectorThreadPassesItsShutdownOn() throws Throwable {
        try (java.nio.channels.Selector selector = java.nio.channels.Selector.open()) {
            Scheduler scheduler = new Scheduler();
            SelectorThread thread = new SelectorThread(selector);
            Recorder next = new Recorder();
            Linkage.link(thread.outbox("signal"), next.inbox("control"));
            activate(scheduler, thread, next);
            Ipc.ShutdownMicroprocess shutdown = new Ipc.ShutdownMicroprocess();
            thread.inbox("control").put(shutdown);
            InBackground running = InBackground.run(scheduler);
            try {
                long deadline = System.nanoTime() + PATIENCE.toNanos();
                while (!thread.isFinished() && System.nanoTime() < deadline) {
                    running.rethrow();
                    Thread.sleep(5);
                }
                assertTrue(thread.isFinished(), "the selector's thread did not end within " + PATIENCE.toSeconds()
                        + " s of a ShutdownMicroprocess on its control: its body must loop only until"
                        + " shutdownRequested() (and select with a time-out, so that it looks at control)");
                deadline = System.nanoTime() + PATIENCE.toNanos();
                while (next.endedBy() == null && System.nanoTime() < deadline) {
                    running.rethrow();
                    Thread.sleep(5);
                }
                assertInstanceOf(Ipc.ShutdownMicroprocess.class, next.endedBy(), "the selector's thread ended but"
                        + " sent " + (next.endedBy() == null ? "nothing" : next.endedBy()) + " out of signal: \"a"
                        + " component that ends sends a shutdown message out of signal: the one that ended it\""
                        + " (chapter 6, The shutdown idiom); end SelectorThread.body with passShutdownOn()");
                assertTrue(running.awaitEnd(PATIENCE), "run() must return once the selector's thread and the"
                        + " component after it have ended");
            } finally {
                running.stop();
            }
        }
    }
}
