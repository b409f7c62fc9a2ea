package kit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jdk.jshell.tool.JavaShellToolBuilder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README and the stage 12 chapter tell learners to open jshell on their compiled
 * classes with {@code tools/jshell/axon.jsh}: this test does what they say (on the
 * reference), builds a pipeline, steps it by hand and looks at it.
 */
@Tag("kit")
@DisplayName("Kit: the jshell playground script works as the handbook says")
class JshellPlaygroundTest {
    private static final Path ROOT = Path.of(System.getProperty("kit.root", "..")).toAbsolutePath().normalize();

    @Test
    @DisplayName("jshell with tools/jshell/axon.jsh builds a pipeline, steps it with cycle(s), and draws it")
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void playground(@TempDir Path folder) throws Exception {
        Path classes = Path.of(axon.Scheduler.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path picture = folder.resolve("s.svg");
        String typed = String.join("\n",
                "var s = new Scheduler();",
                "var p = new Pipeline(new Source(List.of(\"a\", \"b\", \"c\")), new Recorder());",
                "p.activate(s);",
                "cycle(s);",
                "cycle(s);",
                "picture(s, \"" + picture.toString().replace("\\", "\\\\") + "\");",
                "view(s);",
                "/exit", "");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        JavaShellToolBuilder.builder()
                .in(new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)), null)
                .out(out).err(out)
                .persistence(new java.util.HashMap<>())
                .interactiveTerminal(false)
                .run("--class-path", classPath(classes), "--startup", "DEFAULT",
                        "--startup", ROOT.resolve("tools/jshell/axon.jsh").toString(), "-q");
        String transcript = printed.toString(StandardCharsets.UTF_8);
        assertTrue(transcript.contains("Axon playground"), "the script's greeting:\n" + transcript);
        assertTrue(transcript.contains("Source#") && transcript.contains("(component, awake)"),
                "cycle(s) shows the snapshot's text:\n" + transcript);
        assertTrue(Files.readString(picture).startsWith("<svg"), "picture(s, file) writes an SVG:\n" + transcript);
        assertTrue(transcript.contains("live view of Scheduler#") && transcript.contains("/?token="),
                "view(s) opens a live view and prints its address:\n" + transcript);
    }

    /**
     * The README's class path, {@code target/classes} and {@code target/lib/*}, with the
     * wildcard expanded as the jshell command does (the in-process tool does not).
     */
    private static String classPath(Path classes) throws java.io.IOException {
        List<String> entries = new java.util.ArrayList<>(List.of(classes.toString()));
        try (var jars = Files.list(classes.getParent().resolve("lib"))) {
            jars.filter(jar -> jar.toString().endsWith(".jar")).sorted().forEach(jar -> entries.add(jar.toString()));
        }
        return String.join(File.pathSeparator, entries);
    }
}
