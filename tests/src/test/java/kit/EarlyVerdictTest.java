package kit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import grading.Waits;
import grading.support.Result;
import grading.support.Status;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A test that waits for what a wrong implementation will never do says so early, instead of
 * waiting its whole patience: the interpreter's test stops waiting for an answer once the
 * interpreter loops in completeSnippets, or waits for its next line with the answer lost;
 * the philosophers' tests, once one has waited in vain for the meals to end, leave out the
 * others that would wait as long (grading.support.WaitedInVain). A reference class with one
 * line of its region changed is run with its stage's graded class in a JVM of its own.
 */
@Tag("kit")
@DisplayName("Kit: a wait that cannot end any more ends early, and names why")
class EarlyVerdictTest {
    /** "after 4 s", "within 3 s": how long the graded test said it waited. */
    private static final Pattern WAITED = Pattern.compile("(?:after|within) (\\d+) s\\b");
    /** How long the interpreter's test waits for an answer at most. */
    private static final long PATIENCE_SECONDS = Waits.PATIENCE.toSeconds();

    @TempDir
    Path folder;

    @PlantedCases
    @CsvSource(delimiter = '|', value = {
        "a completeSnippets that loops on a comment|kamaelia.experimental.Interpreter|Stage12InterpreterTest"
                + "|                case EMPTY -> pending = \"\";    // blank, or only a comment"
                + "|                case EMPTY -> { }"
                + "|Interpreter.completeSnippets (Interpreter.java:",
        "a completeSnippets that drops what remains of a line|kamaelia.experimental.Interpreter"
                + "|Stage12InterpreterTest|                    pending = info.remaining();"
                + "|                    pending = \"\";"
                + "|JShell finds \"sum(6, 7)\""})
    void interpreterAnswersEarly(String what, String type, String testClass, String right, String wrong,
            String said) throws Exception {
        List<Result> results = PlantedRun.withOneLineChanged(folder, type, right, wrong, "grading." + testClass);
        Result failed = PlantedRun.firstFailure(results, "a test of stage 12");
        assertTrue(failed.message().contains(said), "the verdict names what went wrong (\"" + said + "\"): "
                + failed.message());
        Matcher waited = WAITED.matcher(failed.message());
        assertTrue(waited.find() && Integer.parseInt(waited.group(1)) < PATIENCE_SECONDS / 2,
                "the test stopped waiting well before its patience of " + PATIENCE_SECONDS + " s: "
                        + failed.message());
    }

    @PlantedCases
    @CsvSource(delimiter = '|', value = {
        "a philosopher who commits the same stale copies again and again|examples.components.Philosopher"
                + "|            forks = null;                     // a neighbour was quicker: look again next step"
                + "|            ;"})
    void philosophersWaitOnce(String what, String type, String right, String wrong) throws Exception {
        List<Result> results = PlantedRun.withOneLineChanged(folder, type, right, wrong, "grading.Stage13SharingTest",
                "grade");
        Result failed = PlantedRun.firstFailure(results, "a test of stage 13");
        assertTrue(failed.message().contains("have not finished their meals")
                && failed.message().contains("dropping them on ConcurrentUpdate"),
                "the verdict says the meals never ended, and why they may not: " + failed.message());
        assertTrue(results.stream().anyMatch(r -> r.status() == Status.NOT_RUN
                && r.message().contains("waited in vain for the philosophers to finish")),
                "the tests that would wait as long do not run: " + results);
        assertTrue(results.stream().filter(r -> r.status() == Status.FAILED).count() == 1,
                "only the first wait is waited: " + results);
    }
}
