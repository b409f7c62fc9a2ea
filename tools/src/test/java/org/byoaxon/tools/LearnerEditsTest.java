package org.byoaxon.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * reset and catch-up touch only the regions of the stages they are asked about: a
 * learner's changes outside the regions survive both, on the kit's real sources.
 *
 * <p>Each edit is one a learner makes: a comment, an import, a helper method, a
 * reformatted member, a trailing comment. It is applied to a file as the learner has it
 * after stage S, then {@code reset S} must give exactly the same edit applied to the file
 * at the start of stage S, and {@code catch-up S+1} the same edit on the file after
 * stage S again.
 */
class LearnerEditsTest {
    private static final Path KIT = kitRoot();
    private static final String SOLUTIONS = "solutions/src/main/java";
    private static final String EXERCISES = "exercises/src/main/java";

    /** A learner's change to a file, outside the places marked TODO. */
    private static final Map<String, UnaryOperator<String>> EDITS = new LinkedHashMap<>();

    static {
        EDITS.put("a comment at the end of the file", text -> text + "// My notes: done on Tuesday.\n");
        EDITS.put("a trailing comment on the class line", text -> text.replaceFirst(
                "(?m)^(public (?:abstract |final )?class \\w+[^\\n]*\\{)$", "$1 // my favourite class"));
        EDITS.put("an extra import", text -> text.contains("\nimport java.")
                ? text.replaceFirst("\nimport java.", "\nimport java.util.zip.CRC32;\nimport java.")
                : text.replaceFirst("(?m)^(package [\\w.]+;\\n)", "$1\nimport java.util.zip.CRC32;\n"));
        EDITS.put("a helper method before the last brace", text -> text.replaceFirst("(?s)\\}\\s*$",
                "\n    /** Mine. */\n    static String shout(String text) {\n        return text.toUpperCase();\n    }\n}\n"));
        EDITS.put("reformatted: the class's brace on a line of its own, a javadoc line rewrapped", text -> text
                .replaceFirst("(?m)^(public (?:abstract |final )?class \\w+[^\\n]*) \\{$", "$1\n{")
                .replaceFirst("(?m)^( \\* [^\\n]{20,}?) (\\w+)$", "$1\n * $2"));
    }

    /** Every edit above, one after the other. */
    private static String allEdits(String text) {
        for (UnaryOperator<String> edit : EDITS.values()) {
            text = edit.apply(text);
        }
        return text;
    }

    @ParameterizedTest(name = "stage {0}")
    @ValueSource(ints = {1, 2, 3, 6, 7, 9})
    @DisplayName("reset S and then catch-up S+1 change only the places of stage S, whatever the learner changed"
            + " around them (a comment, a trailing comment, an import, a helper method, reformatting)")
    void editsSurvive(int stage, @TempDir Path root) throws IOException {
        Kit kit = generatedKit(root);
        List<String> files = filesWithStage(root, stage);
        assertFalse(files.isEmpty(), "no file has a region of stage " + stage);
        Map<String, String> before = new LinkedHashMap<>();
        for (String file : files) {
            String learner = allEdits(render(root, file, stage + 1));
            write(root.resolve(EXERCISES).resolve(file), learner);
            before.put(file, learner);
        }
        Map<String, String> others = snapshot(root.resolve(EXERCISES));
        others.keySet().removeAll(files);

        String resetSays = quietly(() -> kit.reset(String.valueOf(stage)));
        for (String file : files) {
            assertEquals(allEdits(render(root, file, stage)), read(root.resolve(EXERCISES).resolve(file)),
                    "reset " + stage + " of " + file + " with " + EDITS.keySet() + ":\n" + resetSays);
        }
        Map<String, String> afterReset = snapshot(root.resolve(EXERCISES));
        others.forEach((file, text) -> assertEquals(text, afterReset.get(file),
                file + " holds no region of stage " + stage + " and must not change"));

        String catchUpSays = quietly(() -> kit.catchUp(String.valueOf(stage + 1)));
        for (String file : files) {
            assertEquals(before.get(file), read(root.resolve(EXERCISES).resolve(file)),
                    "catch-up " + (stage + 1) + " of " + file + " with " + EDITS.keySet() + ":\n" + catchUpSays);
        }
        assertFalse(resetSays.contains("left ") || catchUpSays.contains("left "), resetSays + catchUpSays);
    }

    @Test
    @DisplayName("each edit alone survives reset and catch-up of stage 2, whose file also holds a nested stage-6 region")
    void eachEditAlone(@TempDir Path root) throws IOException {
        copySolutions(root);
        Kit kit = new Kit(root);
        String file = "axon/Scheduler.java";
        for (var edit : EDITS.entrySet()) {
            String learner = edit.getValue().apply(render(root, file, 7));
            write(root.resolve(EXERCISES).resolve(file), learner);
            quietly(() -> kit.reset("6"));
            assertEquals(edit.getValue().apply(render(root, file, 6)), read(root.resolve(EXERCISES).resolve(file)),
                    "reset 6 with " + edit.getKey());
            quietly(() -> kit.catchUp("7"));
            assertEquals(learner, read(root.resolve(EXERCISES).resolve(file)), "catch-up 7 with " + edit.getKey());
        }
    }

    @Test
    @DisplayName("reset leaves a finished stage-1 file with a trailing comment alone when it resets another stage")
    void otherStagesFilesAreNotTouched(@TempDir Path root) throws IOException {
        Kit kit = generatedKit(root);
        Path greeter = root.resolve(EXERCISES).resolve("examples/components/Greeter.java");
        String mine = render(root, "examples/components/Greeter.java", 2).replaceFirst("\\}\\s*$", "} // finished!\n");
        write(greeter, mine);
        Map<String, String> before = snapshot(root.resolve(EXERCISES));
        quietly(() -> kit.reset("4"));
        Map<String, String> after = snapshot(root.resolve(EXERCISES));
        List<String> stage4 = filesWithStage(root, 4);
        before.forEach((file, text) -> {
            if (!stage4.contains(file)) {
                assertEquals(text, after.get(file), file + " holds no region of stage 4 and must not change");
            }
        });
        assertEquals(mine, read(greeter));
    }

    @Test
    @DisplayName("reset of a later stage leaves a file alone whose outer region, holding that stage's nested one,"
            + " is not started yet")
    void resetOfANestedStageNotReachedYet(@TempDir Path root) throws IOException {
        Kit kit = generatedKit(root);
        Map<String, String> before = snapshot(root.resolve(EXERCISES));
        String said = quietly(() -> kit.reset("6"));
        assertEquals(before, snapshot(root.resolve(EXERCISES)), said);
        assertTrue(said.startsWith("Nothing to do"), said);
    }

    @Test
    @DisplayName("catch-up from untouched exercises gives every file the reference for earlier stages, with the"
            + " learner's extra import kept")
    void catchUpFromTheStart(@TempDir Path root) throws IOException {
        Kit kit = generatedKit(root);
        UnaryOperator<String> edit = EDITS.get("an extra import");
        List<String> all = filesWithStage(root, 0);
        for (String file : all) {
            Path path = root.resolve(EXERCISES).resolve(file);
            write(path, edit.apply(read(path)));
        }
        quietly(() -> kit.catchUp("8"));
        for (String file : all) {
            assertEquals(edit.apply(render(root, file, 8)), read(root.resolve(EXERCISES).resolve(file)), file);
        }
    }

    // --- Helpers --------------------------------------------------------------------------

    /** The file as a learner has it when stages below {@code solvedBelow} hold the reference. */
    static String render(Path root, String file, int solvedBelow) {
        String text = read(root.resolve(SOLUTIONS).resolve(file));
        return Render.render(SourceFile.parse(file, text), solvedBelow, false, Map.of());
    }

    /** The solution files with a region of this stage (nested ones included); stage 0: with any region. */
    static List<String> filesWithStage(Path root, int stage) {
        Path solutions = root.resolve(SOLUTIONS);
        try (Stream<Path> paths = Files.walk(solutions)) {
            List<String> files = new ArrayList<>();
            for (Path path : paths.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String relative = solutions.relativize(path).toString().replace('\\', '/');
                SourceFile file = SourceFile.parse(relative, Files.readString(path));
                if (stage == 0 ? file.stages().findAny().isPresent() : file.stages().anyMatch(s -> s == stage)) {
                    files.add(relative);
                }
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A kit in {@code root} with a copy of the reference and exercises freshly generated from it. */
    private static Kit generatedKit(Path root) throws IOException {
        copySolutions(root);
        Kit kit = new Kit(root);
        quietly(kit::generate);
        return kit;
    }

    static void copySolutions(Path root) throws IOException {
        Path from = KIT.resolve(SOLUTIONS);
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                Path to = root.resolve(SOLUTIONS).resolve(from.relativize(path).toString());
                Files.createDirectories(to.getParent());
                Files.copy(path, to);
            }
        }
    }

    static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.filter(Files::isRegularFile).sorted().toList()) {
                files.put(dir.relativize(path).toString().replace('\\', '/'), Files.readString(path));
            }
        }
        return files;
    }

    /** What a command prints, kept off the test's output. */
    static String quietly(Runnable command) {
        PrintStream was = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            command.run();
        } finally {
            System.setOut(was);
        }
        return printed.toString(StandardCharsets.UTF_8);
    }

    static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path path, String text) {
        try {
            Files.createDirectories(path.getParent());
            Files.writeString(path, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path kitRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("solutions/src/main/java")) && Files.isDirectory(dir.resolve("tools"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the kit's folder above " + Path.of("").toAbsolutePath());
    }
}
