package kit.given;

import static grading.Wiring.activate;
import static grading.Wiring.wire;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import axon.Component;
import axon.Inbox;
import axon.Ipc;
import axon.Linkage;
import axon.Scheduler;
import grading.InBackground;
import grading.LogFile;
import grading.Stopper;
import grading.Waits;
import grading.Wiring;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import kamaelia.file.Follow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The given {@code Follow} (chapter 9's walkthrough; no learner writes it), held to its
 * class contract: it starts at the end, sends whole lines without their ends, reads a
 * truncated file again from its start, finishes a replaced or deleted file before it
 * reads the new one from its start, and leaves no file open when it is replaced or ends.
 * The open files are counted on Linux, from {@code /proc/self/fd}.
 */
@Tag("kit")
@DisplayName("Kit: Follow, the given tail -F")
class FollowTest {
    static final Duration PATIENCE = Duration.ofSeconds(5);

    @TempDir
    Path folder;
    private Path log;
    private final Scheduler scheduler = new Scheduler();
    private final Stopper stopper = new Stopper();
    private final Lines lines = new Lines();
    private Follow follow;
    private InBackground running;

    /** Collects the lines it receives, for the test's thread to read while the scheduler runs. */
    @Inbox(name = "inbox", doc = "Lines")
    static final class Lines extends Component {
        final List<String> received = new CopyOnWriteArrayList<>();
        volatile Ipc endedBy;

        @Override
        protected boolean step() {
            while (dataReady("inbox")) {
                received.add(recv("inbox", String.class));
            }
            if (shutdownRequested()) {
                endedBy = shutdownMessage();
                return false;
            }
            pause();
            return true;
        }
    }

    /** Follows {@code log}, which holds {@code before}, looking every {@code poll}; returns once it is at the end. */
    private void follow(String before, Duration poll) throws Throwable {
        log = LogFile.holding(folder, before);
        follow = new Follow(log, poll);
        wire(follow, lines);
        Linkage.link(stopper.outbox("outbox"), follow.inbox("control"));
        activate(scheduler, follow, lines, stopper);
        running = InBackground.run(scheduler);
        // Follow starts at the end, some time after run() starts: add a marker now and then until one comes out.
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        for (int i = 0; lines.received.isEmpty(); i++) {
            running.rethrow();
            assertTrue(System.nanoTime() < deadline, "nothing came out of Follow");
            if (i % 20 == 0) {
                append("marker\n");
            }
            Thread.sleep(5);
        }
        lines.received.clear(); // markers still to come are left out by awaitLines
    }

    private void append(String text) throws IOException {
        LogFile.append(log, text);
    }

    /** Waits until the lines received (markers left out) match; returns them. */
    private List<String> awaitLines(Predicate<List<String>> done, String what) throws Throwable {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            running.rethrow();
            List<String> received = lines.received.stream().filter(line -> !line.equals("marker")).toList();
            if (done.test(received)) {
                return received;
            }
            if (System.nanoTime() > deadline) {
                fail("Follow did not send " + what + " within " + PATIENCE.toSeconds() + " s; it sent " + received);
            }
            Thread.sleep(5);
        }
    }

    /** The files of {@link #folder} this process has open (Linux), or -1 where it cannot tell. */
    private long openInFolder() throws IOException {
        Path fds = Path.of("/proc/self/fd");
        if (!Files.isDirectory(fds)) {
            return -1;
        }
        String prefix = folder.toRealPath().toString();
        try (Stream<Path> all = Files.list(fds)) {
            return all.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString().startsWith(prefix);
                } catch (IOException e) {
                    return false; // closed meanwhile
                }
            }).count();
        }
    }

    @AfterEach
    void stop() throws Throwable {
        if (running != null) {
            stopper.go.countDown();
            try {
                assertTrue(running.awaitEnd(PATIENCE), "Follow did not end on a shutdown message");
            } finally {
                running.stop();
            }
        }
    }

    @Test
    @DisplayName("lines already in the file are not sent; a line goes out once its \\n is written, without its \\r\\n"
            + " or \\n")
    @Timeout(20)
    void wholeLinesFromTheEnd() throws Throwable {
        follow("already there\n", Duration.ofMillis(5));
        append("one\r\ntwo\nthree, not yet");
        assertEquals(List.of("one", "two"), awaitLines(received -> received.size() >= 2, "two lines"));
        Thread.sleep(50);
        assertEquals(List.of("one", "two"), awaitLines(received -> true, ""), "a line without its end is not sent");
        append(" ended\n");
        assertEquals(List.of("one", "two", "three, not yet ended"), awaitLines(received -> received.size() >= 3,
                "the third line"), "a line written in two parts comes out whole");
    }

    @Test
    @DisplayName("a file truncated in place is read again from its start, without the unfinished line it held")
    @Timeout(20)
    void truncatedIsReadFromTheStart() throws Throwable {
        follow("", Duration.ofMillis(5));
        append("a line long enough to be longer than what comes after the truncation\nunfinished");
        awaitLines(received -> received.size() >= 1, "the long line");
        Files.writeString(log, "fresh\n"); // truncates, then writes
        assertEquals(List.of("a line long enough to be longer than what comes after the truncation", "fresh"),
                awaitLines(received -> received.size() >= 2, "the line written after the truncation"),
                "after a truncation the file is read from its start, and the unfinished line before it is dropped");
    }

    @Test
    @DisplayName("a file replaced just after lines were added: those lines first, then the whole new file from its"
            + " start; the old file is closed")
    @Timeout(20)
    void replacedFileIsFinishedFirst() throws Throwable {
        follow("", Duration.ofMillis(300));
        // Just after a look: the next is about 300 ms away, and the replacement happens before it.
        append("old 1\nold 2\n");
        List<String> fresh = IntStream.range(0, 20).mapToObj(i -> "new line " + i + " of a longer file than the old")
                .toList();
        LogFile.replace(log, String.join("\n", fresh) + "\n");
        List<String> expected = Stream.concat(Stream.of("old 1", "old 2"), fresh.stream()).toList();
        assertEquals(expected, awaitLines(received -> received.size() >= expected.size(), "every line"),
                "the rest of the old file, then the new file from its start");
        long open = openInFolder();
        assumeTrue(open >= 0, "counting open files needs /proc/self/fd");
        assertEquals(1, open, "only the new file may stay open: the replaced one must be closed");
    }

    @Test
    @DisplayName("a file deleted just after lines were added: those lines still come out, and a new file of the same"
            + " name is read from its start")
    @Timeout(20)
    void deletedFileKeepsItsLastLines() throws Throwable {
        follow("", Duration.ofMillis(300));
        append("last 1\nlast 2\n");
        Files.delete(log);
        assertEquals(List.of("last 1", "last 2"), awaitLines(received -> received.size() >= 2, "the last lines"));
        Thread.sleep(400);
        Files.writeString(log, "again\n");
        assertEquals(List.of("last 1", "last 2", "again"), awaitLines(received -> received.size() >= 3,
                "the new file's line"));
    }

    @Test
    @DisplayName("a shutdown message ends Follow: it closes the file and passes the message on out of signal")
    @Timeout(20)
    void endsAndClosesTheFile() throws Throwable {
        follow("", Duration.ofMillis(5));
        long open = openInFolder();
        assumeTrue(open >= 0, "counting open files needs /proc/self/fd");
        assertEquals(1, open, "Follow keeps the file it reads open");
        stopper.go.countDown();
        assertTrue(running.awaitEnd(PATIENCE), "Follow did not end on a shutdown message");
        assertInstanceOf(Ipc.ShutdownMicroprocess.class, lines.endedBy, "Follow must pass its shutdown on out of"
                + " signal");
        assertEquals(0, openInFolder(), "Follow must close the file when it ends");
    }
}
