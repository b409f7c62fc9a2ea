package kit.given;

import static grading.Network.FILE_SLACK;
import static grading.Network.PATIENCE;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import axon.Ipc;
import axon.Linkage;
import axon.Scheduler;
import grading.InBackground;
import grading.Network;
import grading.Resources;
import grading.Stopper;
import grading.Watcher;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import kamaelia.internet.Selector;
import kamaelia.internet.SelectorService;
import kamaelia.util.Recorder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The given {@code Selector} (no learner writes it; its thread is stage 11's exercise)
 * follows stage 6's shutdown idiom, and closes the JDK selector it opened when it ends.
 */
@Tag("kit")
@DisplayName("Kit: the given selector service ends cleanly")
class GivenSelectorTest {

    /** Runs a selector service with one watcher on a readable pipe until both end; returns what ended the selector. */
    private static Ipc watchOnce(boolean shutTheSelectorFirst) throws Throwable {
        Pipe pipe = Pipe.open();
        try (Pipe.SinkChannel sink = pipe.sink(); Pipe.SourceChannel source = pipe.source()) {
            source.configureBlocking(false);
            sink.write(ByteBuffer.wrap(new byte[] {42}));
            Scheduler scheduler = new Scheduler();
            Selector selector = new Selector();
            scheduler.services().register(SelectorService.NAME, selector.inbox("inbox"));
            Recorder after = new Recorder();
            Linkage.link(selector.outbox("signal"), after.inbox("control"));
            after.activate(scheduler);
            Watcher watcher = new Watcher(source);
            Stopper stopWatcher = new Stopper();
            Linkage.link(stopWatcher.outbox("outbox"), watcher.inbox("control"));
            Stopper stopSelector = new Stopper();
            Linkage.link(stopSelector.outbox("outbox"), selector.inbox("control"));
            watcher.activate(scheduler);   // first: its Watch is there at the selector's first step
            selector.activate(scheduler);
            stopWatcher.activate(scheduler);
            stopSelector.activate(scheduler);
            InBackground running = InBackground.run(scheduler);
            try {
                long deadline = System.nanoTime() + PATIENCE.toNanos();
                while (watcher.notices.get() < 1) {
                    running.rethrow();
                    assertTrue(System.nanoTime() < deadline, "the watcher was never woken");
                    Thread.sleep(5);
                }
                (shutTheSelectorFirst ? stopSelector : stopWatcher).go.countDown();
                Thread.sleep(50);
                stopSelector.go.countDown();
                stopWatcher.go.countDown();
                assertTrue(running.awaitEnd(PATIENCE), "run() must return once the selector and the watcher have"
                        + " ended");
            } finally {
                stopSelector.go.countDown();
                stopWatcher.go.countDown();
                running.stop();
            }
            return after.endedBy();
        }
    }

    @Test
    @DisplayName("a selector service shut down on its control ends, with its thread, and passes the shutdown on out"
            + " of signal")
    @Timeout(20)
    void shutdownIsPassedOn() throws Throwable {
        assertInstanceOf(Ipc.ShutdownMicroprocess.class, watchOnce(true), "the selector must pass the shutdown"
                + " message that ended it on out of signal");
    }

    @Test
    @DisplayName("five selector services that came and went leave no file open: each closes its JDK selector")
    @Timeout(30)
    void selectorsAreClosed() throws Throwable {
        long before = Resources.openFiles();
        assumeTrue(before >= 0, "counting open files needs a Unix system");
        for (int i = 0; i < 5; i++) {
            watchOnce(false);
        }
        long after = Resources.openFiles();
        assertTrue(after <= before + FILE_SLACK, "after five selector services came and went, " + (after - before)
                + " more files are open than before: a selector that ends must close the JDK selector it opened");
    }
}
