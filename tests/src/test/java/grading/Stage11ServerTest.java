package grading;

import static grading.Network.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grading.support.Graded;
import grading.support.GradedTest;
import grading.support.HintedFailure;
import grading.support.WaitedInVain;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import kamaelia.chassis.ServerCore;
import org.junit.jupiter.api.Timeout;

@Graded(stage = 11, order = 2, title = "network, a server, its lines and its connections")
class Stage11ServerTest {
    @GradedTest(order = 2, value = "an echo server answers a client line by line, in order; it listens on 127.0.0.1,"
            + " on the free port that port() tells as soon as it is built")
    @Timeout(value = 15, unit = TimeUnit.SECONDS)
    @SuppressWarnings("try")
    // a client is closed early, or only held open, on purpose
    void echoes() throws Throwable {
        ServerCore server = echoServer();
        assertTrue(server.port() > 0, "port() must be the port bound, not 0");
        assertTrue(server.address().getAddress().isLoopbackAddress(), "the server must listen on 127.0.0.1 by default");
        try (RunningServer running = new RunningServer(server); LineClient client = running.client()) {
            client.send("hello\nwörld ✓\n");
            assertEquals(List.of("hello", "wörld ✓"), client.readLines(2, PATIENCE), "the echo server must send"
                    + " back each line, in order");
            StringBuilder many = new StringBuilder();
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 3000; i++) {
                many.append("line ").append(i).append('\n');
                expected.add("line " + i);
            }
            client.send(many.toString()); // 30 kB at once: many reads, many writes, lines cut anywhere
            assertEquals(expected, client.readLines(expected.size(), PATIENCE),
                    "every line must come back once, in order");
            client.close();
            running.stop();
        }
    }

    @GradedTest(order = 3, value = "a line arrives whole however its bytes are split; \\r\\n and \\n both end it;"
            + " bytes that are not UTF-8 become U+FFFD")
    void linesAreWhole() throws Throwable {
        try (RunningServer running = new RunningServer(echoServer()); LineClient client = running.client()) {
            client.sendApart("hel", "lo\r", "\nsecond\r\n");
            byte[] e = "é\n".getBytes(StandardCharsets.UTF_8);
            client.sendApart(Arrays.copyOfRange(e, 0, 1), Arrays.copyOfRange(e, 1, e.length)); // a character cut in two
            client.sendBytes(new byte[] {(byte) 0xff, 'a', (byte) 0xc3, '\n'});
            assertEquals(List.of("hello", "second", "é", "\uFFFDa\uFFFD"), client.readLines(4, PATIENCE),
                    "the lines that came back: each whole, whatever pieces its bytes came in");
            running.stop();
        }
    }

    @GradedTest(order = 4, value = "when a client stops sending, its last line counts even without \\n, and once the"
            + " reply has gone the connection is closed")
    void lastLineThenClose() throws Throwable {
        try (RunningServer running = new RunningServer(echoServer()); LineClient client = running.client()) {
            client.send("first\nlast");
            client.shutdownOutput();
            assertEquals(List.of("first", "last"), client.readLines(2, PATIENCE), "the lines that came back for"
                    + " \"first\\nlast\" and the end of the stream: a last line without \\n still counts");
            assertEquals(List.of(), running.readUntilClosed(client), "the client stopped sending and got its last"
                    + " reply, so the server must close the connection: the socket's signal ends the protocol, whose"
                    + " signal ends the socket");
            running.stop();
        }
    }

    @GradedTest(order = 5, value = "every connection gets a protocol graph of its own: clients talking at once each"
            + " hear only their own replies")
    void aProtocolPerConnection() throws Throwable {
        Talkers talkers = new Talkers();
        try (RunningServer running = new RunningServer(new ServerCore(talkers, 0));
                LineClient ada = running.client(); LineClient alan = running.client();
                LineClient grace = running.client()) {
            ada.send("a\n");
            alan.send("b\n");
            ada.send("c\n");
            grace.send("d\n");
            alan.send("e\n");
            assertEquals(List.of("1: a", "2: c"), ada.readLines(2, PATIENCE), "the first client must hear only its own"
                    + " replies, numbered by its own protocol");
            assertEquals(List.of("1: b", "2: e"), alan.readLines(2, PATIENCE), "the second client must hear only its"
                    + " own replies, numbered by its own protocol");
            assertEquals(List.of("1: d"), grace.readLines(1, PATIENCE), "the third client must hear only its own"
                    + " reply");
            running.awaitConnections(3, "three clients are connected");
            assertEquals(3, talkers.made.size(), "one protocol per connection, no more");
            running.stop();
        }
    }

    @GradedTest(order = 6, value = "a reply bigger than the socket takes at once waits in the server, and reaches the"
            + " client whole and in order as it reads")
    void bigReplies() throws Throwable {
        try (RunningServer running = new RunningServer(new ServerCore(new Talkers(), 0).withMaxPendingOutput(16 << 20));
                LineClient client = LineClient.connect(running.server.port(), running.background, 64 * 1024)) {
            client.send("flood 8000\nafter\n"); // 8 MB: the socket takes a part, the rest waits in the server
            readFlood(client, 8000);
            assertEquals("1: after", client.readLine(PATIENCE), "after the big reply, the next reply must follow it");
            running.stop();
        }
    }

    /**
     * Reads the {@code count} lines of a flood, each checked: a line lost, cut or out of order
     * breaks the contract of big replies, whichever test finds it, and says so with its hint.
     */
    private static void readFlood(LineClient client, int count) throws Throwable {
        for (int i = 0; i < count; i++) {
            String line;
            try {
                line = client.readLine(PATIENCE);
            } catch (WaitedInVain notThere) {
                throw notThere.as(HintedFailure.ofTest(notThere.getMessage() + ", after " + i + " of the " + count
                        + " lines of a reply bigger than the socket takes at once: a write that is cut short must"
                        + " leave the rest waiting, in order", Stage11ServerTest.class, "bigReplies"));
            }
            if (!floodLine(i).equals(line)) {
                throw HintedFailure.ofTest("line " + i + " of " + count + " is wrong: \"" + (line == null
                        ? "(the connection closed)" : line.substring(0, Math.min(20, line.length())) + "...")
                        + "\"; a write that is cut short must leave the rest waiting, in order",
                        Stage11ServerTest.class, "bigReplies");
            }
        }
    }

    @GradedTest(order = 7, value = "a quiet server sleeps: while its clients send nothing, the scheduler runs no"
            + " cycles")
    @SuppressWarnings("try")
    // a client is closed early, or only held open, on purpose
    void quietServerSleeps() throws Throwable {
        try (RunningServer running = new RunningServer(new ServerCore(new Talkers(), 0).withMaxPendingOutput(16 << 20));
                LineClient first = LineClient.connect(running.server.port(), running.background, 64 * 1024);
                LineClient second = running.answeredClient()) {
            first.send("flood 8000\n"); // 8 MB, more than the system buffers: the server has to wait for room
            readFlood(first, 8000);
            first.send("done\n");
            assertEquals("1: done", first.readLine(PATIENCE), "the reply after the flood must arrive");
            Thread.sleep(50); // let the last notices and steps pass
            long before = running.scheduler.cycles();
            Thread.sleep(300); // a window in which nothing happens
            long cycles = running.scheduler.cycles() - before;
            running.background.rethrow();
            assertTrue(cycles <= 5, "while nothing happened for 300 ms the scheduler ran " + cycles + " cycles:"
                    + " something keeps waking up (a socket that never pauses, or one the selector reports again and"
                    + " again)");
            running.stop();
        }
    }

    @GradedTest(order = 8, value = "when the protocol finishes, what it sent reaches the client, then the connection"
            + " is closed")
    @SuppressWarnings("try")
    // a client is closed early, or only held open, on purpose
    void protocolEndCloses() throws Throwable {
        Talkers talkers = new Talkers();
        try (RunningServer running = new RunningServer(new ServerCore(talkers, 0));
                LineClient client = running.client()) {
            client.send("hi\nquit\nignored\n");
            assertEquals(List.of("1: hi", "bye"), client.readLines(2, PATIENCE), "what the protocol sent before it"
                    + " finished must reach the client");
            assertEquals(List.of(), running.readUntilClosed(client),
                    "once the protocol has finished and its last words are sent, the connection must close");
            client.close();
            running.awaitConnections(0, "the connection whose protocol finished must be over");
            running.stop();
        }
    }
}
