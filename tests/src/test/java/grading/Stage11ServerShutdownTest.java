package grading;

import static grading.Wiring.activate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import axon.Box;
import axon.Ipc;
import axon.Linkage;
import axon.Scheduler;
import grading.support.Graded;
import grading.support.GradedTest;
import java.util.ArrayList;
import java.util.List;
import kamaelia.chassis.ServerCore;
import kamaelia.util.Recorder;

/**
 * A server that is shut down ends like every component (stage 6, The shutdown idiom: it
 * sends the message that ended it out of signal) and leaves nothing linked into what lives
 * on (chapter 11: "a connection that is over leaves nothing behind ... not a link into a
 * live component's box").
 */
@Graded(stage = 11, order = 8, title = "network, a server that is shut down")
class Stage11ServerShutdownTest {

    @GradedTest(order = 1, value = "a server shut down on control passes the shutdown on out of signal and leaves no"
            + " box linked")
    void shutdownIsPassedOnAndNothingStaysLinked() {
        Scheduler scheduler = new Scheduler();
        ServerCore server = Network.echoServer();
        Recorder next = new Recorder();
        Linkage.link(server.outbox("signal"), next.inbox("control"));
        activate(scheduler, server, next);
        server.inbox("control").put(new Ipc.ShutdownMicroprocess());
        scheduler.run();
        assertTrue(server.isFinished(), "a server ends on a shutdown message on its control");
        assertTrue(next.endedBy() instanceof Ipc.ShutdownMicroprocess, "\"a component that ends sends a shutdown"
                + " message out of signal: the one that ended it\" (stage 6, The shutdown idiom): the server sent "
                + (next.endedBy() == null ? "nothing" : next.endedBy()));
        List<String> stillLinked = new ArrayList<>();
        for (Box box : server.outboxes()) {
            if (box.target() != null && box.target().owner() != next) {
                stillLinked.add(box + " -> " + box.target());
            }
        }
        assertEquals(List.of(), stillLinked, "when a component finishes, nothing that lives on may still reach it,"
                + " \"not a link into a live component's box\" (chapter 11): the ended server's boxes still lead"
                + " elsewhere");
    }
}
