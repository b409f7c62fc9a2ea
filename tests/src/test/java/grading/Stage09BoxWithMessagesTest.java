package grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import axon.Box;
import axon.Scheduler;
import axon.ThreadedComponent;
import grading.support.Graded;
import grading.support.GradedTest;
import java.util.concurrent.atomic.AtomicReference;

/**
 * "Every Box operation checks which thread it runs on, and one made from a threaded
 * component's body throws at once" (chapter, Boxes between two threads): also a take()
 * that would succeed, from a box that holds a message.
 */
@Graded(stage = 9, title = "threaded components, a box with messages is refused to the body too")
class Stage09BoxWithMessagesTest {

    @GradedTest(order = 1, value = "take() from a box that holds a message, called in a threaded component's body,"
            + " throws and takes nothing")
    void takeIsRefusedEvenWithAMessage() {
        AtomicReference<String> outcome = new AtomicReference<>("the body never ran");
        Scheduler scheduler = new Scheduler();
        ThreadedComponent reckless = new ThreadedComponent() {
            @Override
            protected void body() {
                Box outbox = outbox("outbox");
                try {
                    outcome.set("take() gave " + outbox.take());
                } catch (RuntimeException e) {
                    outcome.set("refused: " + e.getMessage());
                }
            }
        };
        reckless.outbox("outbox").put("waiting in the real outbox");
        reckless.activate(scheduler);
        scheduler.run();
        String result = outcome.get();
        assertTrue(result.startsWith("refused: "), "\"every Box operation checks which thread it runs on, and one made"
                + " from a threaded component's body throws at once\" (chapter): Box.take from the body was not"
                + " refused; " + result);
        assertEquals(1, reckless.outbox("outbox").size(), "a refused take() must leave the message in the box");
    }
}
