package grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import axon.Component;
import axon.Inbox;
import axon.Linkage;
import axon.Outbox;
import axon.Scheduler;
import grading.support.Graded;
import grading.support.Hint;
import grading.support.OnTimeout;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import kamaelia.chassis.ServerCore;
import kamaelia.internet.ConnectedSocket;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The contract that a finished component leaves nothing of itself reachable from the live
 * ones, for the network: a server runs for as long as the program, and every connection
 * it ever had must be free to go once it has closed.
 */
@Graded
@Tag("stage11")
@Order(6)
@DisplayName("Stage 11: a closed connection leaves nothing behind")
@OnTimeout("a server or a client never answered, or the run never ended. Does every connection close once its"
        + " client has gone, and does the server forget it (forgetClosedConnections)?")
class Stage11NothingLeftBehindTest {
    static final Duration PATIENCE = Duration.ofSeconds(5);

    /**
     * Echoes each line; at its first step it notes, for the test, the socket its outbox
     * leads to (the public {@code Box.target()}: this is a test's probe, not how
     * components are written).
     */
    @Inbox(name = "inbox", doc = "Lines from one client")
    @Outbox(name = "outbox", doc = "The same lines")
    static final class NotingEcho extends Component {
        private final Reachable watched;
        private boolean noted = false;

        NotingEcho(Reachable watched) {
            this.watched = watched;
        }

        @Override
        protected boolean step() {
            if (!noted && outbox("outbox").target() != null) {
                noted = true;
                watched.watch(outbox("outbox").target().owner());
            }
            while (dataReady("inbox")) {
                send(recv("inbox"), "outbox");
            }
            if (shutdownRequested()) {
                passShutdownOn();
                return false;
            }
            pause();
            return true;
        }
    }

    @Test
    @Order(1)
    @DisplayName("after 300 connections, one after the other, none of their sockets or protocols can still be reached"
            + " from the running server or the selector service")
    @Hint(value = "When a connection is over, nothing that lives on may keep it: forgetClosedConnections must"
            + " removeChild both the socket and its protocol (which undoes the links the server made) and drop the"
            + " pair from connections. A ConnectedSocket that closes undoes its own link to the selector service"
            + " (given).", read = "Closing a connection")
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void closedConnectionsCanBeCollected() throws Throwable {
        Reachable watched = new Reachable();
        Scheduler scheduler = new Scheduler();
        ServerCore server = new ServerCore(() -> watched.watch(new NotingEcho(watched)), 0);
        Stopper stopper = new Stopper();
        Linkage.link(stopper.outbox("outbox"), server.inbox("control"));
        server.activate(scheduler);
        stopper.activate(scheduler);
        InBackground running = InBackground.run(scheduler);
        try {
            int connections = 300;
            for (int i = 0; i < connections; i++) {
                try (LineClient client = LineClient.connect(server.port(), running)) {
                    client.send("hello " + i + "\n");
                    assertEquals("hello " + i, client.readLine(PATIENCE), "the echo server must answer");
                }
            }
            awaitNoConnection(server, running);
            List<Component> left = watched.survivors(Duration.ofSeconds(1));
            running.rethrow();
            if (!left.isEmpty()) {
                Component one = left.stream().filter(c -> c instanceof ConnectedSocket).findFirst()
                        .orElse(left.getFirst());
                String links = Reachable.whyStillThere(one);
                fail(left.size() + " of the " + watched.count() + " sockets and protocols of " + connections
                        + " closed connections can still be reached while the server runs, so a server that runs"
                        + " for long enough runs out of memory. For example " + one + (one.isFinished()
                        ? " has finished, but " : " has not even finished, and ")
                        + (server.children().contains(one) ? "the server still has it as a child (removeChild it)"
                        : links.isEmpty() ? "something still refers to it (the server's list of connections?)"
                        : links + " (undo that link)") + ".");
            }
            stopper.go.countDown();
            assertTrue(running.awaitEnd(PATIENCE), "run() did not return after the server was shut down");
        } finally {
            stopper.go.countDown();
            running.stop();
        }
    }

    /** Waits until the server counts no open connection. */
    static void awaitNoConnection(ServerCore server, InBackground running) throws Throwable {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (server.connections() != 0) {
            running.rethrow();
            if (System.nanoTime() > deadline) {
                fail("the clients have all gone, but the server still counts " + server.connections()
                        + " open connections");
            }
            Thread.sleep(5);
        }
    }
}
