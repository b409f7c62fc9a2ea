package grading;

import static grading.Network.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import axon.Scheduler;
import grading.support.Graded;
import grading.support.GradedTest;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import kamaelia.internet.SelectorService;

@Graded(stage = 11, order = 1, title = "network, the selector service")
class Stage11SelectorTest {
    @GradedTest(order = 1, value = "the selector service wakes a component when its channel is ready, once for each"
            + " Watch, and ends when nothing is left to watch")
    void selectorWakesOncePerWatch() throws Throwable {
        Pipe pipe = Pipe.open();
        try (Pipe.SinkChannel sink = pipe.sink(); Pipe.SourceChannel source = pipe.source()) {
            source.configureBlocking(false);
            sink.write(ByteBuffer.wrap(new byte[] {42})); // readable from now on, as nobody reads it
            Scheduler scheduler = new Scheduler();
            Watcher watcher = new Watcher(source);
            Stopper stopper = Stopper.wiredTo(watcher, scheduler);
            InBackground running = InBackground.run(scheduler);
            try {
                long deadline = System.nanoTime() + PATIENCE.toNanos();
                while (watcher.notices.get() < 2) {
                    running.rethrow();
                    assertTrue(System.nanoTime() < deadline, "the watcher was woken " + watcher.notices.get()
                            + " times in " + PATIENCE.toSeconds() + " s for a channel that is ready: the selector's"
                            + " thread must report each ready key");
                    Thread.sleep(5);
                }
                Thread.sleep(300); // the channel stays ready: a selector that does not stop watching says so again
                running.rethrow();
                assertEquals(2, watcher.notices.get(), "a channel that stays ready was reported "
                        + watcher.notices.get() + " times for 2 Watches; it must be reported once per Watch. Either a"
                        + " reported key stays in selector.selectedKeys() (remove it, through the iterator, before"
                        + " the next select()), or it is still watched for what it was ready for"
                        + " (key.interestOpsAnd(~ready))");
                stopper.go.countDown();
                assertTrue(running.awaitEnd(PATIENCE), "run() must return once the watcher has forgotten its"
                        + " channel: the selector ends when nothing is left to watch, and tells its thread to end"
                        + " with a ShutdownMicroprocess (SelectorThread.body loops only until shutdownRequested(),"
                        + " then passes the shutdown on)");
                assertFalse(scheduler.services().names().contains(SelectorService.NAME),
                        "the selector must leave the services when it ends");
            } finally {
                stopper.go.countDown();
                running.stop();
            }
        }
    }
}
