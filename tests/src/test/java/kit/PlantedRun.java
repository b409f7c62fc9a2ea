package kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import grading.support.Result;
import grading.support.Status;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.tools.ToolProvider;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs one graded test class in a JVM of its own, with a planted class first on the class
 * path: a mistake in the core that replaces the reference's class ({@link TraceTest}), or a
 * graded class of its own ({@link TimeLimitTest}). The results are written by the
 * grading listener to the folder named by {@code grading.results}.
 */
public final class PlantedRun {
    private PlantedRun() {
    }

    /** Runs the test class named by the first argument. */
    public static void main(String[] args) throws ClassNotFoundException {
        var request = LauncherDiscoveryRequestBuilder.request().selectors(selectClass(Class.forName(args[0]))).build();
        LauncherFactory.create().execute(request);
    }

    /**
     * Runs the graded class {@code testClass} with the reference's class {@code type} planted
     * in its place, one line of it changed from {@code right} to {@code wrong}. The line
     * count stays the same, so that the reference's markers still place every line.
     *
     * @param type the class, by its simple name in {@code axon} ("Box"), else by its full name
     */
    static List<Result> withOneLineChanged(Path folder, String type, String right, String wrong, String testClass)
            throws IOException, InterruptedException {
        return withOneLineChanged(folder, type, right, wrong, testClass, "strict");
    }

    /**
     * The same, graded in {@code mode} ("grade", as a learner's run is, leaves out the tests
     * that a failure makes pointless; "strict", as the kit check is, runs them all).
     */
    static List<Result> withOneLineChanged(Path folder, String type, String right, String wrong, String testClass,
            String mode) throws IOException, InterruptedException {
        String file = (type.contains(".") ? type : "axon." + type).replace('.', '/') + ".java";
        String source = Files.readString(StageListTest.ROOT.resolve("solutions/src/main/java/" + file));
        assertEquals(1, source.split(java.util.regex.Pattern.quote(right + "\n"), -1).length - 1,
                "the planted mistake needs this line, once, in the reference's " + type + ": " + right);
        Path planted = folder.resolve("src/" + file);
        Files.createDirectories(planted.getParent());
        Files.writeString(planted, source.replace(right + "\n", wrong + "\n"));
        return run(folder, planted, testClass, mode);
    }

    /** The first failed result, which a planted mistake must give: fails the self-test, listing all, when none did. */
    static Result firstFailure(List<Result> results, String ofWhat) {
        return results.stream().filter(r -> r.status() == Status.FAILED).findFirst()
                .orElseGet(() -> fail("the planted mistake must fail " + ofWhat + ": " + results));
    }

    /**
     * Compiles {@code planted} into {@code folder}/classes, then runs the graded class
     * {@code testClass} in a JVM of its own with those classes first; returns its results, in
     * order (the results and any traces are written under {@code folder}).
     */
    static List<Result> run(Path folder, Path planted, String testClass) throws IOException, InterruptedException {
        return run(folder, planted, testClass, "strict");
    }

    /** The same, graded in {@code mode}: "strict", as the kit check is, or "grade", as a learner's run is. */
    static List<Result> run(Path folder, Path planted, String testClass, String mode)
            throws IOException, InterruptedException {
        Path classes = Files.createDirectories(folder.resolve("classes"));
        String classPath = System.getProperty("java.class.path");
        int compiled = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                "-cp", classPath, "-implicit:none", planted.toString());
        assertEquals(0, compiled, "the planted " + planted.getFileName() + " must compile");
        Path results = folder.resolve("results");
        Process run = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classes + File.pathSeparator + classPath,
                "-Dgrading.mode=" + mode, "-Dgrading.results=" + results, "-Dkit.root=" + folder,
                "kit.PlantedRun", testClass)
                .directory(folder.toFile()).redirectErrorStream(true).redirectOutput(folder.resolve("run.log").toFile())
                .start();
        assertTrue(run.waitFor(100, TimeUnit.SECONDS), "the planted run must end");
        return Files.readAllLines(results.resolve("results.tsv")).stream().map(Result::fromLine).toList();
    }
}
