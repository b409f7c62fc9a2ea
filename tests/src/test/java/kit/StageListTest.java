package kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grading.support.Graded;
import grading.support.GradedTest;
import grading.support.GradedTitles;
import grading.support.Hint;
import grading.support.Hints;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The stage list, the -Dstage check in pom.xml and the graded test classes agree. */
@Tag("kit")
class StageListTest {
    static final Path ROOT = Path.of(System.getProperty("kit.root", "..")).toAbsolutePath().normalize();

    static Properties stages() throws IOException {
        Properties stages = new Properties();
        try (InputStream in = StageListTest.class.getResourceAsStream("/grading/stages.properties")) {
            stages.load(in);
        }
        return stages;
    }

    static TreeSet<Integer> stageNumbers() throws IOException {
        TreeSet<Integer> numbers = new TreeSet<>();
        for (String key : stages().stringPropertyNames()) {
            numbers.add(Integer.parseInt(key.substring(0, key.indexOf('.'))));
        }
        return numbers;
    }

    @Test
    @DisplayName("the -Dstage pattern in pom.xml accepts exactly the stages in stages.properties")
    void stagePatternMatchesStageList() throws IOException {
        String pom = Files.readString(ROOT.resolve("pom.xml"));
        Matcher pattern = Pattern.compile("<kit\\.stagePattern>(.*)</kit\\.stagePattern>").matcher(pom);
        Matcher list = Pattern.compile("<kit\\.stageList>(.*)</kit\\.stageList>").matcher(pom);
        assertTrue(pattern.find() && list.find(), "pom.xml must define kit.stagePattern and kit.stageList");
        TreeSet<Integer> stages = stageNumbers();
        for (int n = 0; n <= 20; n++) {
            assertEquals(stages.contains(n), String.valueOf(n).matches(pattern.group(1)),
                    "-Dstage=" + n + " and stages.properties disagree");
        }
        for (String bad : List.of("abc", "", "01", "-1", "1.0")) {
            assertFalse(bad.matches(pattern.group(1)), "-Dstage=" + bad + " must be refused");
        }
        for (int n : stages) {
            assertTrue(list.group(1).contains(String.valueOf(n)), "kit.stageList must mention stage " + n);
        }
        assertEquals(List.copyOf(stages), java.util.stream.IntStream.rangeClosed(1, stages.size()).boxed().toList(),
                "stages must be numbered 1, 2, 3, ... without gaps");
    }

    @Test
    @DisplayName("every stage has a graded test class whose tests all have a title, a place and a hint, and whose hints"
            + " file names only its tests")
    void everyStageIsGraded() throws IOException, ClassNotFoundException {
        Path tests = ROOT.resolve("tests/src/test/java/grading");
        List<String> problems = new ArrayList<>();
        for (int stage : stageNumbers()) {
            List<Path> classes;
            try (Stream<Path> files = Files.list(tests)) {
                classes = files.filter(p -> p.getFileName().toString().startsWith(String.format("Stage%02d", stage)))
                        .toList();
            }
            if (classes.isEmpty()) {
                problems.add("stage " + stage + " has no test class named Stage" + String.format("%02d", stage) + "...Test");
            }
            for (Path file : classes) {
                String name = file.getFileName().toString().replace(".java", "");
                Class<?> type = Class.forName("grading." + name);
                Graded graded = type.getAnnotation(Graded.class);
                if (graded == null || graded.stage() != stage) {
                    problems.add(name + " must be marked @Graded(stage = " + stage + ", title = \"what it checks\")");
                }
                problems.addAll(hintProblems(type, Hints.of(type)));
            }
        }
        assertEquals(List.of(), problems);
    }

    /**
     * What a graded class lacks: a test without a title, a place or a hint, or a block of
     * its hints file that names no test of the class.
     */
    static List<String> hintProblems(Class<?> type, Map<String, Hint> hints) {
        List<String> problems = new ArrayList<>();
        String name = type.getSimpleName();
        Set<String> tests = new HashSet<>();
        for (Method method : type.getDeclaredMethods()) {
            if (!method.isAnnotationPresent(Test.class) && !method.isAnnotationPresent(GradedTest.class)) {
                continue;
            }
            tests.add(method.getName());
            if (GradedTitles.titleOf(method).isEmpty()) {
                problems.add(name + "." + method.getName() + " is a plain @Test: mark it @GradedTest(order = n, value ="
                        + " \"the sentence of the contract it checks\"), n its place in the class's run order");
                continue;
            }
            if (!hints.containsKey(method.getName()) && !hints.containsKey(Hints.EVERY_TEST)) {
                problems.add(name + "." + method.getName() + " has no hint: add a block for it to "
                        + Hints.file(type));
            }
        }
        for (String block : hints.keySet()) {
            String test = block.endsWith(" " + Hints.ON_TIMEOUT)
                    ? block.substring(0, block.length() - Hints.ON_TIMEOUT.length() - 1) : block;
            if (!block.equals(Hints.EVERY_TEST) && !block.equals(Hints.ON_TIMEOUT) && !tests.contains(test)) {
                problems.add(Hints.file(type) + " has a hint for " + block + ", which is not a test of " + name
                        + ": rename the block after the test, or remove it");
            }
        }
        return problems;
    }

    @Test
    @DisplayName("the check names a plain @Test, a test without a hint and a hint for a test that does not exist")
    void theHintCheckBites() {
        Map<String, Hint> hints = Hints.parse("Unhinted.hints", """
                hinted
                    Do this.

                renamedLongAgo
                    Do that.
                """);
        List<String> problems = hintProblems(Unhinted.class, hints);
        assertEquals(3, problems.size(), String.join("\n", problems));
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("Unhinted.plain is a plain @Test")), problems::toString);
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("Unhinted.unhinted has no hint")), problems::toString);
        assertTrue(problems.stream().anyMatch(p -> p.contains("has a hint for renamedLongAgo, which is not a test of"
                + " Unhinted")), problems::toString);
        assertEquals(List.of("Unhinted.plain is a plain @Test: mark it @GradedTest(order = n, value = \"the sentence"
                + " of the contract it checks\"), n its place in the class's run order"),
                hintProblems(Unhinted.class, Map.of(Hints.EVERY_TEST, new Hint("Any.", ""),
                        "hinted", new Hint("This.", ""))), "a \"*\" block serves every test without one");
    }

    /** A graded class with one mistake of each kind; abstract, so that JUnit never runs it. */
    abstract static class Unhinted {
        @GradedTest(order = 1, value = "has its hint")
        void hinted() {
        }

        @GradedTest(order = 2, value = "has none")
        void unhinted() {
        }

        @Test
        void plain() {
        }
    }

    @Test
    @DisplayName("every hints file belongs to a class of the test module")
    void everyHintsFileHasItsClass() throws IOException {
        Path resources = ROOT.resolve("tests/src/test/resources");
        List<String> orphans;
        try (Stream<Path> files = Files.walk(resources)) {
            orphans = files.filter(p -> p.getFileName().toString().endsWith(".hints"))
                    .map(p -> resources.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> StageListTest.class.getClassLoader()
                            .getResource(p.replaceFirst("\\.hints$", ".class")) == null)
                    .toList();
        }
        assertEquals(List.of(), orphans, "hints files whose test class does not exist: rename each after its class");
    }

    @Test
    @DisplayName("a hints file gives each test its text and section, and says what is wrong with a bad block")
    void hintsFilesAreRead() {
        Map<String, Hint> hints = Hints.parse("Example.hints", """
                # a comment
                first
                    Do this,
                    then that.
                    Read: Round robin

                *
                    Look at the first failure.
                """);
        assertEquals(Map.of("first", new Hint("Do this, then that.", "Round robin"),
                Hints.EVERY_TEST, new Hint("Look at the first failure.", "")), hints);
        IllegalStateException late = assertThrows(IllegalStateException.class,
                () -> Hints.parse("Example.hints", "first\n    Read: A\n    more\n"));
        assertTrue(late.getMessage().contains("Example.hints:3") && late.getMessage().contains("first"),
                late.getMessage());
        IllegalStateException twice = assertThrows(IllegalStateException.class,
                () -> Hints.parse("Example.hints", "first\n    A.\n\nfirst\n    B.\n"));
        assertTrue(twice.getMessage().contains("two blocks for first"), twice.getMessage());
    }
}
