package grading;

import static grading.support.Setup.activated;
import static grading.support.Setup.schedulerOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import axon.Box;
import axon.Postman;
import axon.Scheduler;
import examples.components.Consumer;
import examples.components.Producer;
import grading.support.Graded;
import grading.support.GradedTest;
import grading.support.Holding;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;

@Graded(stage = 4, title = "a postman")
class Stage04PostmanTest {
    // The components a postman carries between, new for each test.
    private Probe from;
    private Probe to;

    @BeforeEach
    void newComponents() {
        from = new Probe();
        to = new Probe();
    }

    @GradedTest(order = 1, value = "one step moves every waiting message from the source box to the sink box, oldest"
            + " first")
    void oneStepMovesEverything() {
        from.sendOut("a", "outbox");
        from.sendOut("b", "outbox");
        from.sendOut("c", "outbox");
        Postman postman = activated(new Postman(from.outbox("outbox"), to.inbox("extra")));
        postman.next();
        Box source = from.outbox("outbox");
        Box sink = to.inbox("extra");
        if (sink.size() == 0) {
            fail("one step moved none of the 3 messages waiting in the source box to the sink box ("
                    + Holding.of(source, sink) + "): take from the source box and put into the sink box");
        }
        assertEquals(0, source.size(), "one step must move every waiting message, but it moved " + sink.size()
                + " of 3 (" + Holding.of(source, sink) + "): take until the source box is empty (a loop up to"
                + " size() that takes as it goes stops half-way)");
        assertEquals(3, sink.size(), "the sink box must hold the 3 messages the postman carried ("
                + Holding.of(source, sink) + ")");
        assertEquals(List.of("a", "b", "c"), List.of(to.receive("extra"), to.receive("extra"), to.receive("extra")),
                "the messages in the sink box, oldest first, must be in the order they were sent");
    }

    @GradedTest(order = 2, value = "a postman keeps running, even when there is nothing to carry")
    void postmanNeverFinishes() {
        Postman postman = activated(new Postman(from.outbox("outbox"), to.inbox("inbox")));
        assertTrue(postman.next(), "a postman with nothing to carry must still return true from its step");
        assertTrue(postman.next(), "a postman's step must return true every time: its job never ends");
    }

    @GradedTest(order = 3, value = "messages sent later are carried on later steps, and nothing else is touched")
    void laterMessagesLaterSteps() {
        Postman postman = activated(new Postman(from.outbox("log"), to.inbox("inbox")));
        postman.next();
        from.sendOut("late", "log");
        from.sendOut("stays", "outbox");
        assertEquals(0, to.inbox("inbox").size(), "nothing moves until the postman is stepped");
        postman.next();
        assertEquals(1, to.inbox("inbox").size(), "the message sent to the source box after the first step must be"
                + " carried by the second step");
        assertEquals("late", to.receive("inbox"), "the message carried must be the one sent to the source box");
        assertEquals(1, from.outbox("outbox").size(), "the postman must only empty its own source box");
    }

    @GradedTest(order = 4, value = "Producer, Postman and Consumer on one scheduler deliver every message, in order")
    void producerPostmanConsumer() {
        List<Object> printed = new ArrayList<>();
        Producer producer = new Producer("hello", 5);
        Consumer consumer = new Consumer(printed::add);
        Scheduler scheduler = schedulerOf(producer);
        new Postman(producer.outbox("outbox"), consumer.inbox("inbox")).activate(scheduler);
        consumer.activate(scheduler);
        scheduler.runCycles(10);
        assertEquals(List.of("hello 1", "hello 2", "hello 3", "hello 4", "hello 5"), printed,
                "what the consumer printed in 10 cycles: every message the producer made, in order");
    }
}
