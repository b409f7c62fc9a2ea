package grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import axon.Component;
import grading.support.Graded;
import grading.support.GradedTest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import kamaelia.chassis.ServerCore;
import kamaelia.internet.ConnectedSocket;
import org.junit.jupiter.api.Timeout;

/**
 * The contract that a finished component leaves nothing of itself reachable from the live
 * ones, for the network: a server runs for as long as the program, and every connection
 * it ever had must be free to go once it has closed.
 */
@Graded(stage = 11, order = 6, title = "a closed connection leaves nothing behind")
class Stage11NothingLeftBehindTest {
    static final Duration PATIENCE = Duration.ofSeconds(5);

    @GradedTest(order = 1, value = "after 300 connections, one after the other, none of their sockets or protocols can"
            + " still be reached from the running server or the selector service")
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void closedConnectionsCanBeCollected() throws Throwable {
        Reachable watched = new Reachable();
        ServerCore server = new ServerCore(() -> watched.watch(watched.noter()), 0);
        try (RunningServer running = new RunningServer(server)) {
            int connections = 300;
            for (int i = 0; i < connections; i++) {
                try (LineClient client = running.client()) {
                    client.send("hello " + i + "\n");
                    assertEquals("hello " + i, client.readLine(PATIENCE), "the echo server must answer");
                }
            }
            running.awaitConnections(0, "the clients have all gone");
            List<Component> left = watched.survivors(Duration.ofSeconds(1));
            running.background.rethrow();
            if (!left.isEmpty()) {
                Component one = left.stream().filter(c -> c instanceof ConnectedSocket).findFirst()
                        .orElse(left.getFirst());
                String links = Reachable.whyStillThere(one);
                fail(left.size() + " of the " + watched.count() + " sockets and protocols of " + connections
                        + " closed connections can still be reached while the server runs, so a server that runs"
                        + " for long enough runs out of memory. For example " + one + (one.isFinished()
                        ? " has finished, but " : " has not even finished, and ")
                        + (server.children().contains(one) ? "the server still has it as a child"
                        : links.isEmpty() ? "something still refers to it (the server's list of connections?)"
                        : links + " (undo that link)") + ".");
            }
            running.stop();
        }
    }
}
