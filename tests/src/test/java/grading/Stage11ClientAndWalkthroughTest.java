package grading;

import static grading.LogFile.append;
import static grading.Network.*;
import static grading.Wiring.activate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import axon.Ipc;
import axon.Linkage;
import axon.Scheduler;
import examples.programs.SharedLogServer;
import grading.support.Graded;
import grading.support.GradedTest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import kamaelia.chassis.Pipeline;
import kamaelia.chassis.ServerCore;
import kamaelia.file.Follow;
import kamaelia.internet.TCPClient;
import kamaelia.util.Backplane;
import kamaelia.util.PublishTo;
import kamaelia.util.Recorder;
import kamaelia.util.Source;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Graded(stage = 11, order = 5, title = "network, TCPClient and the shared log walkthrough")
class Stage11ClientAndWalkthroughTest {
    @GradedTest(order = 17, value = "TCPClient sends lines and passes on the replies; when what feeds it finishes it"
            + " half-closes and ends after the server has; a refused connection ends it with ShutdownMicroprocess")
    void tcpClient() throws Throwable {
        int refusedPort;
        try (ServerSocketChannel taken = ServerSocketChannel.open()) {
            taken.bind(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0));
            refusedPort = ((InetSocketAddress) taken.getLocalAddress()).getPort();
        }
        Scheduler scheduler = new Scheduler();
        ServerCore server = new ServerCore(new Talkers(), 0);
        Recorder replies = new Recorder();
        Pipeline client = new Pipeline(new Source(List.of("hello", "world", "quit")), new TCPClient(server.port()),
                replies);
        Linkage.link(client.outbox("signal"), server.inbox("control"));
        Recorder refused = new Recorder();
        Pipeline nobody = new Pipeline(new Source(List.of("anyone?")), new TCPClient(refusedPort), refused);
        activate(scheduler, server, client, nobody);
        InBackground running = InBackground.run(scheduler);
        try {
            assertTrue(running.awaitEnd(PATIENCE), "run() did not return: the client must end once the server closes,"
                    + " and then the server is shut down");
            assertEquals(List.of("1: hello", "2: world", "bye"), replies.collected(), "the replies TCPClient passed"
                    + " on, in order");
            assertEquals(new Ipc.ProducerFinished(), replies.endedBy(), "the server closed normally");
            assertEquals(List.of(), refused.collected(), "a client whose connection was refused has nothing to pass"
                    + " on");
            assertEquals(new Ipc.ShutdownMicroprocess(), refused.endedBy(),
                    "a refused connection must end the client with ShutdownMicroprocess");
            assertEquals(List.of(), scheduler.microprocesses(), "every component must have finished");
        } finally {
            running.stop();
        }
    }

    @GradedTest(order = 18, value = "walkthrough: one Follow and a Backplane serve a log to many clients at once; each"
            + " sees the same new lines, in order, and one leaving does not disturb the others")
    @Timeout(value = 15, unit = TimeUnit.SECONDS)
    void sharedLog(@TempDir Path folder) throws Throwable {
        Path log = LogFile.holding(folder, "old news\n");
        Backplane backplane = new Backplane("log");
        Pipeline follow = new Pipeline(new Follow(log, Duration.ofMillis(5)), new PublishTo("log"));
        ServerCore server = new ServerCore(SharedLogServer::follower, 0);
        List<LineClient> clients = new ArrayList<>();
        try (RunningServer running = new RunningServer(server, backplane, follow)) {
            for (int i = 0; i < 3; i++) {
                clients.add(running.client());
            }
            // Subscribing takes a moment after connecting: add marker lines until every client has seen one.
            AtomicBoolean marking = new AtomicBoolean(true);
            Thread marker = Thread.ofVirtual().start(() -> {
                try {
                    for (int n = 0; marking.get(); n++) {
                        append(log, "marker " + n + "\n");
                        Thread.sleep(20);
                    }
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            try {
                for (LineClient client : clients) {
                    String line = client.readLine(PATIENCE);
                    assertTrue(line != null && line.startsWith("marker"), "a client must see the lines added to the"
                            + " log after it connected, and none before: " + line);
                }
            } finally {
                marking.set(false);
                marker.join();
            }
            append(log, "first\nsecond\n");
            for (LineClient client : clients) {
                assertEquals(List.of("first", "second"), afterMarkers(client, 2), "every client must see the lines"
                        + " appended to the log, in order");
            }
            clients.get(1).close();
            append(log, "third\n");
            assertEquals(List.of("third"), afterMarkers(clients.get(0), 1), "after the second client left, the first"
                    + " must still see new lines");
            assertEquals(List.of("third"), afterMarkers(clients.get(2), 1), "after the second client left, the third"
                    + " must still see new lines");
            running.stop();
            for (LineClient client : List.of(clients.get(0), clients.get(2))) {
                assertEquals(List.of(), client.readUntilClosed(PATIENCE), "when the server stops, each connection must"
                    + " close with nothing more sent");
            }
        } finally {
            for (LineClient client : clients) {
                client.close();
            }
        }
    }
}
