package kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
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
    @DisplayName("every stage has a graded test class whose tests all have a display name and a hint")
    void everyStageIsGraded() throws IOException, ClassNotFoundException {
        Path tests = ROOT.resolve("tests/src/test/java/grading");
        List<String> problems = new ArrayList<>();
        for (int stage : stageNumbers()) {
            String tag = String.format("stage%02d", stage);
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
                // The tag may be on the class or on an annotation it carries (@NetworkStage).
                List<String> tags = org.junit.platform.commons.support.AnnotationSupport
                        .findRepeatableAnnotations(type, org.junit.jupiter.api.Tag.class).stream()
                        .map(org.junit.jupiter.api.Tag::value).toList();
                if (!tags.equals(List.of(tag))) {
                    problems.add(name + " must be tagged @Tag(\"" + tag + "\"), and only that");
                }
                for (Method method : type.getDeclaredMethods()) {
                    if (method.isAnnotationPresent(Test.class)) {
                        if (!method.isAnnotationPresent(DisplayName.class)) {
                            problems.add(name + "." + method.getName() + " has no @DisplayName");
                        }
                        if (!method.isAnnotationPresent(grading.support.Hint.class)
                                && !type.isAnnotationPresent(grading.support.Hint.class)) {
                            problems.add(name + "." + method.getName() + " has no @Hint");
                        }
                        if (!method.isAnnotationPresent(org.junit.jupiter.api.Order.class)) {
                            problems.add(name + "." + method.getName() + " has no @Order");
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
    }
}
