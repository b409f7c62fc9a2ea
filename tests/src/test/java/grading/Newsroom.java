package grading;

import static org.junit.jupiter.api.Assertions.assertTrue;

import axon.Ipc;
import axon.Scheduler;
import kamaelia.chassis.Pipeline;
import kamaelia.util.Backplane;
import kamaelia.util.PublishTo;
import kamaelia.util.Recorder;
import kamaelia.util.SubscribeTo;

/**
 * A running backplane with a publisher and one subscriber that stays, for the stage 8
 * tests in which other subscribers come and go. Each step runs the scheduler until the
 * messages it started have settled.
 */
final class Newsroom {
    final Scheduler scheduler = new Scheduler();
    final Backplane backplane;
    final PublishTo publisher;
    /** What the subscriber that stays has received. */
    final Recorder stays = new Recorder();

    Newsroom(String service) {
        backplane = new Backplane(service);
        publisher = new PublishTo(service);
        backplane.activate(scheduler);
        publisher.activate(scheduler);
        new Pipeline(new SubscribeTo(service), stays).activate(scheduler);
        scheduler.runCycles(20);
    }

    /** Subscribes {@code subscriber}, which feeds {@code recorder}. */
    void join(SubscribeTo subscriber, Recorder recorder) {
        new Pipeline(subscriber, recorder).activate(scheduler);
        scheduler.runCycles(10);
    }

    void publish(Object message) {
        publisher.inbox("inbox").put(message);
        scheduler.runCycles(10);
    }

    /** Sends {@code subscriber} a shutdown message, which must end it. */
    void leave(SubscribeTo subscriber) {
        subscriber.inbox("control").put(new Ipc.ShutdownMicroprocess());
        scheduler.runCycles(10);
        assertTrue(subscriber.isFinished(), "a subscriber ends on a shutdown message");
    }
}
