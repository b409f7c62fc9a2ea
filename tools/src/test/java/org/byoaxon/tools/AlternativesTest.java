package org.byoaxon.tools;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlternativesTest {
    static final String SOLUTION = String.join("\n",
            "package demo;",
            "",
            "public class Demo {",
            "    // tag::step[]",
            "    int step() {",
            "        // >>> stage 2 step: step",
            "        int n = 1;",
            "        // >>> stage 6 inner: inner",
            "        //| n++;",
            "        n += 2;",
            "        // <<< stage 6",
            "        return n;",
            "        // <<< stage 2",
            "    }",
            "    // end::step[]",
            "",
            "    int other() {",
            "        // >>> stage 3 other: other",
            "        return 3;",
            "        // <<< stage 3",
            "    }",
            "}",
            "");

    static Path kit(Path root) throws IOException {
        Path solution = root.resolve("solutions/src/main/java/demo/Demo.java");
        Files.createDirectories(solution.getParent());
        Files.writeString(solution, SOLUTION);
        Files.createDirectories(root.resolve(Alternatives.FOLDER).resolve("demo/Demo"));
        return root.resolve(Alternatives.FOLDER).resolve("demo/Demo");
    }

    @Test
    @DisplayName("a region with an alternative is replaced by it, a nested region marked //> NAME is rendered in place,"
            + " the others keep their answer, and documentation tags go")
    void replacesRegions(@TempDir Path root) throws IOException {
        Path folder = kit(root);
        Files.writeString(folder.resolve("step.txt"), "        int m = 0;\n        //> inner\n        return m + 1;\n");
        Files.writeString(folder.resolve("inner.txt"), "        m = 2;\n");
        new Alternatives(root).write(root.resolve("out"));
        String written = Files.readString(root.resolve("out/demo/Demo.java"));
        assertTrue(written.contains("        int m = 0;\n        m = 2;\n        return m + 1;\n    }"), written);
        assertTrue(written.contains("        return 3;\n"), "a region without an alternative keeps its answer: " + written);
        assertTrue(!written.contains("tag::") && !written.contains(">>>"), written);
    }

    @Test
    @DisplayName("a nested region without an alternative gets its reference answer")
    void nestedAnswer(@TempDir Path root) throws IOException {
        Path folder = kit(root);
        Files.writeString(folder.resolve("step.txt"), "        int n = 5;\n        //> inner\n        return n;\n");
        new Alternatives(root).write(root.resolve("out"));
        String written = Files.readString(root.resolve("out/demo/Demo.java"));
        assertTrue(written.contains("        int n = 5;\n        n += 2;\n        return n;\n"), written);
    }

    @Test
    @DisplayName("an alternative that names no region is an error that names it")
    void staleAlternative(@TempDir Path root) throws IOException {
        String error = refusal(root, "gone.txt", "        return 0;\n");
        assertTrue(error.contains("demo/Demo/gone.txt"), error);
    }

    @Test
    @DisplayName("//> with a name that is not nested in the region is an error that names both")
    void unknownNested(@TempDir Path root) throws IOException {
        String error = refusal(root, "step.txt", "        //> other\n        return 0;\n");
        assertTrue(error.contains("other") && error.contains("step"), error);
    }

    /** The error writing the alternatives gives once {@code file}, holding {@code text}, is added to the demo's. */
    private static String refusal(Path root, String file, String text) throws IOException {
        Files.writeString(kit(root).resolve(file), text);
        return assertThrows(IllegalArgumentException.class, () -> new Alternatives(root).write(root.resolve("out")))
                .getMessage();
    }
}
