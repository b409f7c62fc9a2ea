package kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grading.support.Stage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A stage's chapter shows the answer to its own exercise only inside a hint block
 * ({@code .Hint N: title} followed by a {@code ====} example block), which the handbook
 * folds and the book moves to the end of the chapter. An include of
 * {@code tag=answer-NAME}, where NAME is a region marked {@code // >>> stage N NAME: ...}
 * in the included file, is the answer of stage N; the chapter of stage N may show it
 * only inside a hint. Later chapters may show it anywhere.
 */
@Tag("kit")
@DisplayName("Kit: a chapter shows the answers of its own stage only inside its hints")
class AnswersInHintsTest {
    private static final Path ROOT = Path.of(System.getProperty("kit.root", "..")).toAbsolutePath().normalize();
    private static final Pattern ANSWER_INCLUDE = Pattern.compile(
            "^include::\\{(solutions|views)}/(?:(solutions|exercises|after-stage-(\\d+))/)?(.+?)\\[tags?=answer-([\\w-]+)]\\s*$");
    private static final Pattern HINT_TITLE = Pattern.compile("^\\.(Hint \\d+:.*?)\\s*$");

    @Test
    @DisplayName("no chapter includes an answer of its own stage outside a hint block")
    void answersStayInHints() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Stage stage : Stage.all()) {
            Path file = ROOT.resolve(stage.chapter());
            if (!stage.chapter().isEmpty() && Files.isRegularFile(file)) {
                problems.addAll(violations(stage.chapter(), Files.readAllLines(file), stage.number(),
                        AnswersInHintsTest::stageOfRegion));
            }
        }
        assertEquals(List.of(), problems, "a chapter's own answers must stay inside its hint blocks, folded,"
                + " so that reading the chapter does not show them by accident");
    }

    @Test
    @DisplayName("the check finds an answer planted outside the hints, and accepts it inside one")
    void theCheckBites() {
        List<String> chapter = List.of(
                "== The exercise",
                "[source,java]",
                "----",
                "include::{solutions}/axon/Example.java[tag=answer-step]",
                "----",
                "== Hints",
                ".Hint 1: the traps",
                "[%collapsible]",
                "====",
                "Words only.",
                "====",
                "",
                ".Hint 2: the reference answer",
                "[%collapsible]",
                "====",
                "[source,java]",
                "----",
                "include::{solutions}/axon/Example.java[tag=answer-step]",
                "include::{views}/after-stage-03/axon/Example.java[tag=answer-put]",
                "----",
                "====",
                "include::{solutions}/axon/Example.java[tag=answer-older]",
                "include::{views}/after-stage-03/axon/Example.java[tag=answer-step]",
                "include::{views}/exercises/axon/Example.java[tag=answer-step]",
                "include::{views}/after-stage-04/axon/Example.java[tag=answer-step]");
        Map<String, Integer> regions = Map.of("axon/Example.java step", 4, "axon/Example.java put", 4,
                "axon/Example.java older", 2);
        List<String> found = violations("stage-04.adoc", chapter, 4,
                (file, name) -> regions.getOrDefault(file + " " + name, -1));
        assertEquals(2, found.size(), "exactly the two includes of a solved stage-4 region outside the hints"
                + " are violations (a view before stage 4 or the exercises tree shows its skeleton): " + found);
        assertTrue(found.get(0).contains("stage-04.adoc:4") && found.get(0).contains("Hint 2: the reference answer"),
                "the message names the chapter, the line and the hint to move it into: " + found.get(0));
        assertTrue(found.get(1).contains("stage-04.adoc:25"), "the view after stage 4 shows the answer: " + found.get(1));
    }

    /** Where a chapter includes an answer of its own stage outside its hint blocks, one sentence each. */
    static List<String> violations(String name, List<String> lines, int stage, RegionStage regions) {
        String answerHint = null;
        String lastHint = null;
        for (String line : lines) {
            Matcher hint = HINT_TITLE.matcher(line);
            if (hint.matches()) {
                lastHint = hint.group(1);
                if (lastHint.contains("reference answer")) {
                    answerHint = lastHint;
                }
            }
        }
        String target = answerHint != null ? answerHint : lastHint;
        String moveInto = target != null ? "\"" + target + "\"" : "a hint block (the chapter has none yet: add one)";
        List<String> found = new ArrayList<>();
        boolean titled = false;
        boolean inHint = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (inHint) {
                if (line.equals("====")) {
                    inHint = false;
                }
                continue;
            }
            if (HINT_TITLE.matcher(line).matches()) {
                titled = true;
                continue;
            }
            if (titled && line.equals("====")) {
                inHint = true;
                titled = false;
                continue;
            }
            if (titled && !line.startsWith("[")) {
                titled = false; // a hint title not followed by an example block: not a hint block
            }
            Matcher include = ANSWER_INCLUDE.matcher(line);
            if (include.matches() && showsAnswer(include, stage)
                    && regions.stageOf(include.group(4), include.group(5)) == stage) {
                found.add(name + ":" + (i + 1) + " shows the answer " + include.group(5) + " of stage " + stage
                        + " (" + include.group(4) + ") outside the hints: move it into " + moveInto
                        + ", or put prose or the exercise's skeleton in its place");
            }
        }
        return found;
    }

    /**
     * Whether the tree an include reads from shows stage {@code stage}'s regions solved:
     * {solutions} and views/solutions do; views/exercises shows every region as its
     * skeleton, and views/after-stage-NN only the regions of stages 1 to NN solved.
     */
    private static boolean showsAnswer(Matcher include, int stage) {
        if (include.group(1).equals("solutions") || include.group(2) == null) {
            return true;
        }
        if (include.group(2).equals("exercises")) {
            return false;
        }
        return include.group(3) == null || Integer.parseInt(include.group(3)) >= stage;
    }

    /** The stage of the region NAME in a file of solutions/, or -1 if it has none. */
    interface RegionStage {
        int stageOf(String file, String name);
    }

    private static int stageOfRegion(String file, String name) {
        Path source = ROOT.resolve("solutions/src/main/java").resolve(file);
        if (!Files.isRegularFile(source)) {
            return -1;
        }
        Pattern marker = Pattern.compile("^\\s*// >>> stage (\\d+) " + Pattern.quote(name) + "(?::.*)?$");
        try {
            for (String line : Files.readAllLines(source)) {
                Matcher region = marker.matcher(line);
                if (region.matches()) {
                    return Integer.parseInt(region.group(1));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
        return -1;
    }
}
