package org.byoaxon.tools;

import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Compiles a source tree into a class folder, recompiling only what changed: the JDK's
 * compiler, kept warm in this JVM, as the watch loop needs it.
 *
 * <p>A changed file is compiled alone, against the classes of the others. That is the
 * same as compiling everything as long as what other files can see of it stays the
 * same; so after each compile the visible shape of its types (non-private members,
 * their types, constant values, supertypes) is compared with the last one, and when
 * it differs, or a file was deleted, or the last compile failed, everything is
 * compiled again. The class files a source produced the last time are deleted before
 * it is compiled again, so nothing stale (an anonymous class that is gone) stays.
 */
final class Javac {
    /** What a compile found wrong: a file (relative to the kit), a line and the compiler's message. */
    record Problem(String file, long line, String message, long column) {
        Problem(String file, long line, String message) {
            this(file, line, message, 0);
        }
    }

    /** What a compile did. */
    record Result(List<Problem> problems, int compiled, boolean full) {
        boolean ok() {
            return problems.isEmpty();
        }
    }

    private final JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    private final Path root;
    private final Path sources;
    private final Path classes;
    private final List<String> options;
    private final List<Path> libraries;
    private final StandardJavaFileManager files;

    /** What each source (by path) looked like when it was last compiled: a digest of its text. */
    private final Map<Path, String> compiledText = new HashMap<>();
    /** The class files each source produced. */
    private final Map<Path, Set<Path>> outputs = new HashMap<>();
    /** The visible shape of each source's types. */
    private final Map<Path, String> shapes = new HashMap<>();
    private boolean lastFailed = true;

    /**
     * @param root    the kit's top folder (file names in problems are relative to it)
     * @param sources the source folder to compile
     * @param classes the class folder to write; emptied by the first compile
     * @param release the Java release to compile for, as the build does
     */
    Javac(Path root, Path sources, Path classes, String release) {
        this(root, sources, classes, release, libraries(System.getProperty("java.class.path")));
    }

    /**
     * @param libraries the libraries to compile against, after the class folder
     */
    Javac(Path root, Path sources, Path classes, String release, List<Path> libraries) {
        if (compiler == null) {
            throw new IllegalStateException("this Java has no compiler (javax.tools): run the kit with a JDK, not a JRE");
        }
        this.root = root;
        this.sources = sources;
        this.classes = classes;
        // The same as the build's javac (which writes package-info.class always), but without the lint that -q hides anyway.
        this.options = List.of("--release", release, "-g", "-encoding", "UTF-8", "-proc:none", "-implicit:none", "-Xpkginfo:always",
                "-Xmaxerrs", "20");
        this.files = compiler.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);
        this.libraries = List.copyOf(libraries);
    }

    /** The entries of a class path such as java.class.path. */
    static List<Path> libraries(String classPath) {
        List<Path> path = new ArrayList<>();
        for (String entry : classPath.split(java.io.File.pathSeparator)) {
            if (!entry.isBlank()) {
                path.add(Path.of(entry));
            }
        }
        return path;
    }

    /**
     * The class path to compile against: the classes compiled so far, then the libraries
     * exercises/ uses (by default this JVM's class path, where tools/pom.xml lists them).
     */
    private List<Path> classPath() {
        List<Path> path = new ArrayList<>(List.of(classes));
        path.addAll(libraries);
        return path;
    }

    /** Compiles what changed since the last call (everything, the first time). */
    Result compile() {
        Map<Path, String> now = readSources();
        Set<Path> changed = new HashSet<>();
        for (var entry : now.entrySet()) {
            if (!entry.getValue().equals(compiledText.get(entry.getKey()))) {
                changed.add(entry.getKey());
            }
        }
        boolean deleted = compiledText.keySet().stream().anyMatch(p -> !now.containsKey(p));
        if (changed.isEmpty() && !deleted && !lastFailed) {
            return new Result(List.of(), 0, false);
        }
        if (lastFailed || deleted) {
            return full(now);
        }
        Map<Path, String> before = new HashMap<>(shapes);
        Result result = run(now, changed);
        if (!result.ok()) {
            return result;
        }
        for (Path source : changed) {
            if (before.containsKey(source) && !before.get(source).equals(shapes.get(source))) {
                return full(now);   // what other files see of it changed: they must be compiled again
            }
        }
        return result;
    }

    /** Compiles every source into an emptied class folder. */
    Result full() {
        return full(readSources());
    }

    private Result full(Map<Path, String> now) {
        deleteTree(classes);
        outputs.clear();
        shapes.clear();
        compiledText.clear();
        Result result = run(now, now.keySet());
        return new Result(result.problems(), result.compiled(), true);
    }

    private Result run(Map<Path, String> now, Set<Path> toCompile) {
        for (Path source : toCompile) {
            for (Path old : outputs.getOrDefault(source, Set.of())) {
                try {
                    Files.deleteIfExists(old);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            outputs.remove(source);
        }
        try {
            Files.createDirectories(classes);
            files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(classes));
            files.setLocationFromPaths(StandardLocation.CLASS_PATH, classPath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Path> sorted = toCompile.stream().sorted().toList();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Map<Path, Set<Path>> written = new HashMap<>();
        Map<Path, StringBuilder> newShapes = new HashMap<>();
        var recording = new ForwardingJavaFileManager<>(files) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                    FileObject sibling) throws IOException {
                JavaFileObject out = super.getJavaFileForOutput(location, className, kind, sibling);
                if (sibling != null) {
                    written.computeIfAbsent(Path.of(sibling.toUri()), k -> new HashSet<>()).add(Path.of(out.toUri()));
                }
                return out;
            }
        };
        JavacTask task = (JavacTask) compiler.getTask(null, recording, diagnostics, options, null,
                files.getJavaFileObjectsFromPaths(sorted));
        task.addTaskListener(new TaskListener() {
            @Override
            public void finished(TaskEvent event) {
                if (event.getKind() == TaskEvent.Kind.ANALYZE && event.getTypeElement() != null) {
                    URI uri = event.getSourceFile().toUri();
                    newShapes.computeIfAbsent(Path.of(uri), k -> new StringBuilder())
                            .append(shape(event.getTypeElement()));
                }
            }
        });
        boolean ok = task.call();
        try {
            files.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Problem> problems = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                String file = d.getSource() == null ? "" : relative(Path.of(d.getSource().toUri()));
                problems.add(new Problem(file, d.getLineNumber(), d.getMessage(Locale.ROOT), d.getColumnNumber()));
            }
        }
        if (!ok && problems.isEmpty()) {
            problems.add(new Problem("", 0, "the compiler failed without saying why"));
        }
        lastFailed = !ok;
        if (ok) {
            for (Path source : toCompile) {
                compiledText.put(source, now.get(source));
                outputs.put(source, written.getOrDefault(source, Set.of()));
                shapes.put(source, newShapes.getOrDefault(source, new StringBuilder()).toString());
            }
        }
        return new Result(problems, sorted.size(), false);
    }

    /**
     * Writes down what the last compile left, so that a compiler in another JVM (the next
     * Maven run) can go on from it with {@link #load}: each source's digest, shape and class
     * files, and a fingerprint of the class folder. After a failed compile it removes the
     * file instead, so that the next one compiles everything.
     */
    void save(Path state) {
        try {
            if (lastFailed) {
                Files.deleteIfExists(state);
                return;
            }
            StringBuilder out = new StringBuilder(STATE_HEADER).append('\n');
            out.append(fingerprint(classes)).append('\n');
            for (Path source : new java.util.TreeSet<>(compiledText.keySet())) {
                out.append(encode(source.toString())).append(' ').append(compiledText.get(source)).append(' ')
                        .append(encode(shapes.getOrDefault(source, "")));
                for (Path output : outputs.getOrDefault(source, Set.of())) {
                    out.append(' ').append(encode(output.toString()));
                }
                out.append('\n');
            }
            Files.createDirectories(state.toAbsolutePath().getParent());
            Path temporary = state.resolveSibling(state.getFileName() + ".new");
            Files.writeString(temporary, out);
            Files.move(temporary, state, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Goes on from what {@link #save} wrote. When there is nothing to go on from (no file,
     * another format), or the class folder is not as that compile left it (cleaned, or
     * written by another compiler since), the next compile compiles everything.
     */
    void load(Path state) {
        compiledText.clear();
        outputs.clear();
        shapes.clear();
        lastFailed = true;
        List<String> lines;
        try {
            lines = Files.exists(state) ? Files.readAllLines(state) : List.of();
        } catch (IOException e) {
            return;
        }
        if (lines.size() < 2 || !lines.get(0).equals(STATE_HEADER) || !lines.get(1).equals(fingerprint(classes))) {
            return;
        }
        try {
            for (String line : lines.subList(2, lines.size())) {
                String[] fields = line.split(" ", -1);
                Path source = Path.of(decode(fields[0]));
                compiledText.put(source, fields[1]);
                shapes.put(source, decode(fields[2]));
                Set<Path> written = new HashSet<>();
                for (int i = 3; i < fields.length; i++) {
                    written.add(Path.of(decode(fields[i])));
                }
                outputs.put(source, written);
            }
        } catch (RuntimeException e) {
            compiledText.clear();
            outputs.clear();
            shapes.clear();
            return;
        }
        lastFailed = false;
    }

    private static final String STATE_HEADER = "byoaxon-javac-state 1";

    /** Every file of a folder with its size and time of change, as one digest. */
    private static String fingerprint(Path folder) {
        if (!Files.isDirectory(folder)) {
            return "none";
        }
        StringBuilder all = new StringBuilder();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                all.append(folder.relativize(p)).append(' ').append(Files.size(p)).append(' ')
                        .append(Files.getLastModifiedTime(p).toMillis()).append('\n');
            }
        } catch (IOException e) {
            return "unreadable";
        }
        return digest(all.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String digest(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String text) {
        return java.util.Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String text) {
        return new String(java.util.Base64.getDecoder().decode(text), StandardCharsets.UTF_8);
    }

    /** What other classes can see of a type: everything but its private members and code. */
    private static String shape(TypeElement type) {
        StringBuilder out = new StringBuilder();
        out.append(type.getKind()).append(' ').append(type.getModifiers()).append(' ').append(type.getQualifiedName())
                .append(type.getTypeParameters()).append(" extends ").append(type.getSuperclass())
                .append(" implements ").append(type.getInterfaces()).append(" permits ")
                .append(type.getPermittedSubclasses()).append('\n');
        List<? extends Element> members = type.getEnclosedElements().stream()
                .sorted(Comparator.comparing(Element::toString)).toList();
        for (Element member : members) {
            if (member.getModifiers().contains(Modifier.PRIVATE) && member.getKind() != ElementKind.RECORD_COMPONENT) {
                continue;
            }
            if (member instanceof TypeElement nested) {
                out.append(shape(nested));
            } else if (member instanceof ExecutableElement method) {
                out.append("  ").append(method.getModifiers()).append(' ').append(method.getTypeParameters())
                        .append(method.getReturnType()).append(' ').append(method).append(" throws ")
                        .append(method.getThrownTypes()).append(method.isDefault() ? " default" : "").append('\n');
            } else if (member instanceof VariableElement field) {
                out.append("  ").append(field.getKind()).append(' ').append(field.getModifiers()).append(' ')
                        .append(field.asType()).append(' ').append(field.getSimpleName()).append(" = ")
                        .append(field.getConstantValue()).append('\n');
            } else {
                out.append("  ").append(member.getKind()).append(' ').append(member).append('\n');
            }
        }
        return out.toString();
    }

    /** Every .java file under the source folder, with a digest of its text. */
    private Map<Path, String> readSources() {
        Map<Path, String> texts = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(sources)) {
            for (Path p : walk.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p))
                    .collect(Collectors.toList())) {
                try {
                    texts.put(p.toAbsolutePath().normalize(), digest(Files.readAllBytes(p)));
                } catch (IOException e) {
                    // being saved or deleted right now: the next look sees it
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }

    private String relative(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.startsWith(root) ? root.relativize(absolute).toString().replace('\\', '/') : absolute.toString();
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
