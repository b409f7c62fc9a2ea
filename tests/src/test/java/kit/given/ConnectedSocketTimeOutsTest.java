package kit.given;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import axon.Ipc;
import axon.Scheduler;
import grading.ControlledChannel;
import grading.Waits;
import java.time.Duration;
import java.util.List;
import kamaelia.internet.ConnectedSocket;
import kamaelia.util.Metronome;
import kamaelia.util.Recorder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The given time-outs and limits of {@code ConnectedSocket} (no learner writes them), on
 * a channel the test controls: the idle and first-line time-outs close a connection with
 * a line that says why, then cut off a client that holds on; a client that has spoken is
 * not held to the first-line time-out; and the limits refuse what they should. The
 * socket looks at the time only when a tick comes on {@code timer}: the test sends the
 * ticks itself, after waiting.
 */
@Tag("kit")
@DisplayName("Kit: a socket's time-outs and limits, on a channel the test controls")
class ConnectedSocketTimeOutsTest {
    private final Scheduler scheduler = new Scheduler();
    private ControlledChannel channel;
    private ConnectedSocket socket;
    private Recorder protocol;

    private void start(Duration idle, Duration firstLine) throws Exception {
        channel = new ControlledChannel();
        new ControlledChannel.ReadyNotices(channel, scheduler);
        socket = new ConnectedSocket(channel, 1000, 1000).withTimeouts(idle, firstLine);
        protocol = ControlledChannel.startWithRecorder(socket, scheduler);
    }

    /** Waits {@code millis}, then sends the socket a tick and lets it look at the time. */
    private void tickAfter(long millis) throws InterruptedException {
        Thread.sleep(millis);
        socket.inbox("timer").put(new Metronome.Tick());
        scheduler.runCycles(20);
    }

    @AfterEach
    void closeTheSocket() {
        if (socket != null && !socket.isFinished()) {
            socket.inbox("control").put(new Ipc.ShutdownMicroprocess());
            scheduler.runCycles(50);
        }
    }

    @Test
    @DisplayName("an idle connection is told why and half-closed at the first tick after the idle time-out, and cut off"
            + " at the first tick after the time-out again if the client holds on")
    @Timeout(10)
    void idleTimeOut() throws Exception {
        start(Duration.ofMillis(400), Duration.ZERO);
        socket.inbox("timer").put(new Metronome.Tick());
        scheduler.runCycles(20);
        assertEquals("", channel.taken(), "a tick before the idle time-out has passed closes nothing");
        tickAfter(600);
        assertEquals("error: nothing came or went for 400 ms, so this connection is closed\n", channel.taken(),
                "the idle client is told why, in one line");
        assertTrue(channel.outputShut() && channel.isOpen(), "then the output is shut (a half-close), and the socket"
                + " waits for the client to close its side");
        assertInstanceOf(Ipc.ProducerFinished.class, protocol.endedBy(), "the protocol is told that no more lines"
                + " will come");
        tickAfter(600);
        assertFalse(channel.isOpen(), "a client that holds on for the idle time-out again is cut off");
        assertTrue(socket.isFinished(), "a socket that has closed its channel has finished");
    }

    @Test
    @DisplayName("a client that has sent no whole line within the first-line time-out is told why in whole seconds"
            + " when the time-out is a whole number of seconds")
    @Timeout(10)
    void firstLineTimeOut() throws Exception {
        start(Duration.ZERO, Duration.ofSeconds(1));
        channel.peerSends("no line end yet");
        scheduler.runCycles(20);
        tickAfter(1200);
        assertEquals("error: no line came within 1 s of connecting, so this connection is closed\n", channel.taken(),
                "a client without a whole first line is told why, with the time-out in seconds");
        assertInstanceOf(Ipc.ProducerFinished.class, protocol.endedBy(), "its protocol is told that no more lines will"
                + " come");
        assertEquals(List.of(), protocol.collected(), "a line without its end is not a line");
    }

    @Test
    @DisplayName("a client that has sent a whole line is not held to the first-line time-out")
    @Timeout(10)
    void aClientThatSpokeStays() throws Exception {
        start(Duration.ZERO, Duration.ofMillis(200));
        channel.peerSends("hello\n");
        scheduler.runCycles(20);
        tickAfter(300);
        assertEquals(List.of("hello"), protocol.collected());
        assertEquals("", channel.taken(), "a client that sent its first line in time is not told anything");
        assertTrue(channel.isOpen() && protocol.endedBy() == null, "a client that sent its first line in time keeps its"
                + " connection");
    }

    @Test
    @DisplayName("a client that has closed its sending side and then stays idle is told why and closed at once")
    @Timeout(10)
    void idleAfterThePeerClosedItsSide() throws Exception {
        start(Duration.ofMillis(200), Duration.ZERO);
        channel.peerSends("last words");
        channel.peerCloses();
        scheduler.runCycles(20);
        assertEquals(List.of("last words"), protocol.collected(), "the last line counts even without its end");
        assertTrue(channel.isOpen(), "the protocol may still answer: the socket stays open for that");
        tickAfter(300);
        assertEquals("error: nothing came or went for 200 ms, so this connection is closed\n", channel.taken(),
                "the idle client is told why");
        assertFalse(channel.isOpen(), "a client that has closed its side is closed as soon as it has been told");
    }

    @Test
    @DisplayName("limits of one byte are allowed and less is refused; a negative time-out is refused")
    void limitsAreChecked() throws Exception {
        try (ControlledChannel one = new ControlledChannel()) {
            new ConnectedSocket(one, 1, 1);   // the smallest limits: allowed
            assertThrows(IllegalArgumentException.class, () -> new ConnectedSocket(one, 0, 1), "a line limit of 0");
            assertThrows(IllegalArgumentException.class, () -> new ConnectedSocket(one, 1, 0), "an output limit of 0");
            ConnectedSocket socket = new ConnectedSocket(one, 1, 1);
            assertThrows(IllegalArgumentException.class, () -> socket.withTimeouts(Duration.ofMillis(-1),
                    Duration.ZERO), "a negative idle time-out");
            assertThrows(IllegalArgumentException.class, () -> socket.withTimeouts(Duration.ZERO,
                    Duration.ofMillis(-1)), "a negative first-line time-out");
            assertEquals(socket, socket.withTimeouts(Duration.ZERO, Duration.ZERO), "withTimeouts returns the socket");
        }
    }
    @Test
    @DisplayName("a line over the limit: the client is told why, the protocol is told at once that no more lines will"
            + " come, the output is half-closed, and the socket ends when the client closes its side")
    @Timeout(10)
    void aLineOverTheLimitIsRefused() throws Exception {
        start(Duration.ZERO, Duration.ZERO);
        channel.peerSends("x".repeat(1001));
        scheduler.runCycles(20);
        assertEquals("error: a line is longer than 1000 bytes, so this connection is closed\n", channel.taken(),
                "the client is told why, in one line");
        assertInstanceOf(Ipc.ProducerFinished.class, protocol.endedBy(), "the protocol is told at once that no more"
                + " lines will come");
        assertTrue(channel.outputShut() && channel.isOpen(), "the output is half-closed, and the socket waits for the"
                + " client to close its side");
        channel.peerSends("more that is thrown away\n");
        channel.peerCloses();
        scheduler.runCycles(20);
        assertEquals(List.of(), protocol.collected(), "what the client sends after a refused line is thrown away");
        assertFalse(channel.isOpen(), "once the client has closed its side, the connection is closed");
        assertTrue(socket.isFinished(), "a socket that has closed its channel has finished");
    }
}
