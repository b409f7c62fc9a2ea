package kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A learner's {@code ./mvnw test -Dstage=N} does not load the graded classes of later stages
 * (tests/pom.xml, the stage-N profiles): each profile must leave out exactly those, or a
 * stage's tests would silently go ungraded, or later ones be loaded for nothing.
 */
@Tag("kit")
class LaterStagesTest {
    private static final Pattern PROFILE = Pattern.compile("<profile><id>stage-(\\d+)</id><activation><property>"
            + "<name>stage</name><value>(\\d+)</value></property></activation>\\s*<properties><grading\\.skipLater>"
            + "%regex\\[(.*?)\\]</grading\\.skipLater>");

    @Test
    @DisplayName("with -Dstage=N, the tests module leaves out exactly the graded classes of the stages after N")
    void eachStageProfileLeavesOutExactlyTheLaterStages() throws IOException {
        String pom = Files.readString(StageListTest.ROOT.resolve("tests/pom.xml"));
        Map<Integer, Pattern> skipped = new HashMap<>();
        Matcher profile = PROFILE.matcher(pom);
        while (profile.find()) {
            assertEquals(profile.group(1), profile.group(2), "tests/pom.xml: profile stage-" + profile.group(1)
                    + " must be the one activated by -Dstage=" + profile.group(1));
            skipped.put(Integer.parseInt(profile.group(1)), Pattern.compile(profile.group(3)));
        }
        TreeSet<Integer> stages = StageListTest.stageNumbers();
        List<String> classes;
        try (Stream<Path> files = Files.list(StageListTest.ROOT.resolve("tests/src/test/java/grading"))) {
            classes = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".java"))
                    .map(n -> "grading/" + n.replace(".java", ".class")).sorted().toList();
        }
        assertTrue(classes.stream().anyMatch(c -> c.startsWith("grading/Stage13")), "no graded classes found");
        List<String> problems = new ArrayList<>();
        for (int stage : stages) {
            Pattern pattern = skipped.remove(stage);
            if (pattern == null) {
                if (stage != stages.last()) {
                    problems.add("tests/pom.xml has no profile stage-" + stage + ": -Dstage=" + stage
                            + " would load every later stage's classes");
                }
                continue;
            }
            for (String type : classes) {
                Matcher number = Pattern.compile("grading/Stage(\\d\\d).*").matcher(type);
                boolean later = number.matches() && Integer.parseInt(number.group(1)) > stage;
                // Surefire matches the path of the class file, with \ between folders on Windows.
                for (String path : List.of(type, type.replace('/', '\\'))) {
                    if (pattern.matcher(path).matches() != later) {
                        problems.add("-Dstage=" + stage + (later ? " loads " : " leaves out ") + path);
                    }
                }
            }
        }
        skipped.keySet().forEach(n -> problems.add("tests/pom.xml has a profile stage-" + n
                + (n.equals(stages.last()) ? ", but no stage comes after it" : ", but there is no such stage")));
        assertEquals(List.of(), problems, "fix the stage-N profiles in tests/pom.xml");
    }
}
