package grading;

import static grading.Network.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import grading.support.Graded;
import grading.support.GradedTest;
import grading.support.HintedFailure;
import grading.support.WaitedInVain;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import kamaelia.chassis.ServerCore;
import org.junit.jupiter.api.Timeout;

@Graded(stage = 11, order = 3, title = "network, clients that leave, send garbage or never read")
class Stage11BadClientsTest {
    @GradedTest(order = 8, value = "when a client leaves (closing, half-closing or resetting), its protocol graph is"
            + " shut down and the server lets go of the connection")
    void clientLeaves() throws Throwable {
        Talkers talkers = new Talkers();
        try (RunningServer running = new RunningServer(new ServerCore(talkers, 0))) {
            LineClient closing = running.answeredClient();
            LineClient resetting = running.answeredClient();
            LineClient halfClosing = running.answeredClient();
            running.awaitConnections(3, "three clients have been answered");
            closing.close();
            resetting.reset();
            halfClosing.send("still here\n");
            halfClosing.shutdownOutput();
            assertEquals(List.of("2: still here"), halfClosing.readUntilClosed(PATIENCE),
                    "a client that stops sending must still get the replies to what it sent, then the close");
            halfClosing.close();
            talkers.awaitAllEnded(running.background);
            running.awaitConnections(0, "all three clients have gone");
            running.stop();
        }
    }

    @GradedTest(order = 9, value = "a line longer than the limit closes that connection with a message to the client,"
            + " and the server goes on serving others, with nothing leaked")
    void tooLongLines() throws Throwable {
        try (RunningServer running = new RunningServer(echoServer().withMaxLineLength(1000))) {
            try (LineClient warmUp = running.answeredClient()) {
                warmUp.send("x".repeat(1000) + "\n");
                assertEquals("x".repeat(1000), warmUp.readLine(PATIENCE), "a line of exactly the limit is fine");
            }
            try (LineClient oneOver = running.client()) {
                oneOver.send("w".repeat(1001) + "\n");
                String reply = String.valueOf(oneOver.readLine(PATIENCE));
                assertTrue(reply.contains("longer than 1000"), "a line of 1001 bytes, one more than the limit of"
                        + " 1000, must be refused, but the server answered: " + (reply.length() > 40
                        ? reply.substring(0, 40) + "... (" + reply.length() + " characters)" : reply) + ". Check the"
                        + " length before adding a byte: at maxLineLength the next byte is one too many");
                oneOver.readUntilClosed(PATIENCE);
            }
            Resources before = Resources.settled(running);
            for (int i = 0; i < 3; i++) {
                try (LineClient greedy = running.client()) {
                    greedy.send("y".repeat(5000)).send("z".repeat(20_000) + "\n");
                    List<String> heard = greedy.readUntilClosed(PATIENCE);
                    assertEquals(1, heard.size(), "the client must get one line saying why, then the close: " + heard);
                    assertTrue(heard.getFirst().contains("longer than 1000"),
                            "the message must say the line is longer than the limit: " + heard.getFirst());
                }
            }
            assertStillServes(running.answeredClient(), "next", "next", "closing one connection for a line too long");
            before.awaitNothingLeaked(running);
            running.stop();
        }
    }

    @GradedTest(order = 10, value = "binary garbage does no harm: NUL bytes and bytes that are not UTF-8 come back as"
            + " text, a stream without line ends is cut off, and the server serves the next client, with nothing"
            + " leaked")
    void garbage() throws Throwable {
        Random random = new Random(11);
        try (RunningServer running = new RunningServer(echoServer().withMaxLineLength(4096))) {
            running.answeredClient().close();
            Resources before = Resources.settled(running);
            try (LineClient client = running.client()) {
                List<String> expected = new ArrayList<>();
                java.io.ByteArrayOutputStream sent = new java.io.ByteArrayOutputStream();
                for (int i = 0; i < 50; i++) {
                    byte[] line = new byte[1 + random.nextInt(200)];
                    random.nextBytes(line);
                    for (int j = 0; j < line.length; j++) {
                        if (line[j] == '\n' || line[j] == '\r') {
                            line[j] = 0;
                        }
                    }
                    sent.writeBytes(line);
                    sent.write('\n');
                    expected.add(new String(line, StandardCharsets.UTF_8));
                }
                client.sendBytes(sent.toByteArray());
                assertEquals(expected, client.readLines(expected.size(), PATIENCE),
                        "the lines that came back: NUL bytes kept, bytes that are not UTF-8 as U+FFFD");
            }
            for (int i = 0; i < 3; i++) {
                try (LineClient noise = running.client()) {
                    byte[] bytes = new byte[10_000];
                    random.nextBytes(bytes);
                    for (int j = 0; j < bytes.length; j++) {
                        bytes[j] = bytes[j] == '\n' ? 0 : bytes[j];
                    }
                    noise.sendBytes(bytes);
                    List<String> heard = noise.readUntilClosed(PATIENCE);
                    assertTrue(heard.size() == 1 && heard.getFirst().contains("longer than 4096"),
                            "10 000 bytes without a line end must be refused with a message: " + heard);
                }
            }
            assertStillServes(running.client(), "still serving", "still serving",
                    "a stream of garbage without line ends");
            before.awaitNothingLeaked(running);
            running.stop();
        }
    }

    @GradedTest(order = 11, value = "a client that resets its connection in the middle (of a line it sends, or of a"
            + " reply it receives) loses only its own connection; its protocol ends, and nothing leaks")
    void resets() throws Throwable {
        Talkers talkers = new Talkers();
        try (RunningServer running = new RunningServer(new ServerCore(talkers, 0))) {
            running.answeredClient().close();
            Resources before = Resources.settled(running);
            for (int i = 0; i < 3; i++) {
                LineClient sending = running.answeredClient();
                sending.send("half a li");
                sending.reset();
                LineClient receiving = running.answeredClient();
                receiving.send("flood 3000\n");
                String first = receiving.readLine(PATIENCE);
                if (!floodLine(0).equals(first)) {
                    String said = "the first line of the flood must arrive before the client resets, but the server"
                            + " sent " + (first == null ? "nothing" : "\"" + first.substring(0, Math.min(80,
                            first.length())) + (first.length() > 80 ? "..." : "") + "\"") + " to a client that reads";
                    if (first != null && first.startsWith("error: more than")) {
                        // the output limit is the contract that broke, and that test's hint is about it
                        throw HintedFailure.ofTest(said + ": only the bytes the socket will not take once it has"
                                + " written count against the output limit", Stage11ControlledChannelTest.class,
                                "aBurstReachesAClientThatReads");
                    }
                    fail(said);
                }
                receiving.reset(); // with megabytes still on their way
            }
            assertStillServes(running.client(), "after the resets", "1: after the resets",
                    "two clients reset their connections");
            talkers.awaitAllEnded(running.background);
            before.awaitNothingLeaked(running);
            running.stop();
        }
    }

    @GradedTest(order = 12, value = "a client that never reads cannot make the server hold more than the output limit:"
            + " its connection is closed, and nothing leaks")
    @Timeout(value = 15, unit = TimeUnit.SECONDS)
    void slowReaders() throws Throwable {
        Talkers talkers = new Talkers();
        try (RunningServer running = new RunningServer(new ServerCore(talkers, 0).withMaxPendingOutput(64 * 1024))) {
            running.answeredClient().close();
            Resources before = Resources.settled(running);
            for (int i = 0; i < 3; i++) {
                int made = talkers.made.size();
                try (LineClient sleeper = LineClient.connect(running.server.port(), running.background, 4096)) {
                    sleeper.send("flood 10000\n"); // 10 MB, far more than the operating system buffers
                    talkers.awaitEnded(made, running.background, "a client that reads nothing while 10 MB are sent"
                            + " to it must be cut off once more than 64 KiB wait for it");
                    sleeper.reset();
                }
            }
            try (LineClient next = running.client()) {
                next.send("awake\n");
                assertEquals("1: awake", next.readLine(PATIENCE), "after closing the connection of a client that never"
                        + " reads, the server must still serve the next client");
            }
            before.awaitNothingLeaked(running);
            running.stop();
        }
    }

    @GradedTest(order = 13, value = "a client that says nothing is told why and closed after the server's idle"
            + " time-out, or its first-line time-out, which connect gives each socket")
    void silentClientTimesOut() throws Throwable {
        toldAndClosed(echoServer().withIdleTimeout(Duration.ofSeconds(1)), "withIdleTimeout(1 s)",
                "error: nothing came or went for 1 s");
        toldAndClosed(echoServer().withIdleTimeout(Duration.ZERO).withFirstLineTimeout(Duration.ofSeconds(1)),
                "withFirstLineTimeout(1 s)", "error: no line came within 1 s");
    }

    /** A client of {@code server} that sends nothing is told {@code why...} and closed. */
    private static void toldAndClosed(ServerCore server, String made, String why) throws Throwable {
        try (RunningServer running = new RunningServer(server)) {
            try (LineClient silent = running.client()) {
                String told;
                try {
                    told = silent.readLine(PATIENCE);
                } catch (WaitedInVain nothing) {
                    // not a server that hangs, only one without time-outs: the stage's other tests still run
                    throw new AssertionError("a server made " + made + " must tell a client that sends nothing why"
                            + " it closes it (\"" + why + " ...\"), but nothing came within " + PATIENCE.toSeconds()
                            + " s. The time-outs are the server's: ServerCore.connect must give each socket it makes"
                            + " withTimeouts(idleTimeout, firstLineTimeout)");
                }
                assertTrue(told != null && told.startsWith(why), "a server made " + made + " must tell a client"
                        + " that sends nothing why it closes it (\"" + why + " ...\"), but the client read: " + told);
                assertEquals(List.of(), running.readUntilClosed(silent), "after saying why, a server made " + made
                        + " must close the connection of a client that sent nothing");
            }
            running.stop();
        }
    }

    /** {@code next} gets {@code reply} to {@code line}: the server still serves after what happened before. */
    private static void assertStillServes(LineClient next, String line, String reply, String after) throws Throwable {
        try (next) {
            next.send(line + "\n");
            assertEquals(reply, next.readLine(PATIENCE), "after " + after + ", the server must still serve the next"
                    + " client");
        }
    }
}
