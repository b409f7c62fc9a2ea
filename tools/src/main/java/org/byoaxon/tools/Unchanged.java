package org.byoaxon.tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * The test classes a grading run need not run again, because nothing they could have
 * seen has changed since the last run, in which they passed: their lines of
 * {@code results.tsv} are put back in their place, and the board is the one a full run
 * shows.
 *
 * <p>What a class could have seen, by its end:
 * <ul>
 *   <li>every class and resource the run's class loader was asked for while it and the
 *       classes before it ran (a class that ran earlier could have left something behind);
 *   <li>every class named in the class files of those, and of the test classes that ran,
 *       and so on (a class loaded while JUnit was discovering the tests is not asked for
 *       again when its code runs, but whatever runs it names it);
 *   <li>every file of the graded tree, once code that reads class files as files
 *       (javac through {@code javax.tools}, ArchUnit, ASM) may have run;
 *   <li>every file's name and every class's declarations, once JShell may have run: the
 *       interpreter's snippets are compiled against the whole tree, and a compiler reads
 *       of a class file all but its methods' code (the snippets' classes then load what
 *       they use through the run's class loader, which records it as above).
 * </ul>
 * The graded tree's files are hashed before each run; a class is kept when the hashes of
 * all it could have seen are the same. So a change inside a method's body, in a class
 * that stage 12's interpreter tests did not use, keeps their results; a new method does
 * not. Since each class could see all that ran before it,
 * the kept classes are the first ones of the run, and from the first class that must run
 * again on, all run.
 *
 * <p>Kept only: a class all of whose tests passed, of the JUnit Jupiter engine, in a run
 * of the same stage, scheduler and compiled tests, after a run whose results added up and
 * that left no loop running. What this cannot see: a class found by a name that code
 * builds at run time, when JUnit's discovery had loaded it already. And one thing differs
 * from a full run: a failure message of a class that runs again may name a component
 * with a smaller number ({@code Philosopher#12} for {@code Philosopher#2034}), since the
 * classes kept made none. {@code -Dkit.watch.rerun=all} runs every class every time.
 */
final class Unchanged {
    /** Names that only the JDK and the test libraries hold: the graded tree cannot stand in for them. */
    private static final List<String> OUTSIDE = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.",
            "org.junit.", "org.opentest4j.", "org.apiguardian.");
    /** Packages of code that reads class files as files: once it may have run, the whole tree could be seen. */
    private static final List<String> READS_CLASS_FILES = List.of("jdk.jshell", "javax.tools", "com.sun.source",
            "com.sun.tools", "com.tngtech.archunit", "org.objectweb.asm");
    /**
     * Of those, the ones that read only what a compiler reads of a class file: JShell, whose
     * compiler reads every class's declarations (names, types, signatures, annotations,
     * constants) but never a method's code, and whose snippets then load the classes they
     * use through the run's class loader, which records them. Code that may use another
     * package of the list (javac through {@code javax.tools}, ArchUnit, ASM) could read
     * method bodies too.
     */
    private static final List<String> READS_DECLARATIONS = List.of("jdk.jshell");
    /** What of the graded tree a class could see: what it used, every class's declarations too, or everything. */
    static final int USED = 0;
    static final int DECLARATIONS = 1;
    static final int EVERYTHING = 2;
    /**
     * Parts of those packages that only describe tests and read nothing: ArchUnit's test
     * sources ({@code FieldSource}), which the results recorder names to find a rule's hint.
     */
    private static final List<String> READS_NOTHING = List.of("com.tngtech.archunit.junit.engine_api");
    static final boolean OFF = System.getProperty("kit.watch.rerun", "").equals("all");

    /** One test class of the last run, in the order they ran: its results and what it depended on. */
    private record Ran(String className, boolean keepable, List<String> lines, Set<String> seen, int wholeTree,
            String digest) {
    }

    private String key;
    private List<Ran> last = List.of();
    private Map<String, String> hashesBefore = Map.of();
    private Path gradedFolder;
    private Path testsFolder;
    /** Whether a class file names code that reads class files, by the file's hash. */
    private final Map<String, ClassFile> scanned = new HashMap<>();
    /** The hash of a class file's declarations (all but its methods' code), by the hash of the whole file. */
    private final Map<String, String> declarations = new HashMap<>();

    /**
     * A class loader that notes every class and resource it is asked for, and after a mark,
     * separately, every one asked for since, also those asked for before it: the JVM asks a
     * loader only once for each name it resolves through that loader, but a new loader under
     * it (JShell's for its snippets' classes) asks it again for each name its classes use.
     */
    static final class Recording extends URLClassLoader {
        static {
            registerAsParallelCapable();
        }

        private final Set<String> asked = ConcurrentHashMap.newKeySet();
        private volatile Set<String> since;

        Recording(String name, URL[] urls, ClassLoader parent) {
            super(name, urls, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            note(name);
            return super.loadClass(name, resolve);
        }

        @Override
        public URL getResource(String name) {
            note("/" + name);
            return super.getResource(name);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            note("/" + name);
            return super.getResources(name);
        }

        private void note(String name) {
            asked.add(name);
            Set<String> marked = since;
            if (marked != null) {
                marked.add(name);
            }
        }

        Set<String> asked() {
            return new HashSet<>(asked);
        }

        /** From now on, notes separately what is asked for. */
        void mark() {
            since = ConcurrentHashMap.newKeySet();
        }

        /** What was asked for since the mark (everything, without one). */
        Set<String> requested() {
            Set<String> marked = since;
            return new HashSet<>(marked == null ? asked : marked);
        }
    }

    /** What one run plans: the classes kept, and what it needs to record the next. */
    final class Plan implements TestExecutionListener {
        private final Map<String, String> tree;
        private final Path graded;
        private final Path tests;
        private final String runKey;
        private final List<Ran> kept;
        private final Recording loader;
        private TestPlan plan;
        private final Map<String, Integer> counts = new LinkedHashMap<>();
        private final Map<String, Boolean> allPassed = new HashMap<>();
        private final Map<String, Set<String>> requestedAtEnd = new HashMap<>();
        private final Map<String, String> engineOf = new HashMap<>();

        private final Set<String> ranClasses = new HashSet<>();
        private final Map<String, Set<String>> ranAtEnd = new HashMap<>();
        private final Map<String, ClassFile> files = new HashMap<>();
        /** The classes that may have run so far in this run, and the classes they name. */
        private final Set<String> reached = new HashSet<>();
        private int readsClassFiles = USED;

        private Plan(Map<String, String> tree, String runKey, List<Ran> kept, Recording loader) {
            this.tree = tree;
            this.graded = gradedFolder;
            this.tests = testsFolder;
            this.runKey = runKey;
            this.kept = kept;
            this.loader = loader;
        }

        /** The names of the test classes this run need not run. */
        Set<String> skipped() {
            Set<String> names = new HashSet<>();
            kept.forEach(ran -> names.add(ran.className()));
            return names;
        }

        @Override
        public void testPlanExecutionStarted(TestPlan testPlan) {
            plan = testPlan;
            loader.mark();   // what was found while discovering was loaded, but none of its code ran
        }

        @Override
        public void executionStarted(TestIdentifier test) {
            String top = topClass(test);
            if (top != null) {
                counts.putIfAbsent(top, 0);
            }
            test.getSource().filter(ClassSource.class::isInstance)
                    .ifPresent(source -> ranClasses.add(((ClassSource) source).getClassName()));
        }

        @Override
        public void executionSkipped(TestIdentifier test, String reason) {
            String top = topClass(test);
            if (top != null) {
                counts.putIfAbsent(top, 0);
            }
            if (test.isTest()) {
                count(test, false);
            } else {
                plan.getChildren(test).forEach(child -> executionSkipped(child, reason));
            }
        }

        @Override
        public void executionFinished(TestIdentifier test, TestExecutionResult result) {
            if (test.isTest()) {
                count(test, result.getStatus() == TestExecutionResult.Status.SUCCESSFUL);
                return;
            }
            String top = topClass(test);
            if (top != null && top.equals(test.getUniqueId())) {
                requestedAtEnd.put(top, loader.requested());
                ranAtEnd.put(top, Set.copyOf(ranClasses));
                if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                    allPassed.put(top, false);
                }
            }
        }

        /** As the results recorder does: a test counts when it is graded (its class's tag, on tests and contract rules). */
        private void count(TestIdentifier test, boolean passed) {
            String top = topClass(test);
            if (top == null || !hasStage(test)) {
                return;
            }
            counts.merge(top, 1, Integer::sum);
            allPassed.merge(top, passed, Boolean::logicalAnd);
        }

        private boolean hasStage(TestIdentifier test) {
            for (TestIdentifier t = test; t != null; t = plan.getParent(t).orElse(null)) {
                for (TestTag tag : t.getTags()) {
                    if (tag.getName().equals("graded")) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** The unique id of the class under the engine that holds this test. */
        private String topClass(TestIdentifier test) {
            TestIdentifier t = test;
            while (true) {
                TestIdentifier parent = plan.getParent(t).orElse(null);
                if (parent == null) {
                    return null;
                }
                if (plan.getParent(parent).isEmpty()) {
                    engineOf.put(t.getUniqueId(), parent.getUniqueId());
                    return t.getUniqueId();
                }
                t = parent;
            }
        }

        /**
         * Adds to {@link #reached} the classes whose code may have run by the end of a class,
         * and what they name, and so on: a class that ran may use any class it names, as a
         * reference or as a string. What ran: the test classes that started, and the classes
         * asked for after discovery (a class found while discovering was loaded, but that
         * alone runs none of its code; if its code runs, a class that ran names it). Returns
         * how much of the tree they could read as files: {@link #USED} when none of them
         * names code that reads class files, {@link #DECLARATIONS} when only JShell,
         * {@link #EVERYTHING} otherwise. A class found while discovering and asked for again
         * afterwards counts as run: a JShell snippet's class, which no file here holds, asks
         * the run's loader (through its own) for each class it names.
         */
        private int reach(Set<String> requested, Set<String> ranClasses) {
            java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>(ranClasses);
            todo.addAll(requested);
            while (!todo.isEmpty()) {
                String name = todo.poll();
                if (name.startsWith("/") || !reached.add(name)) {
                    continue;
                }
                boolean harmless = READS_NOTHING.stream().anyMatch(p -> name.startsWith(p + "."));
                for (String prefix : READS_CLASS_FILES) {
                    if (name.startsWith(prefix + ".") && !harmless) {
                        reads(READS_DECLARATIONS.contains(prefix) ? DECLARATIONS : EVERYTHING, name);
                    }
                }
                ClassFile file = classFile(name);
                reads(file.readsClassFiles(), name);
                for (String named : file.names()) {
                    todo.add(named.replace('/', '.'));
                    if (named.startsWith("L")) {
                        todo.add(named.substring(1).replace('/', '.'));   // in a descriptor: Laxon/Box;
                    }
                }
            }
            return readsClassFiles;
        }

        private void reads(int level, String name) {
            if (level > readsClassFiles) {
                profile("reads " + (level == DECLARATIONS ? "the declarations in " : "") + "class files: " + name);
                readsClassFiles = level;
            }
        }

        private ClassFile classFile(String name) {
            return files.computeIfAbsent(name, n -> {
                String path = n.replace('.', '/') + ".class";
                Path file = tree.containsKey(path) ? graded.resolve(path) : tests.resolve(path);
                return Files.isRegularFile(file) ? read(file) : NONE;
            });
        }

        private String className(String uniqueId) {
            return plan.getTestIdentifier(uniqueId).getSource().filter(ClassSource.class::isInstance)
                    .map(s -> ((ClassSource) s).getClassName()).orElse(null);
        }

        /**
         * The results of this run, with the kept classes' lines put back in their place;
         * remembers what the next run may keep (unless told to {@link #forget()}). Null
         * when the lines do not add up: then nothing is kept next time.
         */
        List<String> finish(List<String> written) {
            List<Ran> ran = new ArrayList<>(kept);
            Set<String> before = kept.isEmpty() ? Set.of() : kept.getLast().seen();
            int wholeBefore = kept.isEmpty() ? USED : kept.getLast().wholeTree();
            List<String> merged = new ArrayList<>();
            kept.forEach(k -> merged.addAll(k.lines()));
            int at = 0;
            for (var entry : counts.entrySet()) {
                String id = entry.getKey();
                int n = entry.getValue();
                if (at + n > written.size()) {
                    forget();
                    return null;
                }
                List<String> lines = List.copyOf(written.subList(at, at + n));
                at += n;
                merged.addAll(lines);
                Set<String> requested = requestedAtEnd.getOrDefault(id, loader.requested());
                int whole = Math.max(reach(requested, ranAtEnd.getOrDefault(id, ranClasses)), wholeBefore);
                Set<String> seen = new HashSet<>(before);
                seen.addAll(reached);
                seen.addAll(requested);
                String name = className(id);
                boolean jupiter = engineOf.getOrDefault(id, "").contains("junit-jupiter");
                boolean keepable = name != null && jupiter && allPassed.getOrDefault(id, false)
                        && lines.stream().allMatch(line -> line.split("\t", 3)[1].equals("PASSED"));
                Set<String> mine = within(seen);
                ran.add(new Ran(name, keepable, lines, mine, whole, digest(tree, mine, whole, graded)));
            }
            if (at != written.size()) {
                forget();
                return null;
            }
            key = runKey;
            last = ran;
            hashesBefore = tree;
            return merged;
        }
    }

    /**
     * Plans a run: the first classes of the last run that passed and whose inputs did not
     * change are kept; the loader records what the others ask for.
     */
    Plan plan(Path graded, Path tests, String runKey, Recording loader) {
        gradedFolder = graded;
        testsFolder = tests;
        Map<String, String> tree = hashes(graded);
        List<Ran> kept = new ArrayList<>();
        if (!OFF && runKey.equals(key)) {
            for (Ran ran : last) {
                if (!ran.keepable() || !ran.digest().equals(digest(tree, ran.seen(), ran.wholeTree(), graded))) {
                    profile("runs again from " + ran.className() + (ran.keepable() ? ", which could see "
                            + seen(ran, tree) : ", which did not pass"));
                    break;
                }
                kept.add(ran);
            }
        }
        return new Plan(tree, runKey, kept, loader);
    }

    /** What a class that runs again could see that changed, for the profile. */
    private String seen(Ran ran, Map<String, String> tree) {
        Set<String> changed = changed(tree, ran.seen());
        return switch (ran.wholeTree()) {
            case EVERYTHING -> "every class";
            case DECLARATIONS -> changed.isEmpty() ? "the declarations of every class" : changed
                    + " (and the declarations of every class)";
            default -> changed.toString();
        };
    }

    /** The first few names of these whose files differ now. */
    private Set<String> changed(Map<String, String> tree, Set<String> names) {
        Set<String> changed = new TreeSet<>();
        for (String name : names) {
            String path = name.startsWith("/") ? name.substring(1) : name.replace('.', '/') + ".class";
            if (!tree.getOrDefault(path, "-").equals(hashesBefore.getOrDefault(path, "-")) && changed.size() < 5) {
                changed.add(name);
            }
        }
        return changed;
    }

    /** After a run that could not be checked: the next one runs every class. */
    void forget() {
        key = null;
        last = List.of();
        hashesBefore = Map.of();
    }

    /**
     * What a class file names: other classes (a/b/C in its constants), and how much of the
     * tree the code it names could read as files ({@link #USED}: none).
     */
    private record ClassFile(Set<String> names, int readsClassFiles) {
    }

    private static final ClassFile NONE = new ClassFile(Set.of(), USED);
    /** A class's name as the class file holds it (a/b/C). */
    private static final java.util.regex.Pattern INTERNAL_NAME =
            java.util.regex.Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*(?:/[A-Za-z_$][A-Za-z0-9_$]*)+");

    /** Reads a class file once for each content it has had. */
    private ClassFile read(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            String key = file + "@" + java.util.HexFormat.of().formatHex(sha256().digest(bytes));
            return scanned.computeIfAbsent(key, k -> {
                String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
                String named = text;
                for (String prefix : READS_NOTHING) {
                    named = named.replace(prefix + ".", "").replace(prefix.replace('.', '/') + "/", "");
                }
                int reads = USED;
                for (String prefix : READS_CLASS_FILES) {
                    if (named.contains(prefix + ".") || named.contains(prefix.replace('.', '/') + "/")) {
                        reads = Math.max(reads, READS_DECLARATIONS.contains(prefix) ? DECLARATIONS : EVERYTHING);
                    }
                }
                Set<String> names = new HashSet<>();
                java.util.regex.Matcher m = INTERNAL_NAME.matcher(text);
                while (m.find()) {
                    names.add(m.group());
                }
                return new ClassFile(names, reads);
            });
        } catch (IOException e) {
            return new ClassFile(Set.of(), EVERYTHING);   // cannot tell: assume the worst
        }
    }

    private static void profile(String note) {
        if (Boolean.getBoolean("kit.watch.profile")) {
            System.err.println("kit.watch.profile " + note);
        }
    }

    /** The names that the graded tree or the tests could hold. */
    private static Set<String> within(Set<String> seen) {
        Set<String> mine = new TreeSet<>();
        outer:
        for (String name : seen) {
            for (String prefix : OUTSIDE) {
                if (name.startsWith(prefix)) {
                    continue outer;
                }
            }
            mine.add(name);
        }
        return mine;
    }

    /**
     * One digest of the files behind these names, and of what else of the tree could be
     * seen: nothing more ({@link #USED}), every file's name and every class's declarations
     * ({@link #DECLARATIONS}), or every file whole ({@link #EVERYTHING}).
     */
    private String digest(Map<String, String> tree, Set<String> names, int wholeTree, Path graded) {
        MessageDigest sha = sha256();
        if (wholeTree == EVERYTHING) {
            tree.forEach((path, hash) -> sha.update((path + "=" + hash + "\n").getBytes()));
        } else {
            for (String name : names) {
                String path = name.startsWith("/") ? name.substring(1) : name.replace('.', '/') + ".class";
                sha.update((path + "=" + tree.getOrDefault(path, "-") + "\n").getBytes());
            }
            if (wholeTree == DECLARATIONS) {
                tree.forEach((path, hash) -> sha.update(("declared " + path + "="
                        + (path.endsWith(".class") ? declarations(graded.resolve(path), hash) : hash) + "\n").getBytes()));
            }
        }
        return java.util.HexFormat.of().formatHex(sha.digest());
    }

    /**
     * A hash of what a compiler reads of a class file: the class file rebuilt without its
     * methods' code (ASM skips the Code attributes, which hold the line numbers too, and
     * rebuilds the constant pool from what is left), so that a change inside a method's
     * body leaves it as it was; and of the two things javac still reads inside the code
     * (JShell compiles with {@code -parameters}): the parameters' names, which the local
     * variable table holds at offset 0, and type annotations. Unreadable: the hash of the
     * whole file.
     */
    String declarations(Path file, String wholeHash) {
        return declarations.computeIfAbsent(file + "@" + wholeHash, k -> {
            try {
                byte[] bytes = Files.readAllBytes(file);
                org.objectweb.asm.ClassWriter writer = new org.objectweb.asm.ClassWriter(0);
                new org.objectweb.asm.ClassReader(bytes).accept(writer, org.objectweb.asm.ClassReader.SKIP_CODE);
                MessageDigest sha = sha256();
                sha.update(writer.toByteArray());
                sha.update(readInCode(bytes).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                return java.util.HexFormat.of().formatHex(sha.digest());
            } catch (IOException | RuntimeException e) {
                return wholeHash;
            }
        });
    }

    /** The parameters' names and the type annotations in a class file's code, as text. */
    private static String readInCode(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        int api = org.objectweb.asm.Opcodes.ASM9;
        org.objectweb.asm.AnnotationVisitor values = new org.objectweb.asm.AnnotationVisitor(api) {
            @Override
            public void visit(String name, Object value) {
                text.append(' ').append(name).append('=').append(value != null && value.getClass().isArray()
                        ? java.util.Arrays.deepToString(new Object[] {value}) : value);
            }

            @Override
            public void visitEnum(String name, String descriptor, String value) {
                text.append(' ').append(name).append('=').append(descriptor).append('.').append(value);
            }

            @Override
            public org.objectweb.asm.AnnotationVisitor visitAnnotation(String name, String descriptor) {
                text.append(' ').append(name).append("=@").append(descriptor).append('(');
                return this;
            }

            @Override
            public org.objectweb.asm.AnnotationVisitor visitArray(String name) {
                text.append(' ').append(name).append("=[");
                return this;
            }

            @Override
            public void visitEnd() {
                text.append(')');
            }
        };
        // The code goes on to a writer that is thrown away: writing it places the labels, so
        // that a local variable's start can be told to be at offset 0.
        new org.objectweb.asm.ClassReader(bytes).accept(new org.objectweb.asm.ClassVisitor(api,
                new org.objectweb.asm.ClassWriter(0)) {
            @Override
            public org.objectweb.asm.MethodVisitor visitMethod(int access, String name, String descriptor,
                    String signature, String[] exceptions) {
                text.append("\n").append(name).append(descriptor);
                return new org.objectweb.asm.MethodVisitor(api,
                        super.visitMethod(access, name, descriptor, signature, exceptions)) {
                    @Override
                    public void visitLocalVariable(String local, String type, String generic,
                            org.objectweb.asm.Label start, org.objectweb.asm.Label end, int index) {
                        if (start.getOffset() == 0) {
                            text.append(" p").append(index).append('=').append(local);
                        }
                        super.visitLocalVariable(local, type, generic, start, end, index);
                    }

                    @Override
                    public org.objectweb.asm.AnnotationVisitor visitInsnAnnotation(int typeRef,
                            org.objectweb.asm.TypePath path, String annotation, boolean visible) {
                        return typeAnnotation("i", typeRef, path, annotation);
                    }

                    @Override
                    public org.objectweb.asm.AnnotationVisitor visitTryCatchAnnotation(int typeRef,
                            org.objectweb.asm.TypePath path, String annotation, boolean visible) {
                        return typeAnnotation("t", typeRef, path, annotation);
                    }

                    @Override
                    public org.objectweb.asm.AnnotationVisitor visitLocalVariableAnnotation(int typeRef,
                            org.objectweb.asm.TypePath path, org.objectweb.asm.Label[] start,
                            org.objectweb.asm.Label[] end, int[] index, String annotation, boolean visible) {
                        return typeAnnotation("l" + java.util.Arrays.toString(index), typeRef, path, annotation);
                    }

                    private org.objectweb.asm.AnnotationVisitor typeAnnotation(String where, int typeRef,
                            org.objectweb.asm.TypePath path, String annotation) {
                        text.append(' ').append(where).append(typeRef).append(path).append('@').append(annotation)
                                .append('(');
                        return values;
                    }
                };
            }
        }, org.objectweb.asm.ClassReader.SKIP_FRAMES);
        return text.toString();
    }

    /** Every file under the folder, by its path relative to it, with a hash of its bytes. */
    static Map<String, String> hashes(Path folder) {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                MessageDigest sha = sha256();
                files.put(folder.relativize(p).toString().replace('\\', '/'),
                        java.util.HexFormat.of().formatHex(sha.digest(Files.readAllBytes(p))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
