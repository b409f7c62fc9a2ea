package grading;

import static grading.Wiring.collectorOf;
import static org.junit.jupiter.api.Assertions.assertEquals;

import axon.Scheduler;
import axon.ThreadedComponent;
import grading.support.Graded;
import grading.support.GradedTest;
import java.time.Duration;
import java.util.List;
import kamaelia.util.Recorder;

/**
 * Inside the thread, the component's questions about its inboxes have the meaning they have
 * in any component, but look at the thread's queues (chapter, Boxes between two threads):
 * anyReady() as well as dataReady(name).
 */
@Graded(stage = 9, title = "threaded components, anyReady inside the thread")
class Stage09AnyReadyInsideTest {

    /** Waits, up to about two seconds, for anyReady(), then says whether it saw it and what it received. */
    static final class Watcher extends ThreadedComponent {
        @Override
        protected void body() throws InterruptedException {
            for (int i = 0; i < 200 && !anyReady(); i++) {
                pause(Duration.ofMillis(10));
            }
            boolean saw = anyReady();
            send(saw ? "anyReady: true" : "anyReady: false", "outbox");
            if (saw && dataReady("inbox")) {
                send(recv("inbox"), "outbox");
            }
            send(anyReady() ? "still ready" : "nothing left", "outbox");
            passShutdownOn();
        }
    }

    @GradedTest(order = 1, value = "inside the thread, anyReady() is true once a message waits in an inbox, and false"
            + " once it is taken")
    void anyReadySeesTheQueues() {
        Scheduler scheduler = new Scheduler();
        Watcher watcher = new Watcher();
        Recorder collector = collectorOf(scheduler, watcher);
        watcher.inbox("inbox").put("hello");
        scheduler.run();
        assertEquals(List.of("anyReady: true", "hello", "nothing left"), collector.collected(),
                "what the body reported: \"inside the thread, dataReady, recv and send have the meaning they have in"
                        + " any component, but work on the queues\" (chapter), and anyReady() with them: true while"
                        + " \"hello\" waits in inbox's queue, false once the body has taken it");
    }
}
