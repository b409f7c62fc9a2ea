package kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jdk.jshell.tool.JavaShellToolBuilder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README and the stage 12 chapter tell learners to open jshell on their compiled
 * classes with {@code tools/jshell/axon.jsh}: this test runs the README's command (on the
 * reference), builds a pipeline, steps it by hand and looks at it; and it checks that no
 * name the playground imports with {@code *} means two things, on any JDK from 21 on.
 *
 * <p>Why that matters: a name imported by two {@code import p.*;} lines (or by one and
 * {@code java.lang}) is ambiguous, and jshell refuses the first line that uses it. JDK
 * 21's default startup ({@code --startup DEFAULT}) imports ten packages with {@code *},
 * among them {@code java.util.function} (with {@code Consumer}) and {@code java.util.stream}
 * (with {@code Collector}); JDK 25's imports the module {@code java.base} instead, which
 * any package import shadows. So the README's command leaves {@code DEFAULT} out and the
 * script imports what it needs; if the command ever uses {@code DEFAULT} again, JDK 21's
 * list below is checked too.
 */
@Tag("kit")
@DisplayName("Kit: the jshell playground script works as the handbook says, on every JDK from 21 on")
class JshellPlaygroundTest {
    private static final Path ROOT = Path.of(System.getProperty("kit.root", "..")).toAbsolutePath().normalize();

    /** What JDK 21's {@code DEFAULT} startup imports (jdk.jshell's DEFAULT.jsh of JDK 21 to 23). */
    static final List<String> JDK21_DEFAULT = List.of("java.io", "java.math", "java.net", "java.nio.file", "java.util",
            "java.util.concurrent", "java.util.function", "java.util.prefs", "java.util.regex", "java.util.stream");

    private static final Pattern COMMAND = Pattern.compile("(?m)^jshell (.+)$");
    private static final Pattern ON_DEMAND = Pattern.compile("(?m)^import ([\\w.]+)\\.\\*;");
    private static final Pattern SINGLE = Pattern.compile("(?m)^import ([\\w.]+)\\.([A-Z]\\w*);");

    @Test
    @DisplayName("the README's jshell command with tools/jshell/axon.jsh builds a pipeline, steps it with cycle(s),"
            + " and draws it")
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void playground(@TempDir Path folder) throws Exception {
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
        List<String> arguments = new ArrayList<>(readmeArguments());
        arguments.add("-q");
        JavaShellToolBuilder.builder()
                .in(new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)), null)
                .out(out).err(out)
                .persistence(new java.util.HashMap<>())
                .interactiveTerminal(false)
                .run(arguments.toArray(String[]::new));
        String transcript = printed.toString(StandardCharsets.UTF_8);
        assertTrue(transcript.contains("Axon playground"), "the script's greeting:\n" + transcript);
        assertTrue(!transcript.contains("Error:"), "jshell refused a line of the README's example:\n" + transcript);
        assertTrue(transcript.contains("Source#") && transcript.contains("(component, awake)"),
                "cycle(s) shows the snapshot's text:\n" + transcript);
        assertTrue(Files.readString(picture).startsWith("<svg"), "picture(s, file) writes an SVG:\n" + transcript);
        assertTrue(transcript.contains("live view of Scheduler#") && transcript.contains("/?token="),
                "view(s) opens a live view and prints its address:\n" + transcript);
    }

    @Test
    @DisplayName("every jshell command in the README and the handbook is the README's playground command")
    void oneCommandEverywhere() throws IOException {
        String readme = readmeCommand();
        List<String> differing = new ArrayList<>();
        try (Stream<Path> chapters = Files.list(ROOT.resolve("src-docs/src/docs/asciidoc"))) {
            for (Path chapter : chapters.filter(p -> p.toString().endsWith(".adoc")).sorted().toList()) {
                Matcher command = COMMAND.matcher(Files.readString(chapter));
                while (command.find()) {
                    if (!command.group(0).strip().equals(readme)) {
                        differing.add(ROOT.relativize(chapter) + ": " + command.group(0).strip());
                    }
                }
            }
        }
        assertEquals(List.of(), differing, "the handbook shows a jshell command other than the README's (" + readme
                + "): learners copy both, so they must be the same");
    }

    @Test
    @DisplayName("no name the playground imports with * means two things (kit classes, java.lang, and what the"
            + " startup imports), so no line a learner types is ambiguous on any JDK from 21 on")
    void noAmbiguousNames() throws Exception {
        Map<String, Set<String>> clashes = clashes(readmeArguments());
        assertEquals(Map.of(), clashes, "jshell would call these names ambiguous (name = the packages that each have"
                + " one, all imported with *): rename the kit's class, or import it by its full name in"
                + " tools/jshell/axon.jsh (import examples.components.Consumer; shadows the others)");
    }

    @Test
    @DisplayName("the ambiguity check catches a known clash: examples.components.Consumer under JDK 21's DEFAULT"
            + " startup")
    void ambiguityCheckBites(@TempDir Path folder) throws Exception {
        Path script = Files.writeString(folder.resolve("clash.jsh"), "import examples.components.*;\n");
        Map<String, Set<String>> clashes = clashes(List.of("--startup", "DEFAULT", "--startup", script.toString()));
        assertEquals(Set.of("examples.components", "java.util.function"), clashes.get("Consumer"),
                "all the clashes found: " + clashes);
    }

    /** The README's jshell command: the playground, started from the kit's top folder. */
    private static String readmeCommand() throws IOException {
        Matcher command = COMMAND.matcher(Files.readString(ROOT.resolve("README.adoc")));
        assertTrue(command.find(), "README.adoc shows no jshell command");
        return command.group(0).strip();
    }

    /** The README's jshell arguments, run on the graded classes from the kit's top folder. */
    private static List<String> readmeArguments() throws Exception {
        List<String> words = Arrays.asList(readmeCommand().split("\\s+"));
        Path classes = Path.of(axon.Scheduler.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> arguments = new ArrayList<>();
        for (int i = 1; i < words.size(); i++) {
            String word = words.get(i);
            String before = words.get(i - 1);
            if (before.equals("--class-path")) {
                assertEquals("\"exercises/target/classes:exercises/target/lib/*\"", word,
                        "the README's jshell command starts on the exercises and the libraries they use");
                arguments.add(classPath(classes));
            } else if (before.equals("--startup") && word.contains("/")) {
                arguments.add(ROOT.resolve(word).toString());
            } else {
                arguments.add(word);
            }
        }
        return arguments;
    }

    /**
     * The README's class path, the graded classes and {@code target/lib/*}, with the
     * wildcard expanded as the jshell command does (the in-process tool does not).
     */
    private static String classPath(Path classes) throws IOException {
        List<String> entries = new ArrayList<>(List.of(classes.toString()));
        try (Stream<Path> jars = Files.list(classes.getParent().resolve("lib"))) {
            jars.filter(jar -> jar.toString().endsWith(".jar")).sorted().forEach(jar -> entries.add(jar.toString()));
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    /** The simple names that two packages imported with {@code *} both have, to those packages. */
    private static Map<String, Set<String>> clashes(List<String> arguments) throws Exception {
        Set<String> onDemand = new TreeSet<>(Set.of("java.lang"));
        Set<String> byName = new TreeSet<>();
        boolean startup = false;
        for (int i = 0; i + 1 < arguments.size(); i++) {
            if (!arguments.get(i).equals("--startup")) {
                continue;
            }
            startup = true;
            String script = arguments.get(i + 1);
            if (script.equals("DEFAULT")) {
                onDemand.addAll(JDK21_DEFAULT);
            } else if (script.contains("/") || script.contains("\\")) {
                String text = Files.readString(Path.of(script));
                ON_DEMAND.matcher(text).results().forEach(m -> onDemand.add(m.group(1)));
                SINGLE.matcher(text).results().forEach(m -> byName.add(m.group(2)));
            }
        }
        if (!startup) {
            onDemand.addAll(JDK21_DEFAULT); // no --startup at all: jshell uses DEFAULT
        }
        Map<String, Set<String>> owners = new TreeMap<>();
        for (String pkg : onDemand) {
            for (String name : publicTypes(pkg)) {
                owners.computeIfAbsent(name, n -> new TreeSet<>()).add(pkg);
            }
        }
        owners.keySet().removeAll(byName);
        owners.values().removeIf(packages -> packages.size() < 2 || packages.stream().allMatch(p -> p.startsWith("java")));
        return owners;
    }

    /** The simple names of the public top-level types of a package, from the kit's classes or the running JDK. */
    private static Set<String> publicTypes(String pkg) throws Exception {
        if (pkg.startsWith("java.")) {
            var jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
            try (Stream<Path> modules = Files.list(jrt.getPath("/packages", pkg))) {
                String module = modules.findFirst().orElseThrow().getFileName().toString();
                return publicTypes(pkg, jrt.getPath("/modules", module, pkg.replace('.', '/')),
                        ClassLoader.getPlatformClassLoader());
            }
        }
        Path classes = Path.of(axon.Scheduler.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ClassLoader loader = JshellPlaygroundTest.class.getClassLoader();
        if (Files.isDirectory(classes)) {
            return publicTypes(pkg, classes.resolve(pkg.replace('.', '/')), loader);
        }
        try (var jar = FileSystems.newFileSystem(classes)) { // the kit check grades the reference's jar
            return publicTypes(pkg, jar.getPath("/", pkg.replace('.', '/')), loader);
        }
    }

    private static Set<String> publicTypes(String pkg, Path folder, ClassLoader loader) throws Exception {
        assertTrue(Files.isDirectory(folder), "the playground imports " + pkg + ".*, which the kit does not have");
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (!name.endsWith(".class") || name.contains("$") || name.contains("-")) {
                    continue;
                }
                String simple = name.substring(0, name.length() - ".class".length());
                if (Modifier.isPublic(Class.forName(pkg + "." + simple, false, loader).getModifiers())) {
                    names.add(simple);
                }
            }
        }
        return names;
    }
}
