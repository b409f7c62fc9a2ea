package kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grading.support.Board;
import grading.support.Result;
import grading.support.Stage;
import grading.support.Status;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A mistake in a later stage's code, found by the tests of an earlier stage, is reported at
 * the later stage, naming its code (grading.support.LaterRegion, grading.support.NeverPaused):
 * a reference class with one line of stage 6's part changed, its line numbers kept so that
 * the reference's markers still place every line (a second {@code next()} in stage 6's part of
 * {@code Scheduler.step} is grading.support.TwiceInATurn's), run with the graded class of the earlier
 * stage in a JVM of its own.
 */
@Tag("kit")
@DisplayName("Kit: a mistake in a later stage's code, found by an earlier stage's test, is reported at that stage")
class LaterStageVerdictTest {
    private static final Path ROOT = StageListTest.ROOT;

    @TempDir
    Path folder;

    @PlantedCases
    @CsvSource(delimiter = '|', value = {
        "a loop in stage 6's part of Box.linkTo, found by stage 5's tests|Stage05LinkagesTest|Box"
                + "|        if (end.isInbox() && !end.isEmpty()) {|        while (end.isInbox() && !end.isEmpty()) {"
                + "|a loop in stage 6's code in Box.linkTo",
        "a NullPointerException from stage 6's part of Box.put, found by stage 3's tests|Stage03ComponentTest|Box"
                + "|        if (sink.inbox) {|        if (target.inbox) {"
                + "|thrown by stage 6's code in Box.put",
        "a fallAsleep() that always says yes, found by stage 2's tests|Stage02SchedulerTest|Microprocess"
                + "|        if (sleep == Sleep.PAUSING) {|        if (sleep != null) {"
                + "|never called pause(), yet the scheduler put it to sleep",
        "a second next() in stage 6's part of Scheduler.step, found by stage 2's tests|Stage02SchedulerTest"
                + "|Scheduler|                } else if (current.fallAsleep()) {"
                + "|                } else if (current.next() && current.fallAsleep()) {"
                + "|stage 6's part of Scheduler.step (after-step) must use the one result of next()"})
    void laterStageMistake(String what, String testClass, String type, String right, String wrong, String said)
            throws Exception {
        List<Result> results = PlantedRun.withOneLineChanged(folder, type, right, wrong, "grading." + testClass);
        Result later = results.stream().filter(r -> r.stage() == 6).findFirst().orElse(null);
        assertNotNull(later, "the mistake must be counted at stage 6: " + results);
        assertEquals(Status.FAILED, later.status(), "at stage 6 it fails: " + later);
        assertTrue(later.message().contains(said), "it names stage 6's code (\"" + said + "\"): " + later.message());
        assertTrue(results.stream().noneMatch(r -> r.stage() < 6 && r.status() == Status.FAILED),
                "no test of the earlier stage fails because of it: " + results);

        List<Result> board = new ArrayList<>();
        int earlier = results.stream().mapToInt(Result::stage).min().orElseThrow();
        for (int stage = 1; stage < earlier; stage++) { // only one class ran: the stages before it count as done
            board.add(new Result(stage, Status.PASSED, "stage " + stage + " works", "", "", "", false));
        }
        board.addAll(results);
        String text = new Board(Stage.all(), board, ROOT, Board.Policy.ROUND_ROBIN, 0).grade(5, "solutions").text();
        assertTrue(text.contains("Next: stage 6,") && text.contains("./kit hint 6"),
                "graded up to stage 5, the board sends the learner to stage 6:\n" + text);
    }
}
