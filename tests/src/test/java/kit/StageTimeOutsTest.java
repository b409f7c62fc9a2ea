package kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grading.support.Result;
import grading.support.Status;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A graded test runs for its stage's time-out (grading.support.TimeLimit): planted graded
 * classes that wait, each run in a JVM of its own (a time-out stops the tests after it).
 */
@Tag("kit")
@DisplayName("Kit: each graded test has its stage's time-out, unless it names its own")
class StageTimeOutsTest {
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

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    @DisplayName("stage 10 has JUnit's default of 3 s, and a test's own @Timeout replaces it")
    void defaultAndOwnTimeOut(@TempDir Path folder) throws Exception {
        List<Result> results = run(folder, "Stage10PlantedWaitsTest", STAGE_10);
        assertEquals(List.of(Status.PASSED, Status.FAILED), results.stream().map(Result::status).toList(),
                "a test under a @Timeout of 6 s that waits 4 s passes; one that waits for ever fails: " + results);
        assertTrue(results.get(1).message().contains("after 3 seconds"), "the default time-out is JUnit's 3 s: "
                + results.get(1).message());
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    @DisplayName("stage 11 has 10 s from stages.properties, and its time-out says what usually loops there")
    void stageTimeOut(@TempDir Path folder) throws Exception {
        List<Result> results = run(folder, "Stage11PlantedWaitsTest", STAGE_11);
        assertEquals(List.of(Status.PASSED, Status.FAILED), results.stream().map(Result::status).toList(),
                "a stage 11 test that waits 4 s passes; one that waits for ever fails: " + results);
        String message = results.get(1).message();
        assertTrue(message.contains("after 10 seconds") && message.contains("a server or a client never answered"),
                "stage 11's time-out is 10 s, and its sentence comes from stages.properties: " + message);
    }

    /** Compiles the planted class {@code name} and runs it in a JVM of its own; its results, in order. */
    private static List<Result> run(Path folder, String name, String source) throws Exception {
        Path file = folder.resolve("src/grading/" + name + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
        Path classes = Files.createDirectories(folder.resolve("classes"));
        String classPath = System.getProperty("java.class.path");
        int compiled = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                "-cp", classPath, "-implicit:none", file.toString());
        assertEquals(0, compiled, "the planted class must compile");
        Path results = folder.resolve("results");
        Process run = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classes + File.pathSeparator + classPath,
                "-Dgrading.mode=strict", "-Dgrading.results=" + results, "-Dkit.root=" + folder,
                "kit.PlantedRun", "grading." + name)
                .directory(folder.toFile()).redirectErrorStream(true).redirectOutput(folder.resolve("run.log").toFile())
                .start();
        assertTrue(run.waitFor(100, TimeUnit.SECONDS), "the planted run must end");
        return Files.readAllLines(results.resolve("results.tsv")).stream().map(Result::fromLine).toList();
    }
}
