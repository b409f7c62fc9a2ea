package grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import axon.Component;
import axon.Ipc;
import axon.Scheduler;
import axon.ServiceAlreadyRegistered;
import axon.ServiceRegistry;
import axon.UnknownService;
import grading.support.Graded;
import grading.support.GradedTest;
import java.util.List;
import java.util.Optional;
import kamaelia.chassis.Pipeline;
import kamaelia.util.Backplane;
import kamaelia.util.PublishTo;
import kamaelia.util.Recorder;
import kamaelia.util.SubscribeTo;

@Graded(stage = 8, order = 1, title = "services and the Backplane")
class Stage08ServicesAndBackplaneTest {

    @GradedTest(order = 1, value = "a service is registered under a name, retrieved by it, and deregistered")
    void registerRetrieveDeregister() {
        ServiceRegistry services = new Scheduler().services();
        Probe clock = new Probe();
        Probe log = new Probe();
        services.register("clock", clock.inbox("extra"));
        services.register("log", log.inbox("inbox"));
        assertSame(clock.inbox("extra"), services.retrieve("clock"), "retrieve(\"clock\") must give the inbox"
                + " registered under that name");
        assertEquals(Optional.of(log.inbox("inbox")), services.find("log"), "find(\"log\") must give the inbox"
                + " registered under that name");
        assertEquals(List.of("clock", "log"), List.copyOf(services.names()), "names() must list the services"
                + " registered, in the order they were registered");
        services.deregister("clock");
        assertEquals(Optional.empty(), services.find("clock"), "after deregister(\"clock\"), find(\"clock\") must"
                + " find nothing");
        assertEquals(List.of("log"), List.copyOf(services.names()), "after deregister(\"clock\"), names() must list"
                + " only the services left");
    }

    @GradedTest(order = 2, value = "registering a name twice, or retrieving or deregistering an unknown one, is an"
            + " error naming it")
    void registryMistakes() {
        ServiceRegistry services = new Scheduler().services();
        services.register("clock", new Probe().inbox("inbox"));
        var twice = assertThrows(ServiceAlreadyRegistered.class,
                () -> services.register("clock", new Probe().inbox("inbox")),
                "registering a name that is taken must throw ServiceAlreadyRegistered");
        assertTrue(twice.getMessage().contains("clock"), "the error must name the service, clock, but said: "
                + twice.getMessage());
        var unknown = assertThrows(UnknownService.class, () -> services.retrieve("clok"),
                "retrieving a name nobody registered must throw UnknownService");
        assertTrue(unknown.getMessage().contains("clok"), "the error must name the service asked for, clok, but"
                + " said: " + unknown.getMessage());
        var gone = assertThrows(UnknownService.class, () -> services.deregister("calendar"),
                "deregistering a name nobody registered must throw UnknownService");
        assertTrue(gone.getMessage().contains("calendar"), "the error must name the service, calendar, but said: "
                + gone.getMessage());
        assertThrows(IllegalArgumentException.class, () -> services.register("out", new Probe().outbox("outbox")),
                "a service must be an inbox");
        assertSame(services.retrieve("clock").owner(), services.retrieve("clock").owner(),
                "a refused registration must leave the service registered before it as it was");
    }

    @GradedTest(order = 3, value = "each scheduler has a registry of its own")
    void registriesAreSeparate() {
        Scheduler first = new Scheduler();
        Scheduler second = new Scheduler();
        first.services().register("clock", new Probe().inbox("inbox"));
        assertEquals(Optional.empty(), second.services().find("clock"), "a service registered with one scheduler"
                + " must not be found in another scheduler's registry");
        second.services().register("clock", new Probe().inbox("inbox"));
        assertFalse(first.services().retrieve("clock") == second.services().retrieve("clock"),
                "two schedulers' services with the same name must be two different inboxes");
    }

    /** A backplane with a publisher and two subscribers, each feeding a collector; settled. */
    static final class Setup {
        final Scheduler scheduler = new Scheduler();
        final Backplane backplane = new Backplane("news");
        final PublishTo publisher = new PublishTo("news");
        final SubscribeTo firstSubscriber = new SubscribeTo("news");
        final SubscribeTo secondSubscriber = new SubscribeTo("news");
        final Recorder first = new Recorder();
        final Recorder second = new Recorder();

        Setup() {
            backplane.activate(scheduler);
            publisher.activate(scheduler);
            new Pipeline(firstSubscriber, first).activate(scheduler);
            new Pipeline(secondSubscriber, second).activate(scheduler);
            scheduler.runCycles(20);
        }

        void publish(Object... messages) {
            for (Object message : messages) {
                publisher.inbox("inbox").put(message);
            }
            scheduler.runCycles(20);
        }

        /** Puts a shutdown message into the control of each of {@code components}. */
        void shutDown(Component... components) {
            for (Component component : components) {
                component.inbox("control").put(new Ipc.ShutdownMicroprocess());
            }
        }
    }

    @GradedTest(order = 4, value = "everything published reaches every subscriber once, in order")
    void publicationsReachEverySubscriber() {
        Setup setup = new Setup();
        setup.publish("a", "b", "c");
        setup.publish("d");
        assertEquals(List.of("a", "b", "c", "d"), setup.first.collected(), "what the first subscriber received:"
                + " everything published, once, in order");
        assertEquals(List.of("a", "b", "c", "d"), setup.second.collected(), "what the second subscriber received:"
                + " everything published, once, in order");
    }

    @GradedTest(order = 5, value = "a subscriber that joins late receives only what is published after it joined")
    void lateSubscriber() {
        Setup setup = new Setup();
        setup.publish("early");
        Recorder late = new Recorder();
        new Pipeline(new SubscribeTo("news"), late).activate(setup.scheduler);
        setup.scheduler.runCycles(20);
        setup.publish("late");
        assertEquals(List.of("late"), late.collected(), "what a subscriber that joined after \"early\" was published"
                + " received: only what was published after it joined");
        assertEquals(List.of("early", "late"), setup.first.collected(), "what a subscriber there from the start"
                + " received");
    }

    @GradedTest(order = 6, value = "a subscriber that leaves stops receiving, and the others carry on")
    void subscriberLeaves() {
        Setup setup = new Setup();
        setup.publish("both");
        setup.shutDown(setup.firstSubscriber);
        setup.scheduler.runCycles(20);
        setup.publish("only the second");
        assertTrue(setup.firstSubscriber.isFinished() && setup.first.isFinished(),
                "the subscriber and what it feeds must end");
        assertEquals(List.of("both"), setup.first.collected(), "what the subscriber that left received: nothing"
                + " published after it left");
        assertEquals(List.of("both", "only the second"), setup.second.collected(), "what the subscriber that stayed"
                + " received: everything, also after the other left");
    }

    @GradedTest(order = 7, value = "shutting the backplane down ends its subscribers cleanly and frees its name")
    void backplaneShutdown() {
        Setup setup = new Setup();
        setup.publish("last news");
        setup.shutDown(setup.backplane, setup.publisher);
        setup.scheduler.run();
        boolean backplaneEnded = setup.backplane.isFinished();
        List<String> subscribersLeft = setup.scheduler.microprocesses().stream()
                .filter(m -> m instanceof SubscribeTo).map(m -> m.name()).toList();
        assertEquals(List.of(), setup.scheduler.microprocesses(), "everything must end, nothing left asleep"
                + (backplaneEnded && !subscribersLeft.isEmpty() ? ": the backplane ended but its subscribers "
                + subscribersLeft + " never heard of it. On shutdown the backplane sends the shutdown message out"
                + " of every subscriber's outbox before it ends" : ""));
        assertEquals(List.of("last news"), setup.first.collected(), "what was published before the shutdown must"
                + " still reach the subscribers");
        assertEquals(new Ipc.ShutdownMicroprocess(), setup.second.endedBy(), "a subscriber must pass the backplane's"
                + " shutdown on to what it feeds");
        assertEquals(List.of(), List.copyOf(setup.scheduler.services().names()), "a backplane that has ended must"
                + " have deregistered its services, freeing its name");
    }

    @GradedTest(order = 8, value = "two backplanes with one name is an error that names it")
    void duplicateBackplane() {
        Scheduler scheduler = new Scheduler();
        new Backplane("news").activate(scheduler);
        new Backplane("news").activate(scheduler);
        var error = assertThrows(ServiceAlreadyRegistered.class, () -> scheduler.runCycles(2),
                "a second backplane with a name that is taken must throw ServiceAlreadyRegistered when it starts");
        assertTrue(error.getMessage().contains("news"), "the error must name the backplane, news, but said: "
                + error.getMessage());
    }

    /** A collector activated on the setup's scheduler, subscribed by hand with the backplane's own requests. */
    static Recorder subscribedByHand(Setup setup) {
        Recorder recorder = new Recorder();
        recorder.activate(setup.scheduler);
        return recorder;
    }

    @GradedTest(order = 9, value = "a subscription and a publication that reach the backplane together: the new"
            + " subscriber receives it")
    void requestsBeforePublications() {
        Setup setup = new Setup();
        Recorder newcomer = subscribedByHand(setup);
        setup.backplane.inbox("inbox").put("together");
        setup.backplane.inbox("subscriptions").put(new Backplane.Subscribe(newcomer.inbox("inbox")));
        setup.scheduler.runCycles(20);
        assertEquals(List.of("together"), newcomer.collected(),
                "a Subscribe and a publication were waiting in the same step, and the new subscriber did not get"
                        + " the publication: the backplane must handle the requests before the publications");
        assertEquals(List.of("together"), setup.first.collected(), "the subscribers already there must get it too");
    }

    @GradedTest(order = 10, value = "after a subscriber has left, nothing more is sent to it, and one that joins later"
            + " receives the news with the others")
    void afterASubscriberLeaves() {
        Setup setup = new Setup();
        setup.publish("both");
        setup.shutDown(setup.firstSubscriber);
        setup.scheduler.runCycles(20);
        assertTrue(setup.firstSubscriber.isFinished(), "the subscriber must end on a shutdown on its control");
        setup.publish("after");
        assertEquals(0, setup.firstSubscriber.inbox("inbox").size(),
                "the backplane still sends to a subscriber that has left: it must receive the subscriber's"
                        + " Unsubscribe (sent before requests is unlinked) and remove that subscriber's outbox");
        Recorder late = new Recorder();
        new Pipeline(new SubscribeTo("news"), late).activate(setup.scheduler);
        setup.scheduler.runCycles(20);
        setup.publish("late news");
        assertEquals(List.of("late news"), late.collected(),
                "a subscriber that joins after another has left must receive what is published next");
        assertEquals(List.of("both", "after", "late news"), setup.second.collected(),
                "the subscriber that stayed must receive everything, once, in order");
    }

    @GradedTest(order = 11, value = "a repeated Subscribe or an Unsubscribe of an unknown inbox changes nothing")
    void repeatedAndUnknownRequests() {
        Setup setup = new Setup();
        Recorder twice = subscribedByHand(setup);
        Recorder stranger = new Recorder();
        setup.backplane.inbox("subscriptions").put(new Backplane.Subscribe(twice.inbox("inbox")));
        setup.scheduler.runCycles(20);
        int outboxes = setup.backplane.outboxes().size();
        setup.backplane.inbox("subscriptions").put(new Backplane.Subscribe(twice.inbox("inbox")));
        setup.backplane.inbox("subscriptions").put(new Backplane.Unsubscribe(stranger.inbox("inbox")));
        setup.scheduler.runCycles(20);
        assertEquals(outboxes, setup.backplane.outboxes().size(),
                "a repeated Subscribe, or an Unsubscribe of an inbox that never subscribed, changed the backplane's"
                        + " outboxes: it must add an outbox only for an inbox it does not know yet");
        setup.publish("once");
        assertEquals(List.of("once"), twice.collected(),
                "an inbox subscribed twice must still receive each publication once");
        assertEquals(List.of("once"), setup.first.collected(), "an unknown Unsubscribe must change nothing");
        assertFalse(setup.backplane.isFinished(), "an unknown request must not end the backplane");
    }
}
