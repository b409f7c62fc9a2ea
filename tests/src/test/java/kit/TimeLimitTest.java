package kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grading.support.Result;
import grading.support.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A graded test runs for its stage's time-out (grading.support.TimeLimit): planted graded
 * classes whose first test waits 4 s and passes, and whose second waits for ever and fails,
 * each run in a JVM of its own (a time-out stops the tests after it in the same run). Its
 * name does not match {@code Stage*Test}, so the kit check runs it once, not again with each
 * scheduler and alternative.
 */
@Tag("kit")
@DisplayName("Kit: each graded test has its stage's time-out, unless it names its own")
class TimeLimitTest {
    private static final String STAGE_10 = """
            package grading;

            import grading.support.Graded;
            import grading.support.GradedTest;
            import org.junit.jupiter.api.Timeout;

            @Graded(stage = 10, title = "planted waits")
            class Stage10PlantedWaitsTest {
                @GradedTest(order = 1, value = "waits 4 s under a @Timeout of its own, 6 s")
                @Timeout(6)
                void ownTimeOut() throws InterruptedException {
                    Thread.sleep(4000);
                }

                @GradedTest(order = 2, value = "waits for ever")
                void forever() throws InterruptedException {
                    Thread.sleep(60_000);
                }
            }
            """;
    private static final String STAGE_11 = """
            package grading;

            import grading.support.Graded;
            import grading.support.GradedTest;

            @Graded(stage = 11, title = "planted waits")
            class Stage11PlantedWaitsTest {
                @GradedTest(order = 1, value = "waits 4 s, within stage 11's time-out")
                void withinTheStagesTime() throws InterruptedException {
                    Thread.sleep(4000);
                }

                @GradedTest(order = 2, value = "waits for ever")
                void forever() throws InterruptedException {
                    Thread.sleep(60_000);
                }
            }
            """;

    @TempDir
    Path folder;

    /** The planted class, and what its second test's time-out must say, and its hint (what usually loops there). */
    static Stream<Arguments> stages() {
        return Stream.of(
                Arguments.of("stage 10 has JUnit's default of 3 s, and a test's own @Timeout replaces it",
                        "Stage10PlantedWaitsTest", STAGE_10, List.of("after 3 seconds"), List.of()),
                Arguments.of("stage 11 has 10 s from stages.properties, and its time-out says what usually loops there",
                        "Stage11PlantedWaitsTest", STAGE_11,
                        List.of("after 10 seconds"), List.of("a server or a client never answered")));
    }

    @PlantedCases
    @MethodSource("stages")
    void eachStageItsTimeOut(String what, String name, String source, List<String> said, List<String> hinted)
            throws Exception {
        Path planted = folder.resolve("src/grading/" + name + ".java");
        Files.createDirectories(planted.getParent());
        Files.writeString(planted, source);
        List<Result> results = PlantedRun.run(folder, planted, "grading." + name);
        assertEquals(List.of(Status.PASSED, Status.FAILED), results.stream().map(Result::status).toList(),
                "the test that waits 4 s passes; the one that waits for ever fails: " + results);
        String message = results.get(1).message();
        assertTrue(said.stream().allMatch(message::contains), "the time-out must say " + said + ": " + message);
        String hint = results.get(1).hint();
        assertTrue(hinted.stream().allMatch(hint::contains), "the time-out's hint must say " + hinted + ": " + hint);
    }
}
