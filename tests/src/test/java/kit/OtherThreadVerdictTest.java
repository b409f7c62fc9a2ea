package kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grading.support.Result;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A test that times out while it waits for a threaded component names what the
 * component's own thread was doing in the learner's code (grading.support.BusyThreads):
 * looping without waiting, or sleeping where it should wait for a message. The reference
 * ThreadedComponent with one line of its stage 9 region changed (its line numbers kept, so
 * that the reference's markers still place it) is run with stage 9's graded class in a JVM
 * of its own.
 */
@Tag("kit")
@DisplayName("Kit: a time-out names the threaded component's thread that loops or sleeps in the learner's code")
class OtherThreadVerdictTest {
    private static final String RIGHT = "            pause(timeout);";

    @TempDir
    Path folder;

    @PlantedCases
    @CsvSource(delimiter = '|', value = {
        "recv(inbox, timeout) that sleeps instead of pausing|            Thread.sleep(timeout.toMillis());"
                + "|was asleep in Thread\\.sleep on the thread .*: a sleep hears neither a message nor a shutdown"
                + " request",
        // A spinning thread is found either at a time-out, busy, or, when a shutdown came first, still alive after
        // run(): which test meets it first depends on the timing; either way the verdict must name the loop.
        "recv(inbox, timeout) that spins until its deadline instead of pausing|            for (long end ="
                + " System.nanoTime() + timeout.toNanos(); !dataReady(inbox) && System.nanoTime() < end; ) {"
                + " Thread.onSpinWait(); }"
                + "|'(was busy on the thread .*: a loop there never waits|whose wait must end when the thread is"
                + " interrupted .*a loop that looks again and again does not)'"})
    void namesTheThread(String what, String wrong, String verdict) throws Exception {
        List<Result> results = PlantedRun.withOneLineChanged(folder, "ThreadedComponent", RIGHT, wrong,
                "grading.Stage09ThreadedComponentsTest");
        Result failed = PlantedRun.firstFailure(results, "a test of stage 9");
        assertEquals(9, failed.stage(), "it fails at stage 9: " + failed);
        assertTrue(failed.message().contains("ThreadedComponent.recv (ThreadedComponent.java:"),
                "it names the method of the learner's code the thread was in: " + failed.message());
        assertTrue(Pattern.compile(verdict).matcher(failed.message()).find(),
                "it says what the thread was doing and why that fails (" + verdict + "): " + failed.message());
    }
}
