package org.byoaxon.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compile of a learner's Maven run goes on from the last run's state
 * ({@link Javac#save}, {@link Javac#load}), each run in a new compiler as each Maven run
 * is a new JVM: a change that other files cannot see compiles that file alone, any other
 * compiles everything, and the classes always behave as a compile of everything would.
 */
class IncrementalCompileTest {
    @TempDir
    Path root;
    private Path sources;
    private Path classes;
    private Path state;

    @BeforeEach
    void tree() throws IOException {
        sources = root.resolve("src");
        classes = root.resolve("classes");
        state = root.resolve("javac.state");
        write("p/A.java", "package p; public class A { public static final int K = 7; public static int f() { return 1; } }");
        write("p/B.java", "package p; public class B { public static String g() { return \"\" + A.f() + A.K; } }");
        Javac.Result first = nextRun();
        assertTrue(first.ok(), first.problems().toString());
        assertTrue(first.full(), "the first run compiles everything");
    }

    @Test
    @DisplayName("a change inside a method body compiles that file alone, and the program sees it")
    void bodyChange() throws Exception {
        write("p/A.java", "package p; public class A { public static final int K = 7; public static int f() { return 2; } }");
        Javac.Result result = nextRun();
        assertTrue(result.ok(), result.problems().toString());
        assertFalse(result.full());
        assertEquals(1, result.compiled());
        assertEquals("27", run());
    }

    @Test
    @DisplayName("a change other files can see (a constant's value, a signature) compiles everything")
    void shapeChange() throws Exception {
        write("p/A.java", "package p; public class A { public static final int K = 8; public static int f() { return 1; } }");
        Javac.Result result = nextRun();
        assertTrue(result.ok(), result.problems().toString());
        assertTrue(result.full(), "B inlined K: it must be compiled again");
        assertEquals("18", run());
        write("p/A.java", "package p; public class A { public static final int K = 8; public static long f() { return 3; } }");
        assertTrue(nextRun().full(), "f's type changed");
        assertEquals("38", run());
    }

    @Test
    @DisplayName("after a compile error, or when another compiler wrote the class folder, the next run compiles everything")
    void noStateToGoOn() throws Exception {
        write("p/A.java", "package p; public class A { public static final int K = 7; public static int f() { return 1 } }");
        Javac.Result broken = nextRun();
        assertFalse(broken.ok());
        assertEquals("src/p/A.java", broken.problems().get(0).file());
        assertEquals(1, broken.problems().get(0).line());
        assertTrue(broken.problems().get(0).column() > 0, "the column is known, as Maven shows it");
        write("p/A.java", "package p; public class A { public static final int K = 7; public static int f() { return 4; } }");
        assertTrue(nextRun().full(), "after a failed run");
        Files.writeString(classes.resolve("p/Other.class"), "written by someone else");
        write("p/B.java", "package p; public class B { public static String g() { return \"\" + A.K + A.f(); } }");
        assertTrue(nextRun().full(), "the class folder changed since the last run");
        assertFalse(Files.exists(classes.resolve("p/Other.class")), "a full compile starts from an empty folder");
        assertEquals("74", run());
        write("p/B.java", "package p; public class B { public static String g() { return \"\" + A.K + A.f() + 0; } }");
        assertFalse(nextRun().full(), "and then it goes on from there");
        assertEquals("740", run());
    }

    @Test
    @DisplayName("a deleted file, or a deleted state, compiles everything")
    void deleted() throws Exception {
        write("p/C.java", "package p; class C { }");
        assertFalse(nextRun().full());
        Files.delete(sources.resolve("p/C.java"));
        assertTrue(nextRun().full());
        assertFalse(Files.exists(classes.resolve("p/C.class")));
        Files.delete(state);
        assertTrue(nextRun().full());
    }

    @Test
    @DisplayName("target/lib ends up holding exactly the libraries, each copy the same as its jar: missing and"
            + " changed ones copied, ones no longer used removed")
    void libraries() throws IOException {
        Path repo = Files.createDirectories(root.resolve("repo"));
        Path a = Files.writeString(repo.resolve("a-1.0.jar"), "a");
        Path b = Files.writeString(repo.resolve("b-2.0.jar"), "b, version 2");
        Path lib = Files.createDirectories(root.resolve("lib"));
        Files.writeString(lib.resolve("b-2.0.jar"), "b, damaged");
        Files.writeString(lib.resolve("b-1.0.jar"), "b, version 1");
        Files.writeString(lib.resolve("notes.txt"), "not a library");
        IncrementalCompile.copyIfChanged(List.of(a, b), lib);
        try (var files = Files.list(lib)) {
            assertEquals(List.of("a-1.0.jar", "b-2.0.jar", "notes.txt"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertEquals("a", Files.readString(lib.resolve("a-1.0.jar")));
        assertEquals("b, version 2", Files.readString(lib.resolve("b-2.0.jar")));
        Files.writeString(b, "b, rebuilt");
        IncrementalCompile.copyIfChanged(List.of(a, b), lib);
        assertEquals("b, rebuilt", Files.readString(lib.resolve("b-2.0.jar")));
    }

    @Test
    @DisplayName("-Dstage must be a stage of stages.properties, or all, or absent; anything else stops the run with"
            + " the stages it could be, as pom.xml's stage-number rule says it")
    void stageNumber() throws IOException {
        Path list = root.resolve("tests/src/test/resources/grading/stages.properties");
        Files.createDirectories(list.getParent());
        Files.writeString(list, "1.title = One\n2.title = Two\n3.title = Three\n");
        for (String right : new String[] {null, "all", "1", "3"}) {
            IncrementalCompile.checkStage(root, right);
        }
        for (String wrong : new String[] {"4", "0", "03", "abc", "", " 2"}) {
            IllegalArgumentException refused = org.junit.jupiter.api.Assertions.assertThrows(
                    IllegalArgumentException.class, () -> IncrementalCompile.checkStage(root, wrong), wrong);
            assertEquals("-Dstage=" + wrong + " is not a stage of this kit: use -Dstage=N where N is 1, 2 or 3, the"
                    + " stage you are working on (stages 1..N are graded).", refused.getMessage());
        }
    }

    /** One Maven run: a new compiler that goes on from the state the last one saved. */
    private Javac.Result nextRun() {
        Javac javac = new Javac(root, sources, classes, "21", List.of());
        javac.load(state);
        Javac.Result result = javac.compile();
        javac.save(state);
        return result;
    }

    private String run() throws Exception {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null)) {
            return (String) loader.loadClass("p.B").getMethod("g").invoke(null);
        }
    }

    private void write(String file, String text) throws IOException {
        Path path = sources.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text);
    }
}
