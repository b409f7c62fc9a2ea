package org.byoaxon.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The watch loop gives the same verdict as {@code ./mvnw -q test -Dstage=N}: on a copy of
 * the kit, each case is graded both ways, by Maven in a process of its own and by the
 * loop's compiler and grading run in this JVM (one of each for all cases, warm as in a
 * session), and the boards must be equal to the letter. The cases: the untouched
 * exercises, the reference, a learner half-way, planted mistakes (code that throws, a
 * loop that never ends) and a compile error, whose messages must be the ones Maven shows;
 * and at stage 13, runs that keep the results of the classes that could not see a change.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WatchVerdictTest {
    private static final String BOARD_START = "Build Your Own Axon: progress";

    private static Path kit;
    private static Path copy;
    private static Javac exercises;
    private static GradingRun runs;

    @BeforeAll
    static void copyTheKit() throws IOException {
        kit = kitRoot();
        copy = Files.createTempDirectory("axon-watch-verdict");
        copyTree(kit, copy);
        // Maven's first run builds everything the loop needs too (the graded tests' classes).
        maven("test", "-Dstage=1");
        exercises = new Javac(copy, copy.resolve("exercises/src/main/java"),
                copy.resolve("exercises/target/watch-classes"), WatchLoop.release(copy));
        runs = new GradingRun(copy, copy.resolve("tests/target/test-classes"),
                copy.resolve("tests/target/grading-watch"));
    }

    @AfterAll
    static void removeTheCopy() {
        if (copy != null) {
            Javac.deleteTree(copy);
        }
    }

    @Test
    @Order(1)
    @DisplayName("the untouched exercises: every stage not started, both ways")
    void untouched() {
        assertSameBoard("3");
    }

    @Test
    @Order(2)
    @DisplayName("a learner half-way (stages 1 to 4 written): the same board both ways")
    void halfWay() {
        new Kit(copy).catchUp("5");
        String board = assertSameBoard("5");
        assertTrue(board.contains("done") && board.contains("not started"), board);
    }

    @Test
    @Order(3)
    @DisplayName("planted mistake, code that throws instead of working: the same failures both ways")
    void throwsInstead() {
        plantInStage(5, "throw new IllegalStateException(\"planted\");");
        String board = assertSameBoard("5");
        assertTrue(board.contains("failing:"), board);
    }

    @Test
    @Order(4)
    @DisplayName("a compile error: the loop reports Maven's compiler messages, with file and line, and grades nothing")
    void compileError() throws IOException {
        new Kit(copy).reset("5");
        Path file = firstFileWith("throw new Todo(5);");
        Files.writeString(file, Files.readString(file).replaceFirst("throw new Todo\\(5\\);", "throw new Todo(5)"));
        String maven = maven("test", "-Dstage=5");
        Javac.Result result = exercises.compile();
        assertFalse(result.ok(), "the planted error must not compile");
        Set<String> fromMaven = new TreeSet<>();
        Matcher error = Pattern.compile("\\[ERROR] (\\S+\\.java):\\[(\\d+),\\d+] (.*)").matcher(maven);
        while (error.find()) {
            fromMaven.add(copy.relativize(Path.of(error.group(1))).toString().replace('\\', '/') + ":"
                    + error.group(2) + " " + error.group(3));
        }
        Set<String> fromLoop = new TreeSet<>();
        for (Javac.Problem problem : result.problems()) {
            fromLoop.add(problem.file() + ":" + problem.line() + " " + problem.message().lines().findFirst().orElse(""));
        }
        assertFalse(fromMaven.isEmpty(), "Maven printed no compiler error:\n" + maven);
        assertEquals(fromMaven, fromLoop);
        String report = CompileReport.of(copy, result.problems());
        assertTrue(report.contains("stage 5's place"), report);
        Files.writeString(file, Files.readString(file).replaceFirst("throw new Todo\\(5\\)\\n", "throw new Todo(5);\n"));
        assertTrue(exercises.compile().ok(), "fixed again, it compiles");
    }

    @Test
    @Order(5)
    @DisplayName("the reference, stages 1 to 8 (the later ones are the slow ones to run): all done, both ways")
    void reference() {
        Javac solutions = new Javac(copy, copy.resolve("solutions/src/main/java"),
                copy.resolve("solutions/target/watch-classes"), WatchLoop.release(copy));
        assertTrue(solutions.compile().ok());
        String fromMaven = board(maven("test", "-Dkit=solutions", "-Dstage=8"));
        String fromLoop = board(grade(copy.resolve("solutions/target/watch-classes"), "solutions", "8").board());
        assertEquals(fromMaven, fromLoop);
        assertTrue(fromLoop.contains("Stages 1 to 8 pass"), fromLoop);
    }

    @Test
    @Order(7)
    @DisplayName("planted loop that never ends: the same time-out both ways, and the loop sees it still running")
    void endlessLoop() {
        new Kit(copy).reset("5");
        plantInStage(5, "while (System.nanoTime() != 0) { Thread.onSpinWait(); }\n        throw new Todo(5);");
        String fromMaven = board(maven("test", "-Dstage=5"));
        assertTrue(exercises.compile().ok());
        GradingRun.Outcome outcome = grade(copy.resolve("exercises/target/watch-classes"), "exercises", "5");
        assertEquals(fromMaven, board(outcome.board()));
        assertTrue(fromMaven.contains("was still running after"), "the board names the method that never returned: " + fromMaven);
        assertTrue(outcome.leftBusy() > 0, "the loop left running is seen, so the watch renews its JVM");
    }

    @Test
    @Order(6)
    @DisplayName("stage 13, stages 1 to 12 written: after a change in stage 13's file the loop runs only the classes"
            + " that could see it, and the board is the same as Maven's, also with a planted mistake")
    void stage13KeepsWhatCannotSeeTheChange() throws IOException {
        new Kit(copy).catchUp("13");
        Path classes = copy.resolve("exercises/target/watch-classes");
        assertTrue(exercises.compile().ok());
        GradingRun.Outcome full = grade(classes, "exercises", "13");
        Path store = firstFileWith("throw new Todo(13);");
        Files.writeString(store, Files.readString(store).replaceFirst("throw new Todo\\(13\\);",
                "// a line that moves the code below it\n        throw new Todo(13);"));
        String fromMaven = board(maven("test", "-Dstage=13"));
        assertTrue(exercises.compile().ok());
        GradingRun.Outcome kept = grade(classes, "exercises", "13");
        assertTrue(kept.kept() > 0, "a change in stage 13's file only: the classes that cannot see it are kept");
        assertEquals(fromMaven, board(kept.board()));
        assertEquals(board(full.board()).replaceAll("Store\\.java:\\d+", "Store.java:N"),
                board(kept.board()).replaceAll("Store\\.java:\\d+", "Store.java:N"), "only the line moved");

        // A new declaration, which the compiler of stage 12's interpreter could see: its classes run again.
        String text = Files.readString(store);
        int end = text.lastIndexOf('}');
        Files.writeString(store, text.substring(0, end) + "\n    static int aNewDeclaration() {\n        return 0;\n    }\n"
                + text.substring(end));
        assertTrue(exercises.compile().ok());
        GradingRun.Outcome declared = grade(classes, "exercises", "13");
        assertTrue(declared.kept() > 0 && declared.kept() < kept.kept(), "a change in the code of a method keeps more"
                + " classes (" + kept.kept() + ") than a new declaration (" + declared.kept() + "), which JShell sees");
        assertEquals(board(kept.board()).replaceAll("Store\\.java:\\d+", "Store.java:N"),
                board(declared.board()).replaceAll("Store\\.java:\\d+", "Store.java:N"));

        plantInStage(13, "throw new IllegalStateException(\"planted\");");
        String plantedByMaven = board(maven("test", "-Dstage=13"));
        assertTrue(exercises.compile().ok());
        GradingRun.Outcome planted = grade(classes, "exercises", "13");
        assertTrue(planted.kept() > 0, "stages 1 to 11 could not see stage 13's file: kept");
        assertEquals(plantedByMaven, board(planted.board()));
        assertTrue(plantedByMaven.contains("failing:"), plantedByMaven);
    }

    /** Grades the exercises both ways at this stage and returns the board, which must be the same. */
    private static String assertSameBoard(String stage) {
        String fromMaven = board(maven("test", "-Dstage=" + stage));
        Javac.Result compiled = exercises.compile();
        assertTrue(compiled.ok(), () -> "the loop could not compile what Maven did: " + compiled.problems());
        String fromLoop = board(grade(copy.resolve("exercises/target/watch-classes"), "exercises", stage).board());
        assertEquals(fromMaven, fromLoop);
        assertNotEquals("", fromLoop);
        return fromLoop;
    }

    private static GradingRun.Outcome grade(Path classes, String tree, String stage) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        return runs.grade(classes, tree, stage, new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    /** The board: from its title to the end. */
    private static String board(String output) {
        int at = output.indexOf(BOARD_START);
        assertTrue(at >= 0, () -> "no board in:\n" + output);
        return output.substring(at).strip();
    }

    /** Replaces every unwritten place of a stage with this code. */
    private static void plantInStage(int stage, String code) {
        String todo = "throw new Todo(" + stage + ");";
        int planted = 0;
        for (Path file : javaFiles(copy.resolve("exercises/src/main/java"))) {
            try {
                String text = Files.readString(file);
                if (text.contains(todo)) {
                    Files.writeString(file, text.replace(todo, code));
                    planted++;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        assertTrue(planted > 0, "stage " + stage + " has no unwritten place to plant a mistake in");
    }

    private static Path firstFileWith(String text) {
        return javaFiles(copy.resolve("exercises/src/main/java")).stream().filter(file -> {
            try {
                return Files.readString(file).contains(text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).findFirst().orElseThrow();
    }

    private static List<Path> javaFiles(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the copy's Maven wrapper, as a learner does; returns what it printed. */
    private static String maven(String... arguments) {
        boolean windows = System.getProperty("os.name", "").toLowerCase().contains("win");
        List<String> command = new ArrayList<>(List.of(copy.resolve(windows ? "mvnw.cmd" : "mvnw").toString(), "-q"));
        String outer = System.getenv().getOrDefault("MAVEN_CMD_LINE_ARGS", "");
        if (outer.matches("(?s).*(^|\\s)(-o|--offline)(\\s|$).*")) {
            command.add("-o");
        }
        command.addAll(List.of(arguments));
        try {
            Process maven = new ProcessBuilder(command).directory(copy.toFile()).redirectErrorStream(true).start();
            maven.getOutputStream().close();
            String output = new String(maven.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            maven.waitFor();
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The kit's top folder: the nearest folder up from here with the Maven wrapper in it. */
    private static Path kitRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("solutions"))) {
                return dir;
            }
        }
        throw new IllegalStateException("not inside the kit");
    }

    /** Copies the kit's sources, without build output, git's folder or a learner's .kit. */
    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path relative = from.relativize(p);
                String first = relative.getNameCount() == 0 ? "" : relative.getName(0).toString();
                boolean skipped = first.equals(".git") || first.equals(".kit") || first.equals("target")
                        || relative.toString().replace('\\', '/').matches("[^/]+/target(/.*)?");
                if (skipped) {
                    continue;
                }
                Path target = to.resolve(relative.toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
