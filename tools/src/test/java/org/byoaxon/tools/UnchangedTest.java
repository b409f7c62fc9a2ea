package org.byoaxon.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@link Unchanged.Recording} notes: the watch keeps a class's results only when
 * nothing it could have seen changed, and what it saw is what the run's loader was asked
 * for. After discovery, a class already loaded counts again when a new loader under the
 * run's asks for it, as JShell's loader of snippet classes does for each class a snippet
 * names.
 */
class UnchangedTest {
    @TempDir
    Path root;

    @Test
    @DisplayName("after the mark, a class loaded before it is noted again when a loader under the run's asks for it,"
            + " and not when nothing asks")
    void askedAgainThroughAChildLoader() throws Exception {
        Path classes = root.resolve("classes");
        Javac javac = new Javac(root, sources(), classes, "21", List.of());
        assertTrue(javac.compile().ok());
        try (Unchanged.Recording run = new Unchanged.Recording("run", new URL[] {classes.toUri().toURL()},
                UnchangedTest.class.getClassLoader())) {
            Class<?> found = Class.forName("p.Found", false, run);   // as JUnit's discovery loads a class
            run.mark();
            assertFalse(run.requested().contains("p.Found"), "nothing asked for it since the mark");
            try (URLClassLoader snippets = new URLClassLoader("snippets", new URL[0], run)) {
                assertEquals(found, snippets.loadClass("p.Found"));
            }
            assertTrue(run.requested().contains("p.Found"), "a snippet's loader asks the run's: " + run.requested());
            assertTrue(run.asked().contains("p.Found"));
        }
    }

    @Test
    @DisplayName("a class's declarations, what JShell's compiler reads of it, stay the same after a change inside a"
            + " method's body, and change with a new method, a renamed parameter or a changed constant")
    void declarations() throws Exception {
        String[] versions = {
            "package p; public class A { public static final int K = 1; int f(int x) { return x + 1; } }",
            "package p; public class A { public static final int K = 1;\n\n int f(int x) { int y = x * 2; return y; } }",
            "package p; public class A { public static final int K = 1; int f(int x) { return x + 1; } void g() { } }",
            "package p; public class A { public static final int K = 1; int f(int y) { return y + 1; } }",
            "package p; public class A { public static final int K = 2; int f(int x) { return x + 1; } }"};
        List<String> hashes = new java.util.ArrayList<>();
        Unchanged unchanged = new Unchanged();
        for (String version : versions) {
            Path src = root.resolve("v" + hashes.size());
            java.nio.file.Files.createDirectories(src.resolve("p"));
            java.nio.file.Files.writeString(src.resolve("p/A.java"), version);
            Path classes = root.resolve("c" + hashes.size());
            assertTrue(new Javac(root, src, classes, "21", List.of()).compile().ok());
            Path file = classes.resolve("p/A.class");
            hashes.add(unchanged.declarations(file, Unchanged.hashes(classes).get("p/A.class")));
        }
        assertEquals(hashes.get(0), hashes.get(1), "only the body (and the lines) changed");
        assertEquals(5, new java.util.HashSet<>(hashes).size() + 1, "each other change is seen: " + hashes);
    }

    private Path sources() throws java.io.IOException {
        Path src = root.resolve("src");
        java.nio.file.Files.createDirectories(src.resolve("p"));
        java.nio.file.Files.writeString(src.resolve("p/Found.java"), "package p; public class Found { }");
        return src;
    }
}
