package org.byoaxon.tools;

import static org.byoaxon.tools.LearnerEditsTest.quietly;
import static org.byoaxon.tools.LearnerEditsTest.read;
import static org.byoaxon.tools.LearnerEditsTest.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files checked out on Windows (CRLF line endings), a renamed local outside the regions,
 * and a change next to a region, where reset and catch-up must not guess.
 */
class LineEndingsAndConflictsTest {
    private static final String CALC = String.join("\n",
            "package demo;",
            "",
            "public class Calc {",
            "    int total() {",
            "        int sum = 0;",
            "        for (int i = 0; i < 3; i++) {",
            "            sum += i;",
            "        }",
            "        return sum;",
            "    }",
            "",
            "    int twice(int x) {",
            "        // >>> stage 2 twice: double it",
            "        return 2 * x;",
            "        // <<< stage 2",
            "    }",
            "",
            "    int thrice(int x) {",
            "        // >>> stage 3: triple it",
            "        //| return 0;",
            "        return 3 * x;",
            "        // <<< stage 3",
            "    }",
            "}",
            "");

    private static Path solution(Path root, String text) {
        Path file = root.resolve("solutions/src/main/java/demo/Calc.java");
        write(file, text);
        return file;
    }

    private static Path exercise(Path root) {
        return root.resolve("exercises/src/main/java/demo/Calc.java");
    }

    private static String render(int solvedBelow) {
        return Render.render(SourceFile.parse("Calc.java", CALC), solvedBelow, false, Map.of());
    }

    private static String crlf(String text) {
        return text.replace("\n", "\r\n");
    }

    @Test
    @DisplayName("region markers in CRLF files are read, and generate writes CRLF exercises that check accepts either way")
    void generateAndCheckWithCrlf(@TempDir Path root) {
        solution(root, crlf(CALC));
        Kit kit = new Kit(root);
        quietly(kit::generate);
        String exercise = read(exercise(root));
        assertEquals(crlf(render(1)), exercise, "the exercise has the solution's line endings");
        assertFalse(exercise.contains(">>>") || exercise.contains("<<<") || exercise.contains("//|"), exercise);
        assertEquals(java.util.List.of(), kit.differences());
        write(exercise(root), render(1));
        assertEquals(java.util.List.of(), kit.differences(), "line endings alone are not a difference");
        write(exercise(root), render(1).replace("return 0;", "return 1;"));
        assertEquals(1, kit.differences().size(), "a real change is");
    }

    @Test
    @DisplayName("catch-up and reset work on a CRLF file and keep its line endings")
    void catchUpAndResetKeepCrlf(@TempDir Path root) {
        solution(root, crlf(CALC));
        Kit kit = new Kit(root);
        String mine = crlf(render(1).replace("return 0;", "return x + x + x;") + "// mine\n");
        write(exercise(root), mine);

        quietly(() -> kit.catchUp("3"));
        String caughtUp = read(exercise(root));
        assertEquals(crlf(render(3).replace("return 0;", "return x + x + x;") + "// mine\n"), caughtUp);
        assertFalse(caughtUp.replace("\r\n", "").contains("\n"), "no line may end in LF alone: " + caughtUp);

        quietly(() -> kit.reset("3"));
        assertEquals(crlf(render(3) + "// mine\n"), read(exercise(root)));
    }

    @Test
    @DisplayName("a local renamed outside the regions survives reset and catch-up")
    void renamedLocal(@TempDir Path root) {
        solution(root, CALC);
        Kit kit = new Kit(root);
        String mine = render(3).replace("sum", "acc").replace("return 0;", "return x * 3;");
        write(exercise(root), mine);

        quietly(() -> kit.reset("2"));
        String reset = read(exercise(root));
        assertEquals(render(2).replace("sum", "acc").replace("return 0;", "return x * 3;"), reset);

        quietly(() -> kit.catchUp("3"));
        assertEquals(mine, read(exercise(root)));
    }

    @Test
    @DisplayName("a change next to a region leaves the learner's file as it is, writes the kit's version beside it,"
            + " and says so in one line")
    void conflictLeavesTheFileAlone(@TempDir Path root) throws IOException {
        solution(root, CALC);
        Kit kit = new Kit(root);
        String mine = render(1).replace("int twice(int x) {", "int twice(int value) {")
                .replace("throw new Todo(2);", "return value * 2;");
        write(exercise(root), mine);

        String said = quietly(() -> kit.reset("2"));

        assertEquals(mine, read(exercise(root)), "the learner's file must not change");
        Path beside = exercise(root).resolveSibling("Calc.java.kit");
        assertEquals(render(2), read(beside), "the kit's version at the start of stage 2 is beside it");
        long lines = said.lines().filter(line -> line.contains("Calc.java")).count();
        assertEquals(1, lines, said);
        assertTrue(said.contains("left exercises/src/main/java/demo/Calc.java as it is") && said.contains("stage 2")
                && said.contains("Calc.java.kit"), said);
        assertFalse(Files.exists(root.resolve(".kit/backups")), "nothing changed, so nothing is backed up: " + said);
    }
}
