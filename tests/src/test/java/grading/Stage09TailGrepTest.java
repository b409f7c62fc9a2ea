package grading;

import static grading.LogFile.append;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import axon.Scheduler;
import grading.support.Graded;
import grading.support.GradedTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import kamaelia.chassis.Pipeline;
import kamaelia.file.Follow;
import kamaelia.util.ConsolePrinter;
import kamaelia.util.Grep;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Chapter 9's walkthrough, {@code tail -f | grep}: the given {@code Follow} (a threaded
 * component) feeds {@code Grep} and a printer, on a real file that grows, is truncated and
 * is replaced while the system runs. It passes once the threaded components of this stage
 * work; what it waits for is polled, for two seconds at most each time.
 */
@Graded(stage = 9, order = 4, title = "the walkthrough, tail -f | grep")
class Stage09TailGrepTest {
    /** The scheduler of the test. */
    private final Scheduler scheduler = new Scheduler();
    /** What the printer at the end of the pipeline has printed. */
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    /** The scheduler's run in the background: each wait below ends with what it threw, if it threw. */
    private InBackground running;

    @GradedTest(order = 1, value = "tail -f | grep: Follow, Grep and a printer print exactly the matching lines added"
            + " to a file, in order, through truncation and replacement, and stop on request")
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void tailGrep(@TempDir Path folder) throws Throwable {
        Path log = LogFile.holding(folder, "ERROR before we started\nINFO old news\n");
        Follow follow = new Follow(log, Duration.ofMillis(5));
        Pipeline pipeline = new Pipeline(follow, new Grep("ERROR"),
                new ConsolePrinter(new PrintStream(printed, true, StandardCharsets.UTF_8)));
        Stopper stopper = Stopper.wiredTo(pipeline, scheduler);
        running = InBackground.run(scheduler);
        List<String> expected = new ArrayList<>();
        try {
            // Follow starts at the end of the file, some time after run() starts: append a marker line every
            // 100 ms until one comes out; then, once a last line has come out, everything before it has too.
            long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
            long nextMarker = System.nanoTime();
            while (printedLines().isEmpty()) {
                running.rethrow();
                if (System.nanoTime() - nextMarker >= 0) {
                    append(log, "ERROR marker\n");
                    nextMarker = System.nanoTime() + Duration.ofMillis(100).toNanos();
                }
                assertTrue(System.nanoTime() < deadline, "no \"ERROR marker\" line came out of Follow -> Grep ->"
                        + " ConsolePrinter within 2 seconds, though one was added to the file every 100 ms");
                Thread.sleep(5);
            }
            append(log, "ERROR following\n");
            awaitLastPrinted("ERROR following");
            List<String> start = printedLines();
            expected.addAll(start);
            assertEquals(Collections.nCopies(start.size() - 1, "ERROR marker"), start.subList(0, start.size() - 1),
                    "only the lines added after Follow started may come out");

            append(log, "INFO all well\nERROR disk full\nWARN disk nearly full\nERROR disk still ");
            append(log, "full\nINFO fixed\n");
            expected.addAll(List.of("ERROR disk full", "ERROR disk still full"));
            awaitPrinted(expected);

            append(log, "INFO filler to make the file longer than what comes after the truncation\n".repeat(20));
            append(log, "ERROR before truncation\n");
            expected.add("ERROR before truncation");
            awaitPrinted(expected);
            Files.writeString(log, "ERROR after truncation\nINFO short\n"); // truncates, then writes
            expected.add("ERROR after truncation");
            awaitPrinted(expected);

            LogFile.replace(log, "INFO new file\nERROR in the new file\n");
            expected.add("ERROR in the new file");
            awaitPrinted(expected);

            stopper.go.countDown();
            assertTrue(running.awaitEnd(Duration.ofSeconds(3)), "the system must stop when the shutdown arrives");
            assertEquals(expected, printedLines(), "exactly the matching lines, in order, each once");
            assertTrue(follow.isFinished() && pipeline.isFinished(), "Follow and the pipeline must have finished");
            assertEquals(List.of(), scheduler.microprocesses(), "every component must have finished");
        } finally {
            stopper.go.countDown();
            running.stop();
        }
    }

    /** What was printed so far, line by line. */
    private List<String> printedLines() {
        return printed.toString(StandardCharsets.UTF_8).lines().toList();
    }

    /** Polls what was printed until its last line is {@code last}, for up to two seconds. */
    private void awaitLastPrinted(String last) throws Throwable {
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (printedLines().isEmpty() || !printedLines().getLast().equals(last)) {
            running.rethrow();
            assertTrue(System.nanoTime() < deadline, "\"" + last + "\" did not come out within 2 seconds of being"
                    + " added to the file; what came out: " + printedLines());
            Thread.sleep(5);
        }
    }

    /** Polls what was printed until it is {@code expected}, for up to two seconds. */
    private void awaitPrinted(List<String> expected) throws Throwable {
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (!printedLines().equals(expected)) {
            running.rethrow();
            if (System.nanoTime() > deadline) {
                assertEquals(expected, printedLines(), "within 2 seconds of the file changing");
            }
            Thread.sleep(5);
        }
    }
}
