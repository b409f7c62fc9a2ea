package org.byoaxon.tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The compile of a learner's grading run ({@code ./mvnw test}), in place of
 * maven-compiler-plugin's, which compiles every exercise file again when one changed.
 * It runs in Maven's JVM (exercises/pom.xml, exec:java) and compiles with {@link Javac}:
 * only the files that changed, unless what other files see of them (their shape)
 * changed, a file was deleted, the last compile failed or the class folder is not as the
 * last run left it; then everything. What a run leaves for the next one is in
 * {@code target/incremental-compile.state}; {@code ./mvnw clean} removes it with the
 * classes. The kit's full check and the reference keep maven-compiler-plugin's compile.
 *
 * <p>A compile error is reported as maven-compiler-plugin reports it (file, line and
 * column, the compiler's message), followed by the stage whose place marked TODO the line
 * is in, and fails the build.
 *
 * <p>It also keeps {@code exercises/target/lib} (the libraries jshell is given, README.adoc)
 * the same as maven-dependency-plugin's copy-dependencies would, copying a jar only when it
 * is missing or differs: loading that plugin for nothing took about a tenth of a learner's
 * run.
 *
 * <p>It takes no arguments (a {@code -Dexec.args} given for a program run in the same
 * command reaches every exec:java execution, this one too): the kit's top folder is where
 * this class was compiled to, {@code tools/target/classes}, and the tree is
 * {@code exercises}.
 */
public final class IncrementalCompile {
    private IncrementalCompile() {
    }

    public static void main(String[] args) throws URISyntaxException {
        Path toolClasses = Path.of(IncrementalCompile.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path root = toolClasses.toAbsolutePath().normalize().getParent().getParent().getParent();
        checkStage(root, System.getProperty("stage"));
        Path tree = root.resolve("exercises");
        Path state = tree.resolve("target/incremental-compile.state");
        List<Path> libraries = libraries();
        copyIfChanged(libraries, tree.resolve("target/lib"));
        Javac javac = new Javac(root, tree.resolve("src/main/java"), tree.resolve("target/classes"),
                WatchLoop.release(root), libraries);
        javac.load(state);
        Javac.Result result = javac.compile();
        javac.save(state);
        if (result.ok()) {
            return;
        }
        StringBuilder out = new StringBuilder("[ERROR] COMPILATION ERROR : \n");
        for (Javac.Problem problem : result.problems()) {
            String file = problem.file().isEmpty() ? "" : root.resolve(problem.file()).toString();
            out.append("[ERROR] ").append(file).append(":[").append(problem.line()).append(',')
                    .append(problem.column()).append("] ").append(problem.message()).append('\n');
            String place = CompileReport.place(root, problem);
            if (!place.isEmpty()) {
                out.append("[ERROR]   (").append(place.startsWith("stage") ? "in " + place : place).append(")\n");
            }
        }
        int count = result.problems().size();
        out.append("[INFO] ").append(count).append(count == 1 ? " error" : " errors").append('\n');
        System.out.print(out);
        System.out.flush();
        throw new IllegalStateException("Your code does not compile, so nothing was graded: fix the first error"
                + " above (the others often follow from it) and run the same command again.");
    }

    /**
     * A {@code -Dstage} given on the command line must name a stage of the kit, or be
     * {@code all}: checked here, before anything is compiled, with the message of the
     * stage-number profile in pom.xml, whose enforcer rule a learner's run so need not load.
     */
    static void checkStage(Path root, String stage) {
        if (stage == null || stage.equals("all")) {
            return;
        }
        TreeSet<Integer> stages = Stages.all(root);
        if (stage.matches("[1-9][0-9]*") && stages.contains(Integer.parseInt(stage))) {
            return;
        }
        String list = stages.headSet(stages.last()).stream().map(String::valueOf)
                .collect(java.util.stream.Collectors.joining(", ")) + " or " + stages.last();
        throw new IllegalArgumentException("-Dstage=" + stage + " is not a stage of this kit: use -Dstage=N where N is "
                + list + ", the stage you are working on (stages 1..N are graded).");
    }

    /**
     * Makes the folder hold these jars and no other: each copied when it is missing there or
     * differs in size or time, and jars that are no longer among them (an older version)
     * removed.
     */
    static void copyIfChanged(List<Path> jars, Path folder) {
        try {
            Files.createDirectories(folder);
            Set<Path> wanted = new HashSet<>();
            for (Path jar : jars) {
                Path copy = folder.resolve(jar.getFileName().toString());
                wanted.add(copy);
                if (!Files.isRegularFile(copy) || Files.size(copy) != Files.size(jar)
                        || !Files.getLastModifiedTime(copy).equals(Files.getLastModifiedTime(jar))) {
                    Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
            try (Stream<Path> present = Files.list(folder)) {
                for (Path old : present.filter(p -> p.getFileName().toString().endsWith(".jar")).toList()) {
                    if (!wanted.contains(old)) {
                        Files.delete(old);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not copy the libraries jshell uses to " + folder + " (" + e
                    + "): check that the folder can be written, or delete it, and run the same command again", e);
        }
    }

    /** The libraries exercises/ compiles against: the jars of the class path exec:java gave this class. */
    private static List<Path> libraries() {
        List<Path> jars = new ArrayList<>();
        if (IncrementalCompile.class.getClassLoader() instanceof URLClassLoader loader) {
            for (URL url : loader.getURLs()) {
                try {
                    Path entry = Path.of(url.toURI());
                    if (entry.toString().endsWith(".jar")) {
                        jars.add(entry);
                    }
                } catch (URISyntaxException | IllegalArgumentException e) {
                    // not a file: nothing to compile against
                }
            }
        }
        return jars;
    }
}
