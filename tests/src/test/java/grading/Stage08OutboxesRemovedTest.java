package grading;

import static org.junit.jupiter.api.Assertions.assertEquals;

import axon.Box;
import grading.support.Graded;
import grading.support.GradedTest;
import java.util.ArrayList;
import java.util.List;
import kamaelia.util.Recorder;
import kamaelia.util.SubscribeTo;

/**
 * "For an Unsubscribe of an inbox it knows, it removes that outbox" (chapter, The
 * Backplane): the backplane's outboxes are only those of the subscribers still there.
 */
@Graded(stage = 8, title = "services and the Backplane, outboxes of subscribers that left are removed")
class Stage08OutboxesRemovedTest {

    @GradedTest(order = 1, value = "after subscribers have come and gone, the backplane has an outbox only for each"
            + " subscriber still there")
    void outboxesOfLeaversAreRemoved() {
        Newsroom weather = new Newsroom("weather");
        for (int i = 0; i < 5; i++) {
            SubscribeTo subscriber = new SubscribeTo("weather");
            weather.join(subscriber, new Recorder());
            weather.leave(subscriber);
        }
        weather.publish("sunny");
        assertEquals(List.of("sunny"), weather.stays.collected(), "the subscriber that stays receives what is"
                + " published");
        List<String> names = new ArrayList<>();
        for (Box outbox : weather.backplane.outboxes()) {
            names.add(outbox.name());
        }
        assertEquals(3, names.size(), "\"for an Unsubscribe of an inbox it knows, it removes that outbox\" (chapter,"
                + " The Backplane): after five subscribers left and one stayed, the backplane should have outbox,"
                + " signal and one outbox for the subscriber still there, but it has " + names);
    }
}
