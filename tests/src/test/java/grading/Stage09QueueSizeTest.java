package grading;

import static grading.Wiring.activate;
import static grading.Wiring.wire;
import static org.junit.jupiter.api.Assertions.assertEquals;

import axon.Scheduler;
import axon.ThreadedComponent;
import grading.support.Graded;
import grading.support.GradedTest;
import java.util.ArrayList;
import java.util.List;
import kamaelia.util.Recorder;
import kamaelia.util.Source;

/**
 * "Each of the thread's queues holds at most queueSize() messages (1000 unless the
 * constructor says otherwise)" (chapter, Back-pressure): even a queue of one loses nothing.
 */
@Graded(stage = 9, title = "threaded components, queues of any size")
class Stage09QueueSizeTest {

    /** Passes each message on, with queues of the given size. */
    static final class Relay extends ThreadedComponent {
        Relay(int queueSize) {
            super(queueSize);
        }

        @Override
        protected void body() throws InterruptedException {
            while (true) {
                while (dataReady("inbox")) {
                    send(recv("inbox"), "outbox");
                }
                if (shutdownRequested()) {
                    passShutdownOn();
                    return;
                }
                pause(java.time.Duration.ofMillis(20));
            }
        }
    }

    @GradedTest(order = 1, value = "a threaded component whose queues hold one message each passes fifty messages on,"
            + " in order")
    void queuesOfOne() {
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            numbers.add(i);
        }
        Relay relay = new Relay(1);
        assertEquals(1, relay.queueSize(), "queueSize() is what the constructor was given");
        assertEquals(1000, new Relay(1000).queueSize(), "queueSize() is what the constructor was given");
        Scheduler scheduler = new Scheduler();
        Source source = new Source(numbers);
        Recorder recorder = new Recorder();
        wire(source, relay);
        wire(relay, recorder);
        activate(scheduler, source, relay, recorder);
        scheduler.run();
        assertEquals(numbers, recorder.collected(), "\"each of the thread's queues holds at most queueSize()"
                + " messages\" (chapter, Back-pressure), and a full queue loses nothing: with queues of one message,"
                + " all fifty must come out, in order");
    }
}
