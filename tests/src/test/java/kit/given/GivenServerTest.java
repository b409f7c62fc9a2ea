package kit.given;

import static grading.Network.PATIENCE;
import static grading.Network.echoServer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import axon.Box;
import grading.LineClient;
import grading.Network;
import grading.RunningServer;
import grading.Waits;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import kamaelia.chassis.ServerCore;
import kamaelia.util.PureTransformer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The given parts of {@code ServerCore} that no graded test reaches (no learner writes
 * them): its settings, and the time-outs its child metronome and its reminders to every
 * connection make work. A server with a short time-out ticks often enough for it; the
 * tests wait for real time on loopback.
 */
@Tag("kit")
@DisplayName("Kit: the given parts of a server: time-outs, settings, a connection that cannot be set up")
class GivenServerTest {

    @Test
    @DisplayName("an idle client is told why and half-closed, and cut off when it holds on; a client that talks is"
            + " served meanwhile")
    @Timeout(20)
    void idleClientsAreClosedAndCutOff() throws Throwable {
        // The idle client is answered once first: idle time counts from the last line that came or went.
        // (Clients that never send are closed as well: ServersUnderAbuseTest's squatters.)
        try (RunningServer running = new RunningServer(echoServer().withIdleTimeout(Duration.ofMillis(600)));
                LineClient idle = running.answeredClient(); LineClient talking = running.answeredClient()) {
            for (int i = 0; i < 9; i++) {   // the idle client is told after 600 ms, the talking one never
                talk(talking, i);
            }
            List<String> heard = idle.readUntilClosed(PATIENCE);
            assertEquals(List.of("error: nothing came or went for 600 ms, so this connection is closed"), heard,
                    "an idle client is told why, then its connection is half-closed");
            // The idle client has not closed its side: the server cuts it off after the time-out again.
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            for (int i = 0; running.server.connections() != 1; i++) {
                assertTrue(System.nanoTime() < deadline, "the idle client held on after it was told, and was not cut"
                        + " off: the server counts " + running.server.connections() + " open connections");
                talk(talking, i);
            }
            running.stop();
        }
    }

    /** Waits a little, then sends a line and reads it back. */
    private static void talk(LineClient client, int i) throws Throwable {
        Thread.sleep(100);
        client.send("still here " + i + "\n");
        assertEquals("still here " + i, client.readLine(PATIENCE), "a client that talks is not idle");
    }

    @Test
    @DisplayName("with no idle time-out, a client that sends no whole first line within the first-line time-out is"
            + " told why and closed; one that does is served")
    @Timeout(20)
    void firstLineTimeOut() throws Throwable {
        ServerCore server = echoServer().withIdleTimeout(Duration.ZERO).withFirstLineTimeout(Duration.ofMillis(300));
        try (RunningServer running = new RunningServer(server); LineClient quick = running.answeredClient();
                LineClient silent = running.client()) {
            silent.send("no line end");
            List<String> heard = silent.readUntilClosed(PATIENCE);
            assertEquals(List.of("error: no line came within 300 ms of connecting, so this connection is closed"),
                    heard, "a client without a whole first line is told why");
            quick.send("served\n");
            assertEquals("served", quick.readLine(PATIENCE), "a client that sent its first line in time stays");
            running.stop();
        }
    }

    @Test
    @DisplayName("limits of 1 are allowed and less is refused, negative time-outs are refused, and each setting"
            + " returns the server")
    void settingsAreChecked() {
        ServerCore server = echoServer();
        try {
            assertSame(server, server.withMaxLineLength(1));
            assertSame(server, server.withMaxPendingOutput(1));
            assertSame(server, server.withMaxConnections(1));
            assertSame(server, server.withIdleTimeout(Duration.ofMillis(1)));
            assertSame(server, server.withFirstLineTimeout(Duration.ofMillis(1)));
            assertThrows(IllegalArgumentException.class, () -> server.withMaxLineLength(0));
            assertThrows(IllegalArgumentException.class, () -> server.withMaxPendingOutput(0));
            assertThrows(IllegalArgumentException.class, () -> server.withMaxConnections(0));
            assertThrows(IllegalArgumentException.class, () -> server.withIdleTimeout(Duration.ofMillis(-1)));
            assertThrows(IllegalArgumentException.class, () -> server.withFirstLineTimeout(Duration.ofMillis(-1)));
            assertEquals(server.port(), server.address().getPort());
            assertTrue(server.address().getAddress().isLoopbackAddress(), "a server listens on 127.0.0.1 unless told");
        } finally {
            // never run: free the port the constructor bound
            try (RunningServer running = new RunningServer(server)) {
                running.stop();
            } catch (Throwable t) {
                throw new AssertionError("a server that never served must stop on a shutdown: " + t, t);
            }
        }
    }
    /** A protocol whose classes cannot all be loaded, as when the process has no file descriptor left: its inbox fails. */
    static final class Unloadable extends PureTransformer {
        Unloadable() {
            super(line -> line);
        }

        @Override
        public Box inbox(String name) {
            if (name.equals("inbox")) {
                throw new NoClassDefFoundError("a class this protocol needs (simulated: no file descriptor left)");
            }
            return super.inbox(name);
        }
    }

    @Test
    @DisplayName("a connection that cannot be set up (a class that cannot be loaded) is closed, and the server serves"
            + " the next client and still ends on a shutdown")
    @Timeout(20)
    void aConnectionThatCannotBeSetUp() throws Throwable {
        AtomicInteger made = new AtomicInteger();
        ServerCore server = new ServerCore(() -> made.getAndIncrement() == 0 ? new Unloadable()
                : new PureTransformer(line -> line), 0);
        PrintStream err = System.err;
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        System.setErr(new PrintStream(logged, true, StandardCharsets.UTF_8));
        try (RunningServer running = new RunningServer(server)) {
            try (LineClient first = running.client()) {
                first.send("hello\n");
                assertEquals(List.of(), first.readUntilClosed(PATIENCE), "a connection that could not be set up is"
                        + " closed at once, without an answer");
            }
            try (LineClient second = running.answeredClient()) {
                second.send("served\n");
                assertEquals("served", second.readLine(PATIENCE), "the next client is served");
                assertEquals(1, server.connections(), "only the connection that was set up counts");
            }
            running.stop();
        } finally {
            System.setErr(err);
        }
        assertTrue(server.isFinished(), "the server must finish after its shutdown: a half-built connection must"
                + " not stay among its children, or it waits for them for ever");
        assertTrue(logged.toString(StandardCharsets.UTF_8).contains("could not be set up"), "the failure is logged on"
                + " System.err: " + logged);
    }
    @Test
    @DisplayName("clients that wait together for the first accept are counted one by one: past the connection limit,"
            + " the next is turned away even within one batch")
    @Timeout(20)
    void theLimitHoldsWithinOneBatch() throws Throwable {
        ServerCore server = echoServer().withMaxConnections(2);
        List<Socket> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {   // before the server runs: all three wait in its backlog, for one accept step
                Socket client = new Socket(InetAddress.getLoopbackAddress(), server.port());
                client.setSoTimeout((int) PATIENCE.toMillis());
                clients.add(client);
            }
            try (RunningServer running = new RunningServer(server)) {
                for (int i = 0; i < 2; i++) {
                    clients.get(i).getOutputStream().write(("client " + i + "\n").getBytes(StandardCharsets.UTF_8));
                    assertEquals("client " + i, readLine(clients.get(i)), "the first two clients are served");
                }
                assertEquals("error: the server is busy (2 connections): try again later", readLine(clients.get(2)),
                        "the third, past the limit of 2, is told the server is busy");
                assertEquals(null, readLine(clients.get(2)), "and its connection is closed");
                running.stop();
            }
        } finally {
            for (Socket client : clients) {
                client.close();
            }
        }
    }

    /** One line from a plain socket, or null at the end of the stream. */
    private static String readLine(Socket socket) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
            }
            line.write(b);
        }
        return line.toString(StandardCharsets.UTF_8);
    }
}
