package grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import axon.Box;
import axon.Ipc;
import axon.Scheduler;
import grading.support.Graded;
import grading.support.Hint;
import grading.support.OnTimeout;
import java.util.ArrayList;
import java.util.List;
import kamaelia.chassis.Pipeline;
import kamaelia.util.Backplane;
import kamaelia.util.PublishTo;
import kamaelia.util.Recorder;
import kamaelia.util.SubscribeTo;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * "For an Unsubscribe of an inbox it knows, it removes that outbox" (chapter, The
 * Backplane): the backplane's outboxes are only those of the subscribers still there.
 */
@Graded
@Tag("stage08")
@DisplayName("Stage 8: services and the Backplane, outboxes of subscribers that left are removed")
@OnTimeout("the run never ended: does the backplane pause when it has nothing to do?")
class Stage08OutboxesRemovedTest {

    @Test
    @Order(1)
    @DisplayName("after subscribers have come and gone, the backplane has an outbox only for each subscriber still there")
    @Hint(value = "On an Unsubscribe of an inbox it knows, the backplane calls removeOutbox(name of that subscriber's"
            + " outbox) and forgets the subscriber.", read = "The Backplane")
    void outboxesOfLeaversAreRemoved() {
        Scheduler scheduler = new Scheduler();
        Backplane backplane = new Backplane("weather");
        PublishTo publisher = new PublishTo("weather");
        Recorder stays = new Recorder();
        backplane.activate(scheduler);
        publisher.activate(scheduler);
        new Pipeline(new SubscribeTo("weather"), stays).activate(scheduler);
        scheduler.runCycles(20);
        for (int i = 0; i < 5; i++) {
            SubscribeTo subscriber = new SubscribeTo("weather");
            new Pipeline(subscriber, new Recorder()).activate(scheduler);
            scheduler.runCycles(10);
            subscriber.inbox("control").put(new Ipc.ShutdownMicroprocess());
            scheduler.runCycles(10);
            assertTrue(subscriber.isFinished(), "a subscriber ends on a shutdown message");
        }
        publisher.inbox("inbox").put("sunny");
        scheduler.runCycles(10);
        assertEquals(List.of("sunny"), stays.collected(), "the subscriber that stays receives what is published");
        List<String> names = new ArrayList<>();
        for (Box outbox : backplane.outboxes()) {
            names.add(outbox.name());
        }
        assertEquals(3, names.size(), "\"for an Unsubscribe of an inbox it knows, it removes that outbox\" (chapter,"
                + " The Backplane): after five subscribers left and one stayed, the backplane should have outbox,"
                + " signal and one outbox for the subscriber still there, but it has " + names);
    }
}
