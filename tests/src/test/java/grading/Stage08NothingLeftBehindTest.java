package grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import axon.Box;
import axon.Component;
import axon.Ipc;
import axon.Scheduler;
import grading.support.Graded;
import grading.support.GradedTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import kamaelia.chassis.Pipeline;
import kamaelia.util.Backplane;
import kamaelia.util.PublishTo;
import kamaelia.util.Recorder;
import kamaelia.util.SubscribeTo;
import org.junit.jupiter.api.Timeout;

/**
 * The contract that a finished component leaves nothing of itself reachable from the live
 * ones, for services: a backplane lives as long as the program, and its subscribers come
 * and go.
 */
@Graded(stage = 8, order = 3, title = "a subscriber that leaves leaves nothing behind")
class Stage08NothingLeftBehindTest {

    @GradedTest(order = 1, value = "after 200 subscribers have come and gone, none of them can still be reached from"
            + " the running backplane or the service registry")
    @Timeout(20)
    void subscribersThatLeaveCanBeCollected() throws InterruptedException {
        Newsroom news = new Newsroom("news");
        Reachable watched = new Reachable();
        for (int i = 0; i < 200; i++) {
            SubscribeTo subscriber = watched.watch(new SubscribeTo("news"));
            Recorder recorder = watched.watch(new Recorder());
            news.join(subscriber, recorder);
            news.publish("news " + i);
            assertEquals(List.of("news " + i), recorder.collected(), "a subscriber receives what is published");
            news.leave(subscriber);
        }
        assertEquals(200, news.stays.collected().size(), "the subscriber that stays receives everything");
        List<Component> left = watched.survivors(Duration.ofSeconds(1));
        if (!left.isEmpty()) {
            Component one = left.stream().filter(c -> c instanceof SubscribeTo).findFirst().orElse(left.getFirst());
            List<String> why = new ArrayList<>();
            String links = Reachable.whyStillThere(one);
            if (!links.isEmpty()) {
                why.add(links + " (undo it when the subscriber ends)");
            }
            for (Box outbox : news.backplane.outboxes()) {
                if (outbox.target() != null && outbox.target().owner() == one) {
                    why.add("the backplane's outbox \"" + outbox.name() + "\" still leads to its " + outbox.target().name()
                            + " (on Unsubscribe, removeOutbox it)");
                }
            }
            fail(left.size() + " of the " + watched.count() + " subscribers and recorders of 200 subscriptions that"
                    + " ended can still be reached while the backplane runs, so a program whose subscribers come and"
                    + " go runs out of memory. For example " + one + ": " + (why.isEmpty()
                    ? "something still refers to it" : String.join("; ", why)) + ".");
        }
    }

    @GradedTest(order = 2, value = "after 200 publishers have come and gone, none of them can still be reached from"
            + " the running backplane, and nothing put into one that ended is published")
    @Timeout(20)
    void publishersThatLeaveCanBeCollected() throws InterruptedException {
        Scheduler scheduler = new Scheduler();
        Backplane backplane = new Backplane("news");
        Recorder stays = new Recorder();
        backplane.activate(scheduler);
        new Pipeline(new SubscribeTo("news"), stays).activate(scheduler);
        scheduler.runCycles(20);
        Reachable watched = new Reachable();
        PublishTo ended = null;
        for (int i = 0; i < 200; i++) {
            PublishTo publisher = watched.watch(new PublishTo("news"));
            publisher.activate(scheduler);
            scheduler.runCycles(10);
            publisher.inbox("inbox").put("news " + i);
            scheduler.runCycles(10);
            publisher.inbox("control").put(new Ipc.ShutdownMicroprocess());
            scheduler.runCycles(10);
            assertTrue(publisher.isFinished(), "a publisher ends on a shutdown message");
            ended = publisher;
        }
        assertEquals(200, stays.collected().size(), "the subscriber receives what each publisher published");
        String links = Reachable.whyStillThere(ended);
        ended.inbox("inbox").put("too late");
        scheduler.runCycles(10);
        assertEquals(200, stays.collected().size(), "a message put into a publisher that has ended was still"
                + " published" + (links.isEmpty() ? "" : ": " + links) + ". On a shutdown a publisher undoes its"
                + " link to the backplane, then ends");
        ended = null;
        List<Component> left = watched.survivors(Duration.ofSeconds(1));
        if (!left.isEmpty()) {
            String why = Reachable.whyStillThere(left.getFirst());
            fail(left.size() + " of the 200 publishers that ended can still be reached while the backplane runs,"
                    + " so a program whose publishers come and go runs out of memory. For example " + left.getFirst()
                    + ": " + (why.isEmpty() ? "something still refers to it" : why + " (undo it when the publisher"
                    + " ends)") + ".");
        }
    }
}
