package grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import axon.Ipc;
import axon.Scheduler;
import grading.support.Graded;
import grading.support.GradedTest;
import grading.support.HintedFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import kamaelia.internet.ConnectedSocket;
import kamaelia.util.Recorder;
import org.junit.jupiter.api.AfterEach;

/**
 * A {@code ConnectedSocket} on a channel whose other end is the test
 * ({@link ControlledChannel}): how much each read gives and each write takes is set by
 * the test, not by the operating system's buffers, so the read budget and the output
 * limit can be checked exactly. Chapter 11, Sockets that never wait: "Each step reads at
 * most 64 KiB (READ_BUDGET), so that one client sending a flood cannot keep the others
 * waiting"; Bad clients: the output limit counts "only what the socket will not take
 * right now", and output "waits in unsent up to a limit".
 */
@Graded(stage = 11, order = 9, title = "network, a socket on a channel the test controls")
class Stage11ControlledChannelTest {
    /** The output limit of these tests, in bytes. */
    static final int LIMIT = 100;

    private final Scheduler scheduler = new Scheduler();
    private ControlledChannel channel;
    private ConnectedSocket socket;
    private Recorder protocol;

    /** A socket on a controlled channel, with a recorder as its protocol; the selector service is a stand-in. */
    private void start() throws Exception {
        channel = new ControlledChannel();
        new ControlledChannel.ReadyNotices(channel, scheduler);
        socket = new ConnectedSocket(channel, 1000, LIMIT);
        protocol = ControlledChannel.startWithRecorder(socket, scheduler);
    }

    /** {@code count} lines of exactly 25 bytes each with their end. */
    static List<String> lines(int count) {
        return IntStream.range(0, count).mapToObj(i -> String.format("reply %02d, 25 bytes long.", i)).toList();
    }

    /** Puts every message into the socket's inbox at once: one step finds them all, a burst. */
    private void burst(List<String> replies) {
        for (String reply : replies) {
            socket.inbox("inbox").put(reply);
        }
    }

    @AfterEach
    void closeTheSocket() {
        if (socket != null && !socket.isFinished()) {
            socket.inbox("control").put(new Ipc.ShutdownMicroprocess());
            scheduler.runCycles(50);
        }
    }

    @GradedTest(order = 1, value = "a burst five times the output limit reaches a client that reads everything at"
            + " once, and the connection stays open")
    void aBurstReachesAClientThatReads() throws Exception {
        burstReachesAReader(lines(20), " of a burst, with an output limit of " + LIMIT + " bytes: the limit counts"
                + " only the bytes the socket will not take right now (chapter 11, Bad clients). Does sendToPeer"
                + " write() before it calls tooSlow(), and does write() subtract what channel.write(...) returned"
                + " from unsentBytes?");
    }

    @GradedTest(order = 2, value = "short lines and then a long one, at once, reach a client that reads everything:"
            + " write() writes every waiting line the socket takes, not one a call")
    void aLongLineAfterShortOnesReachesAClientThatReads() throws Exception {
        List<String> replies = new ArrayList<>(lines(3));      // 75 bytes wait: under the limit
        replies.add("a longer reply: " + "-".repeat(44));       // 61 more: 136, over it
        burstReachesAReader(replies, ": three lines of 25 bytes and then one of 61 passed the output limit of " + LIMIT
                + " bytes, and the socket would have taken them all. The limit counts only what the socket will not"
                + " take right now (chapter 11, Bad clients): write() must go on writing while unsent is not empty,"
                + " and stop only when a buffer still hasRemaining(), not after the first buffer");
    }

    /**
     * Sends {@code replies} to a new socket as one burst, to a client that reads everything:
     * the connection must stay open ({@code whyNot} ends the message when it did not) and
     * every line arrive, whole and in order.
     */
    private void burstReachesAReader(List<String> replies, String whyNot) throws Exception {
        start();
        burst(replies);
        scheduler.runCycles(50);
        String expected = replies.stream().map(reply -> reply + "\n").collect(Collectors.joining());
        assertTrue(channel.isOpen() && protocol.endedBy() == null, "a client that reads everything was cut off after "
                + channel.taken().length() + " of " + expected.length() + " bytes" + whyNot);
        assertEquals(expected, channel.taken(), "the client must receive every line of the burst, whole and in order,"
                + " each followed by \\n");
    }

    @GradedTest(order = 3, value = "exactly the output limit left waiting after a write is not too much: the"
            + " connection stays open and the rest goes out once the client reads")
    void theLimitItselfMayWait() throws Exception {
        start();
        channel.room(25);   // the socket takes one line now, the other four must wait
        List<String> replies = lines(5);
        burst(replies);
        scheduler.runCycles(50);
        assertTrue(channel.isOpen() && protocol.endedBy() == null, "after a write took 25 of a 125-byte burst, 100"
                + " bytes were left waiting, exactly the output limit of " + LIMIT + ", and the connection was"
                + " closed: output \"waits in unsent up to a limit\" (chapter 11, Bad clients), so only more than"
                + " maxPendingOutput bytes may close it. After write(), check unsentBytes > maxPendingOutput again,"
                + " the same test as before it");
        assertEquals(replies.getFirst() + "\n", channel.taken(), "the socket should have written what the client had"
                + " room for, and kept the rest");
        channel.room(ControlledChannel.UNLIMITED);   // the client reads
        scheduler.runCycles(50);
        String all = replies.stream().map(reply -> reply + "\n").collect(Collectors.joining());
        if (!all.equals(channel.taken())) {
            // what a write cut short leaves is the contract of big replies, and that test's hint is about it
            throw HintedFailure.ofTest("once the client reads, every waiting line must reach it, in order, but it"
                    + " got " + channel.taken().length() + " of " + all.length() + " bytes: \"" + channel.taken()
                    + "\". Ask the selector for OP_WRITE while output waits, and write from the front of unsent,"
                    + " where what a write cut short leaves stays", Stage11ServerTest.class, "bigReplies");
        }
        assertTrue(channel.isOpen(), "the connection must stay open: its protocol has not finished");
    }

    @GradedTest(order = 4, value = "a client that sends without end does not keep the others waiting: each step reads"
            + " a bounded amount, and the lines read reach the protocol before the rest is read")
    void aFloodIsReadInTurns() throws Exception {
        long flood = 4L << 20;
        start();
        channel.flood(flood);
        for (int cycle = 0; cycle < 20 && protocol.collected().isEmpty(); cycle++) {
            scheduler.runCycles(1);
        }
        assertFalse(protocol.collected().isEmpty(), "a client sent a flood of lines, and none reached the protocol"
                + " within 20 cycles");
        long readBeforeTheProtocolRan = channel.given();
        assertTrue(readBeforeTheProtocolRan < flood, "the socket read the whole flood of " + flood + " bytes in one"
                + " step before the protocol got its first line: \"each step reads at most 64 KiB (READ_BUDGET), so"
                + " that one client sending a flood cannot keep the others waiting\" (chapter 11, Sockets that never"
                + " wait). Add up what each read() returns and stop reading at READ_BUDGET");
        assertNull(protocol.endedBy(), "the flood is made of lines of 64 bytes, well under the line limit: the"
                + " connection must stay open");
    }
    @GradedTest(order = 5, value = "once its protocol has finished, a client that keeps sending is cut off after about"
            + " 1 MiB thrown away, not read for ever")
    void aClosingConnectionThrowsAwayAtMostOneMebibyte() throws Exception {
        long flood = 4L << 20;
        start();
        socket.inbox("control").put(new Ipc.ProducerFinished());   // the protocol has finished
        scheduler.runCycles(20);
        assertTrue(channel.outputShut(), "after ProducerFinished on control, with nothing waiting, the socket must tell"
                + " the client there is no more (a half-close)");
        channel.flood(flood);
        for (int cycle = 0; cycle < 2000 && channel.isOpen(); cycle++) {
            scheduler.runCycles(1);
        }
        long thrownAway = channel.given();
        assertFalse(channel.isOpen(), "a client kept sending after its protocol had finished, and after " + thrownAway
                + " bytes thrown away the connection was still open: a closing connection throws away \"at most 1"
                + " MiB: then it closes anyway\" (chapter 11, Closing a connection). While discarding, count each"
                + " byte in discarded");
        assertTrue(thrownAway < 2L << 20, "the connection closed only after " + thrownAway + " bytes were thrown away,"
                + " not about 1 MiB: count each discarded byte once (discarded++)");
        assertTrue(socket.isFinished(), "a socket that has closed its connection must finish: step() returns false");
    }
}
