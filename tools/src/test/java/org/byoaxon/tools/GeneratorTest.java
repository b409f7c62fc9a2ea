package org.byoaxon.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratorTest {
    static final String SOLUTION = String.join("\n",
            "package demo;",
            "",
            "import java.util.List;",
            "",
            "// tag::fields[]",
            "public class Demo {",
            "    // >>> stage 1: the fields",
            "    //|",
            "    private int count;",
            "    // <<< stage 1",
            "    // end::fields[]",
            "",
            "    int next() {",
            "        // >>> stage 2 next: count up",
            "        return ++count;",
            "        // <<< stage 2",
            "    }",
            "",
            "    List<String> names() {",
            "        // >>> stage 3: no names yet",
            "        //| return List.of();",
            "        return List.of(\"a\");",
            "        // <<< stage 3",
            "    }",
            "}",
            "");

    static String render(int solvedBelow, boolean tags) {
        return Render.render(SourceFile.parse("Demo.java", SOLUTION), solvedBelow, tags, Map.of());
    }

    @Test
    @DisplayName("an exercise has a TODO comment and a throw, a skeleton, or nothing, in place of each region")
    void exerciseStubsEveryRegion() {
        String exercise = render(1, false);
        assertTrue(exercise.contains("    // TODO stage 1: the fields\n\n    int next()"), exercise);
        assertTrue(exercise.contains("        // TODO stage 2: count up\n        throw new Todo(2);\n    }"), exercise);
        assertTrue(exercise.contains("        // TODO stage 3: no names yet\n        return List.of();\n    }"), exercise);
        assertTrue(!exercise.contains(">>>") && !exercise.contains("<<<") && !exercise.contains("tag::")
                && !exercise.contains("++count"), exercise);
        assertTrue(exercise.contains("import axon.Todo;\nimport java.util.List;"), "Todo is imported in order: " + exercise);
    }

    @Test
    @DisplayName("regions of stages below the threshold get the reference code, and views keep doc tags")
    void thresholdAndViews() {
        String caughtUp = render(3, false);
        assertTrue(caughtUp.contains("private int count;") && caughtUp.contains("return ++count;"), caughtUp);
        assertTrue(caughtUp.contains("// TODO stage 3") && !caughtUp.contains("import axon.Todo;"), caughtUp);
        String view = render(Integer.MAX_VALUE, true);
        assertTrue(view.contains("// tag::fields[]") && view.contains("return List.of(\"a\");")
                && !view.contains("//|") && !view.contains(">>>"), view);
    }

    @Test
    @DisplayName("a named region is wrapped in its include tags in the views (answer or TODO), and in nothing a learner sees")
    void namedRegionsMakeTheirTags() {
        String view = render(Integer.MAX_VALUE, true);
        assertTrue(view.contains("        // tag::answer-next[]\n        return ++count;\n        // end::answer-next[]"), view);
        assertTrue(!view.contains("todo-next"), "a solved region has no TODO tag: " + view);
        String beforeStage2 = render(2, true);
        assertTrue(!beforeStage2.contains("answer-next"), "an unsolved region has no answer tag: " + beforeStage2);
        assertTrue(beforeStage2.contains("        // tag::todo-next[]\n        // TODO stage 2: count up\n"
                + "        throw new Todo(2);\n        // end::todo-next[]"), beforeStage2);
        String exercise = render(3, false);
        assertTrue(exercise.contains("return ++count;") && !exercise.contains("answer-next"), exercise);
        String untouched = render(1, false);
        assertTrue(!untouched.contains("todo-next"), untouched);
    }

    @Test
    @DisplayName("a region name used twice in a file, an answer or TODO tag written by hand, or a tag around exactly a region,"
            + " is an error naming the line")
    void regionNamesAreTheOnlyAnswerTags() {
        String twice = String.join("\n", "class A {", "  int a() {", "    // >>> stage 1 same: a", "    return 1;",
                "    // <<< stage 1", "  }", "  int b() {", "    // >>> stage 2 same: b", "    return 2;", "    // <<< stage 2",
                "  }", "}");
        IllegalArgumentException duplicate = assertThrows(IllegalArgumentException.class, () -> SourceFile.parse("A.java", twice));
        assertTrue(duplicate.getMessage().contains("A.java:8") && duplicate.getMessage().contains("same"), duplicate.getMessage());
        String byHand = String.join("\n", "class A {", "  int a() {", "    // >>> stage 1: a", "    // tag::answer-a[]",
                "    return 1;", "    // end::answer-a[]", "    // <<< stage 1", "  }", "}");
        IllegalArgumentException tag = assertThrows(IllegalArgumentException.class, () -> SourceFile.parse("A.java", byHand));
        assertTrue(tag.getMessage().contains("A.java:4") && tag.getMessage().contains(">>> stage N a:"), tag.getMessage());
        String around = String.join("\n", "class A {", "  int a() {", "    // tag::a[]", "    // >>> stage 1 a: a",
                "    return 1;", "    // <<< stage 1", "", "    // end::a[]", "  }", "}");
        IllegalArgumentException wrapped = assertThrows(IllegalArgumentException.class, () -> SourceFile.parse("A.java", around));
        assertTrue(wrapped.getMessage().contains("A.java:3") && wrapped.getMessage().contains("tag=todo-a")
                && wrapped.getMessage().contains("tag=answer-a"), wrapped.getMessage());
        SourceFile.parse("A.java", around.replace("    // tag::a[]\n", "    // tag::a[]\n  int b;\n"));
        String spaced = around.replace("    // tag::a[]\n", "    // tag::a[]\n\n");
        IllegalArgumentException blank = assertThrows(IllegalArgumentException.class, () -> SourceFile.parse("A.java", spaced));
        assertTrue(blank.getMessage().contains("A.java:3") && blank.getMessage().contains("region of line 5"),
                "a blank line between the tag and the region changes nothing: " + blank.getMessage());
        String todoByHand = byHand.replace("answer-a", "todo-a");
        IllegalArgumentException todo = assertThrows(IllegalArgumentException.class, () -> SourceFile.parse("A.java", todoByHand));
        assertTrue(todo.getMessage().contains("A.java:4") && todo.getMessage().contains("tag::todo-a"), todo.getMessage());
    }

    @Test
    @DisplayName("a region nested in an earlier stage's region shows up only once the outer one is solved")
    void nestedRegions() {
        String source = String.join("\n",
                "package axon;",
                "class A {",
                "    boolean step() {",
                "        // >>> stage 2: the cycle",
                "        int x = 1;",
                "        // >>> stage 6: sleepers",
                "        //| boolean asleep = false;",
                "        boolean asleep = x > 0;",
                "        // <<< stage 6",
                "        return asleep;",
                "        // <<< stage 2",
                "    }",
                "}");
        SourceFile file = SourceFile.parse("A.java", source);
        String exercise = Render.render(file, 1, false, Map.of());
        assertTrue(exercise.contains("// TODO stage 2: the cycle\n        throw new Todo(2);") && !exercise.contains("stage 6"),
                exercise);
        String atSix = Render.render(file, 6, false, Map.of());
        assertTrue(atSix.contains("int x = 1;\n        // TODO stage 6: sleepers\n        boolean asleep = false;\n        return asleep;"),
                atSix);
        String solved = Render.render(file, 7, false, Map.of());
        assertTrue(solved.contains("boolean asleep = x > 0;") && !solved.contains("TODO"), solved);
        assertEquals(6, file.stages().max().getAsInt());
        assertThrows(IllegalArgumentException.class, () -> SourceFile.parse("B.java",
                "// >>> stage 6: a\n// >>> stage 2: b\n// <<< stage 2\n// <<< stage 6\n"));
    }

    @Test
    @DisplayName("malformed markers are errors that name the file and line")
    void malformedMarkers() {
        var unclosed = assertThrows(IllegalArgumentException.class,
                () -> SourceFile.parse("A.java", "x\n// >>> stage 1: a\ny\n"));
        assertTrue(unclosed.getMessage().contains("A.java:2"), unclosed.getMessage());
        var mismatched = assertThrows(IllegalArgumentException.class,
                () -> SourceFile.parse("A.java", "// >>> stage 1: a\n// <<< stage 2\n"));
        assertTrue(mismatched.getMessage().contains("A.java:2"), mismatched.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> SourceFile.parse("A.java", "// >>> stage 1: a\n// >>> stage 1: b\n// <<< stage 1\n"));
        assertThrows(IllegalArgumentException.class, () -> SourceFile.parse("A.java", "// <<< stage 1\n"));
    }

    @Test
    @DisplayName("merge finds a learner's code in each region through changes around it, and gives up when the"
            + " lines next to a region changed")
    void mergeFindsRegions() {
        SourceFile file = SourceFile.parse("Demo.java", SOLUTION);
        String learner = render(1, false).replace("throw new Todo(2);", "count = count + 1;\n        return count;");
        Merge.Plan plan = Merge.plan(file, List.of(learner.split("\n", -1)),
                region -> region.stage() == 2 ? Merge.Action.STUB : Merge.Action.KEEP, 1);
        assertEquals(1, plan.edits().size());
        assertEquals(List.of("        // TODO stage 2: count up", "        throw new Todo(2);"), plan.edits().getFirst().lines());
        String respaced = learner.replace("int next() {", "int next( ) {");
        assertTrue(!Merge.plan(file, List.of(respaced.split("\n", -1)),
                region -> region.stage() == 2 ? Merge.Action.STUB : Merge.Action.KEEP, 1).conflict());
        String renamed = learner.replace("int next() {", "int advance() {");
        assertEquals(2, Merge.plan(file, List.of(renamed.split("\n", -1)),
                region -> region.stage() == 2 ? Merge.Action.STUB : Merge.Action.KEEP, 1).lost().stage());
    }

    @Test
    @DisplayName("catch-up solves earlier stages, keeps the learner's later work, and backs up what it changes")
    void catchUpKeepsLaterWork(@TempDir Path root) throws IOException {
        String mine = render(1, false).replace("return List.of();", "return List.of(\"mine\");");
        Path exercises = demoKit(root, mine);

        new Kit(root).catchUp("3");

        String after = Files.readString(exercises);
        assertTrue(after.contains("private int count;") && after.contains("return ++count;"), after);
        assertTrue(after.contains("return List.of(\"mine\");"), "the learner's stage-3 code must be kept: " + after);
        try (Stream<Path> backups = Files.walk(root.resolve(".kit/backups"))) {
            List<Path> saved = backups.filter(p -> p.getFileName().toString().equals("Demo.java")).toList();
            assertEquals(1, saved.size());
            assertEquals(mine, Files.readString(saved.getFirst()), "the backup must hold the learner's version");
        }
    }

    @Test
    @DisplayName("reset puts one stage back as it started and keeps the learner's other work")
    void resetOneStage(@TempDir Path root) throws IOException {
        String mine = render(1, false).replace("throw new Todo(2);", "return 42;")
                .replace("return List.of();", "return List.of(\"mine\");");
        Path exercises = demoKit(root, mine);

        new Kit(root).reset("2");

        String after = Files.readString(exercises);
        assertTrue(after.contains("throw new Todo(2);") && !after.contains("return 42;"), after);
        assertTrue(after.contains("return List.of(\"mine\");"), "other stages must be kept: " + after);
        assertTrue(Files.exists(root.resolve(".kit/backups")), "the learner's version must be backed up");
    }

    /** A kit in {@code root} whose one file, demo/Demo.java, is {@link #SOLUTION}, and the learner has {@code mine}. */
    private static Path demoKit(Path root, String mine) throws IOException {
        Path solutions = root.resolve("solutions/src/main/java/demo/Demo.java");
        Path exercises = root.resolve("exercises/src/main/java/demo/Demo.java");
        Files.createDirectories(solutions.getParent());
        Files.createDirectories(exercises.getParent());
        Files.writeString(solutions, SOLUTION);
        return Files.writeString(exercises, mine);
    }

    @Test
    @DisplayName("generate then check: a fresh generation passes, an edited exercise does not")
    void generateThenCheck(@TempDir Path root) throws IOException {
        Path solutions = root.resolve("solutions/src/main/java/demo/Demo.java");
        Files.createDirectories(solutions.getParent());
        Files.writeString(solutions, SOLUTION);
        Kit kit = new Kit(root);
        kit.generate();
        assertEquals(render(1, false), Files.readString(root.resolve("exercises/src/main/java/demo/Demo.java")));
        assertTrue(kit.differences().isEmpty());
        Files.writeString(root.resolve("exercises/src/main/java/demo/Demo.java"), "changed");
        assertEquals(1, kit.differences().size());
    }
}
