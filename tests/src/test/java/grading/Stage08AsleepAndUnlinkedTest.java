package grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import axon.Ipc;
import axon.Microprocess;
import axon.Scheduler;
import grading.support.Graded;
import grading.support.GradedTest;
import java.util.List;
import kamaelia.chassis.Pipeline;
import kamaelia.util.Backplane;
import kamaelia.util.PublishTo;
import kamaelia.util.Recorder;
import kamaelia.util.SubscribeTo;
import org.junit.jupiter.api.BeforeEach;

/**
 * The backplane's three components follow stage 6's rules like every other: each pauses
 * when it has nothing to do (the chapter's step lists end with "pauses" and "otherwise
 * pause"), and one that finishes leaves "not a link into a live box" (The Backplane).
 */
@Graded(stage = 8, order = 4, title = "services and the Backplane, asleep when quiet and unlinked when done")
class Stage08AsleepAndUnlinkedTest {
    // A backplane and its publisher, running on a scheduler, new for each test.
    private final Scheduler scheduler = new Scheduler();
    private Backplane backplane;
    private PublishTo publisher;

    @BeforeEach
    void newBackplane() {
        backplane = new Backplane("weather");
        publisher = new PublishTo("weather");
        backplane.activate(scheduler);
        publisher.activate(scheduler);
    }

    @GradedTest(order = 1, value = "once a publication has been delivered, the backplane, its publisher and its"
            + " subscriber all sleep: nobody is awake")
    void quietBackplaneSleeps() {
        SubscribeTo subscriber = new SubscribeTo("weather");
        Recorder reader = new Recorder();
        new Pipeline(subscriber, reader).activate(scheduler);
        scheduler.runCycles(20);
        publisher.inbox("inbox").put("sunny");
        scheduler.runCycles(20);
        assertEquals(List.of("sunny"), reader.collected(), "the subscriber's reader must receive what is published");
        boolean stillAwake = scheduler.runCycles(10);
        List<String> awake = List.of(backplane, publisher, subscriber).stream()
                .filter(component -> !component.isPaused()).map(Microprocess::name).toList();
        assertFalse(stillAwake, "40 cycles after the last publication, something is still awake (" + awake + "): a"
                + " component with nothing to do pauses (stage 6), and the chapter's steps end with \"pauses\": end"
                + " each step that does not finish with pause() before return true");
    }

    @GradedTest(order = 2, value = "a publisher that has ended leaves no link into the backplane's inbox")
    void endedPublisherIsUnlinked() {
        scheduler.runCycles(20);
        assertTrue(publisher.inbox("inbox").target() == backplane.inbox("inbox"), "at its first step, a publisher"
                + " links its inbox to the backplane's publishing inbox");
        publisher.inbox("control").put(new Ipc.ShutdownMicroprocess());
        scheduler.runCycles(10);
        assertTrue(publisher.isFinished(), "a publisher ends on a shutdown message");
        assertNull(publisher.inbox("inbox").target(), "a publisher that has ended still links its inbox to the"
                + " backplane's: \"a component that finishes must leave nothing of itself reachable from the"
                + " components that live on: not a link into a live box\" (chapter 8, The Backplane). On a shutdown,"
                + " unlinkAll() before passShutdownOn()");
    }
}
