package grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import axon.Component;
import axon.Ipc;
import axon.Scheduler;
import axon.ServiceAlreadyRegistered;
import grading.support.Graded;
import grading.support.GradedTest;
import java.util.List;
import kamaelia.chassis.Pipeline;
import kamaelia.util.Backplane;
import kamaelia.util.PublishTo;
import kamaelia.util.Recorder;
import kamaelia.util.SubscribeTo;
import org.junit.jupiter.api.BeforeEach;

@Graded(stage = 8, order = 2, title = "services and the Backplane, publishing and subscribing")
class Stage08BackplaneTest {
    // A backplane called news with a publisher and two subscribers, each feeding a collector; new for each
    // test, and settled before it starts.
    private Scheduler scheduler;
    private Backplane backplane;
    private PublishTo publisher;
    private SubscribeTo firstSubscriber;
    private SubscribeTo secondSubscriber;
    private Recorder first;
    private Recorder second;

    @BeforeEach
    void newsWithTwoSubscribers() {
        scheduler = new Scheduler();
        backplane = new Backplane("news");
        publisher = new PublishTo("news");
        firstSubscriber = new SubscribeTo("news");
        secondSubscriber = new SubscribeTo("news");
        first = new Recorder();
        second = new Recorder();
        backplane.activate(scheduler);
        publisher.activate(scheduler);
        new Pipeline(firstSubscriber, first).activate(scheduler);
        new Pipeline(secondSubscriber, second).activate(scheduler);
        scheduler.runCycles(20);
    }

    /** Publishes {@code messages} through the publisher, and lets them settle. */
    private void publish(Object... messages) {
        for (Object message : messages) {
            publisher.inbox("inbox").put(message);
        }
        scheduler.runCycles(20);
    }

    /** Puts a shutdown message into the control of each of {@code components}. */
    private static void shutDown(Component... components) {
        for (Component component : components) {
            component.inbox("control").put(new Ipc.ShutdownMicroprocess());
        }
    }

    /** The first subscriber is shut down, and the backplane hears of it. */
    private void firstSubscriberLeaves() {
        shutDown(firstSubscriber);
        scheduler.runCycles(20);
    }

    /** A new subscriber feeding a new collector, as the two of the setup do, settled: returns the collector. */
    private Recorder subscribedNow() {
        Recorder recorder = new Recorder();
        new Pipeline(new SubscribeTo("news"), recorder).activate(scheduler);
        scheduler.runCycles(20);
        return recorder;
    }

    /** A collector activated on the scheduler, subscribed by hand with the backplane's own requests. */
    private Recorder subscribedByHand() {
        Recorder recorder = new Recorder();
        recorder.activate(scheduler);
        return recorder;
    }

    @GradedTest(order = 1, value = "everything published reaches every subscriber once, in order")
    void publicationsReachEverySubscriber() {
        publish("a", "b", "c");
        publish("d");
        assertEquals(List.of("a", "b", "c", "d"), first.collected(), "what the first subscriber received:"
                + " everything published, once, in order");
        assertEquals(List.of("a", "b", "c", "d"), second.collected(), "what the second subscriber received:"
                + " everything published, once, in order");
    }

    @GradedTest(order = 2, value = "a subscriber that joins late receives only what is published after it joined")
    void lateSubscriber() {
        publish("early");
        Recorder late = subscribedNow();
        publish("late");
        assertEquals(List.of("late"), late.collected(), "what a subscriber that joined after \"early\" was published"
                + " received: only what was published after it joined");
        assertEquals(List.of("early", "late"), first.collected(), "what a subscriber there from the start"
                + " received");
    }

    @GradedTest(order = 3, value = "a subscriber that leaves stops receiving, and the others carry on")
    void subscriberLeaves() {
        publish("both");
        firstSubscriberLeaves();
        publish("only the second");
        assertTrue(firstSubscriber.isFinished() && first.isFinished(), "the subscriber and what it feeds must end");
        assertEquals(List.of("both"), first.collected(), "what the subscriber that left received: nothing"
                + " published after it left");
        assertEquals(List.of("both", "only the second"), second.collected(), "what the subscriber that stayed"
                + " received: everything, also after the other left");
    }

    @GradedTest(order = 4, value = "shutting the backplane down ends its subscribers cleanly and frees its name")
    void backplaneShutdown() {
        publish("last news");
        shutDown(backplane, publisher);
        scheduler.run();
        boolean backplaneEnded = backplane.isFinished();
        List<String> subscribersLeft = scheduler.microprocesses().stream()
                .filter(m -> m instanceof SubscribeTo).map(m -> m.name()).toList();
        assertEquals(List.of(), scheduler.microprocesses(), "everything must end, nothing left asleep"
                + (backplaneEnded && !subscribersLeft.isEmpty() ? ": the backplane ended but its subscribers "
                + subscribersLeft + " never heard of it. On shutdown the backplane sends the shutdown message out"
                + " of every subscriber's outbox before it ends" : ""));
        assertEquals(List.of("last news"), first.collected(), "what was published before the shutdown must"
                + " still reach the subscribers");
        assertEquals(new Ipc.ShutdownMicroprocess(), second.endedBy(), "a subscriber must pass the backplane's"
                + " shutdown on to what it feeds");
        assertEquals(List.of(), List.copyOf(scheduler.services().names()), "a backplane that has ended must"
                + " have deregistered its services, freeing its name");
    }

    @GradedTest(order = 5, value = "two backplanes with one name is an error that names it")
    void duplicateBackplane() {
        new Backplane("news").activate(scheduler);
        var error = assertThrows(ServiceAlreadyRegistered.class, () -> scheduler.runCycles(2),
                "a second backplane with a name that is taken must throw ServiceAlreadyRegistered when it starts");
        assertTrue(error.getMessage().contains("news"), "the error must name the backplane, news, but said: "
                + error.getMessage());
    }

    @GradedTest(order = 6, value = "a subscription and a publication that reach the backplane together: the new"
            + " subscriber receives it")
    void requestsBeforePublications() {
        Recorder newcomer = subscribedByHand();
        backplane.inbox("inbox").put("together");
        backplane.inbox("subscriptions").put(new Backplane.Subscribe(newcomer.inbox("inbox")));
        scheduler.runCycles(20);
        assertEquals(List.of("together"), newcomer.collected(),
                "a Subscribe and a publication were waiting in the same step, and the new subscriber did not get"
                        + " the publication: the backplane must handle the requests before the publications");
        assertEquals(List.of("together"), first.collected(), "the subscribers already there must get it too");
    }

    @GradedTest(order = 7, value = "after a subscriber has left, nothing more is sent to it, and one that joins later"
            + " receives the news with the others")
    void afterASubscriberLeaves() {
        publish("both");
        firstSubscriberLeaves();
        assertTrue(firstSubscriber.isFinished(), "the subscriber must end on a shutdown on its control");
        publish("after");
        assertEquals(0, firstSubscriber.inbox("inbox").size(),
                "the backplane still sends to a subscriber that has left: it must receive the subscriber's"
                        + " Unsubscribe (sent before requests is unlinked) and remove that subscriber's outbox");
        Recorder late = subscribedNow();
        publish("late news");
        assertEquals(List.of("late news"), late.collected(),
                "a subscriber that joins after another has left must receive what is published next");
        assertEquals(List.of("both", "after", "late news"), second.collected(),
                "the subscriber that stayed must receive everything, once, in order");
    }

    @GradedTest(order = 8, value = "a repeated Subscribe or an Unsubscribe of an unknown inbox changes nothing")
    void repeatedAndUnknownRequests() {
        Recorder twice = subscribedByHand();
        Recorder stranger = new Recorder();
        backplane.inbox("subscriptions").put(new Backplane.Subscribe(twice.inbox("inbox")));
        scheduler.runCycles(20);
        int outboxes = backplane.outboxes().size();
        backplane.inbox("subscriptions").put(new Backplane.Subscribe(twice.inbox("inbox")));
        backplane.inbox("subscriptions").put(new Backplane.Unsubscribe(stranger.inbox("inbox")));
        scheduler.runCycles(20);
        assertEquals(outboxes, backplane.outboxes().size(),
                "a repeated Subscribe, or an Unsubscribe of an inbox that never subscribed, changed the backplane's"
                        + " outboxes: it must add an outbox only for an inbox it does not know yet");
        publish("once");
        assertEquals(List.of("once"), twice.collected(),
                "an inbox subscribed twice must still receive each publication once");
        assertEquals(List.of("once"), first.collected(), "an unknown Unsubscribe must change nothing");
        assertFalse(backplane.isFinished(), "an unknown request must not end the backplane");
    }

    @GradedTest(order = 9, value = "a publication and a shutdown that reach the backplane together: the publication"
            + " still reaches every subscriber")
    void publicationsBeforeShutdown() {
        backplane.inbox("inbox").put("last words");
        shutDown(backplane);
        scheduler.runCycles(20);
        assertTrue(backplane.isFinished(), "the backplane must end on the shutdown put into its control");
        assertEquals(List.of("last words"), first.collected(), "a publication was waiting in the backplane's inbox"
                + " when its shutdown came, and the first subscriber never received it: in each step the backplane"
                + " sends the waiting publications first, and only then handles a shutdown");
        assertEquals(List.of("last words"), second.collected(), "the second subscriber must receive the publication"
                + " that came with the shutdown too");
    }

    @GradedTest(order = 10, value = "a subscriber shut down with publications still in its inbox passes them on before"
            + " it ends")
    void subscriberForwardsWhatWaitsBeforeEnding() {
        firstSubscriber.inbox("inbox").put("one");
        firstSubscriber.inbox("inbox").put("two");
        shutDown(firstSubscriber);
        scheduler.runCycles(20);
        assertTrue(firstSubscriber.isFinished(), "the subscriber must end on the shutdown put into its control");
        assertEquals(List.of("one", "two"), first.collected(), "two publications were waiting in the subscriber's"
                + " inbox when its shutdown came, and they never left through its outbox: like every component"
                + " (the shutdown idiom of stage 6), a subscriber forwards what is in its inbox before it looks at"
                + " control");
    }
}
