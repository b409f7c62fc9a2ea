package org.byoaxon.tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The kit's own commands, run through Maven (see README.adoc):
 * <ul>
 *   <li>{@code generate ROOT}: write exercises/ from solutions/ (maintainers);</li>
 *   <li>{@code check ROOT}: fail if the committed exercises/ differ from a fresh generation;</li>
 *   <li>{@code catch-up ROOT N}: give a learner the reference code of stages 1..N-1, keeping
 *       their own work in later stages and backing up every file it changes;</li>
 *   <li>{@code reset ROOT N}: put stage N's places back as they were at the start, keeping
 *       everything else and backing up every file it changes;</li>
 *   <li>{@code hint ROOT [N]}: show stage N's next hint, gentlest first (without N, or
 *       with "all": for the first unfinished stage);</li>
 *   <li>{@code watch ROOT [N]}: grade stages 1..N again whenever a file under exercises/ is
 *       saved, in a warm JVM ({@link WatchLoop}); without N it follows the learner from
 *       the first unfinished stage on;</li>
 *   <li>{@code views ROOT OUT}: write the exercise and solution trees, and the reference
 *       as it stands after each stage ({@code after-stage-NN}), documentation tags kept,
 *       for the handbook to include from.</li>
 * </ul>
 */
public final class Kit {
    private static final String SOLUTIONS = "solutions/src/main/java";
    private static final String EXERCISES = "exercises/src/main/java";

    /** Every command, as {@link #main} takes it. */
    static final String USAGE = "usage: Kit generate|check|catch-up|reset|hint|watch|views ROOT [STAGE|OUT]"
            + " (generate and check take ROOT only; catch-up, reset, hint and watch take a STAGE; views takes OUT)";

    private final Path root;
    private final Map<String, SourceFile> parsed = new HashMap<>();

    Kit(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public static void main(String[] args) {
        if (args.length < 2) {
            fail(USAGE);
        }
        Kit kit = new Kit(Path.of(args[1]));
        try {
            switch (args[0]) {
                case "generate" -> kit.generate();
                case "check" -> kit.check();
                case "catch-up" -> kit.catchUp(args.length > 2 ? args[2] : "");
                case "reset" -> kit.reset(args.length > 2 ? args[2] : "");
                case "watch" -> kit.watch(args.length > 2 ? args[2] : "");
                case "hint" -> kit.hint(args.length > 2 ? args[2] : "");
                case "views" -> kit.views(Path.of(args[2]));
                default -> fail("unknown command " + args[0] + ". " + USAGE);
            }
        } catch (IllegalArgumentException e) {
            fail(e.getMessage());
        }
    }

    /** Writes exercises/ afresh from solutions/. */
    void generate() {
        Map<String, String> wanted = exercises(1);
        Path target = root.resolve(EXERCISES);
        for (String stale : existing(target)) {
            if (!wanted.containsKey(stale)) {
                delete(target.resolve(stale));
            }
        }
        int written = 0;
        for (var entry : wanted.entrySet()) {
            if (!sameText(entry.getValue(), readOrNull(target.resolve(entry.getKey())))) {
                write(target.resolve(entry.getKey()), entry.getValue());
                written++;
            }
        }
        System.out.println("Generated exercises/ from solutions/: " + wanted.size() + " files, " + written + " changed.");
    }

    /** Fails when exercises/ is not what generate would write. */
    void check() {
        List<String> problems = differences();
        if (!problems.isEmpty()) {
            problems.forEach(System.err::println);
            fail("exercises/ is out of date with solutions/: regenerate it with "
                    + "./mvnw -q -pl tools compile exec:java@generate and commit the result.");
        }
        System.out.println("exercises/ matches a fresh generation from solutions/.");
    }

    /** What differs between exercises/ and a fresh generation, one sentence per file. */
    List<String> differences() {
        Map<String, String> wanted = exercises(1);
        Path target = root.resolve(EXERCISES);
        TreeSet<String> problems = new TreeSet<>();
        for (var entry : wanted.entrySet()) {
            if (!sameText(entry.getValue(), readOrNull(target.resolve(entry.getKey())))) {
                problems.add(EXERCISES + "/" + entry.getKey() + " differs from its generated version");
            }
        }
        for (String extra : existing(target)) {
            if (!wanted.containsKey(extra)) {
                problems.add(EXERCISES + "/" + extra + " has no counterpart in solutions/");
            }
        }
        return List.copyOf(problems);
    }

    /** Puts the reference code of stages below {@code stageText} into the learner's exercises. */
    void catchUp(String stageText) {
        int stage = parseStage(stageText, 2);
        Rewrite result = rewrite(region -> region.stage() < stage ? Merge.Action.SOLVE : Merge.Action.KEEP, stage);
        if (result.nothing()) {
            System.out.println("Nothing to do: stages 1.." + (stage - 1) + " already hold the reference code.");
            return;
        }
        System.out.println((result.conflicts().isEmpty() ? "Caught up" : "Caught up, except in the files below")
                + ": stages 1.." + (stage - 1) + " now hold the reference code; your own code for stage " + stage
                + " and later, and everything you wrote outside the TODO places, is kept.");
        result.report(root);
        System.out.println("Next: ./mvnw test -Dstage=" + stage);
    }

    /** Puts the places of stage {@code stageText} back to their untouched state. */
    void reset(String stageText) {
        int stage = parseStage(stageText, 1);
        Rewrite result = rewrite(region -> region.stage() == stage ? Merge.Action.STUB : Merge.Action.KEEP, stage);
        try {
            Files.deleteIfExists(root.resolve(".kit/hints/stage-" + stage));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (result.nothing()) {
            System.out.println("Nothing to do: stage " + stage + " is untouched already.");
            return;
        }
        System.out.println("Reset stage " + stage + (result.conflicts().isEmpty() ? "" : ", except in the files below")
                + ": its places are back as they were at the start; everything else is kept.");
        result.report(root);
        System.out.println("Next: ./mvnw test -Dstage=" + stage);
    }

    /** Shows the next hint for a stage: each call shows one more, then starts again. */
    void hint(String stageText) {
        int stage = stageText.isBlank() || stageText.trim().equals("all") || stageText.trim().equals("true")
                ? Stages.firstUnfinished(root, lastStage()) : parseStage(stageText, 1);
        Path chapter = chapterOf(stage);
        List<Hints.Hint> hints = Hints.read(read(chapter), root);
        if (hints.isEmpty()) {
            System.out.println("Stage " + stage + " has no hints yet: read " + root.relativize(chapter) + ".");
            return;
        }
        Path seen = root.resolve(".kit/hints/stage-" + stage);
        int shown = 0;
        try {
            shown = Integer.parseInt(readOrNull(seen) == null ? "0" : read(seen).trim());
        } catch (NumberFormatException e) {
            shown = 0;
        }
        int next = shown % hints.size();
        Hints.Hint hint = hints.get(next);
        System.out.println("Stage " + stage + ", " + hint.title() + " (" + (next + 1) + " of " + hints.size() + ")");
        System.out.println();
        hint.lines().forEach(line -> System.out.println("  " + plain(line)));
        System.out.println();
        System.out.println(next + 1 < hints.size()
                ? "Run the same command again for a stronger hint."
                : "That was the last hint; the next run starts again from the first.");
        write(seen, String.valueOf(next + 1));
    }

    /** A line of AsciiDoc as plain text: no code delimiters, block titles as labels, no backticks. */
    private static String plain(String line) {
        if (line.equals("----")) {
            return "";
        }
        if (line.startsWith(".") && line.length() > 1 && !line.startsWith("..")) {
            line = line.substring(1) + ":";
        }
        return line.replace("`", "");
    }

    /** The handbook chapter of a stage, from the grader's list of stages. */
    private Path chapterOf(int stage) {
        java.util.Properties stages = new java.util.Properties();
        try (var in = Files.newBufferedReader(root.resolve("tests/src/test/resources/grading/stages.properties"))) {
            stages.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String chapter = stages.getProperty(stage + ".chapter");
        if (chapter == null || !Files.exists(root.resolve(chapter))) {
            throw new IllegalArgumentException("stage " + stage + " has no handbook chapter yet.");
        }
        return root.resolve(chapter);
    }

    /**
     * Grades stages 1..N each time a file under exercises/ is saved, until interrupted, in
     * a warm JVM of its own ({@link WatchLoop}): only what changed is compiled, and the
     * board follows in about a second. Without a stage it follows the learner: it grades
     * up to the first unfinished stage and moves on when that one is done. This JVM only
     * starts that one, and starts it afresh when it asks (a loop it could not stop) or
     * dies (code that ends the JVM).
     */
    void watch(String stageText) {
        String stage = stageText.isBlank() || stageText.trim().equals("all") || stageText.trim().equals("true")
                ? "follow" : String.valueOf(parseStage(stageText, 1));
        String tree = "exercises";
        buildTestsIfStale();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto"));
        // -Daxon.scheduler=event-driven grades with the learner's event-driven policy, as with ./mvnw test.
        command.add("-Dkit.watch.scheduler=" + System.getProperty("axon.scheduler", ""));
        for (String name : System.getProperties().stringPropertyNames()) {
            if (name.startsWith("kit.watch.") && !name.equals("kit.watch.scheduler")) {
                command.add("-D" + name + "=" + System.getProperty(name));
            }
        }
        command.addAll(List.of("-cp", classPath(), WatchLoop.class.getName(), root.toString(), stage, tree));
        boolean wait = false;
        while (true) {
            List<String> run = new ArrayList<>(command);
            if (wait) {
                run.add("--wait");
            }
            int status;
            try {
                Process loop = new ProcessBuilder(run).directory(root.toFile()).inheritIO().start();
                Runtime.getRuntime().addShutdownHook(new Thread(loop::destroy));
                status = loop.waitFor();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (status == 0 || status == 130 || status == 143) {
                return;
            }
            if (status != WatchLoop.RESTART) {
                System.out.println("The grading JVM ended (exit status " + status + ") while it ran your code: does your"
                        + " code call System.exit? Starting it afresh; save a file to grade again.");
            }
            wait = true;
        }
    }

    /** Compiles the graded tests with Maven when their classes are missing or older than their sources. */
    private void buildTestsIfStale() {
        Path classes = root.resolve("tests/target/test-classes");
        if (newest(root.resolve("tests/src/test")) <= newest(classes) && Files.isDirectory(classes.resolve("grading"))) {
            return;
        }
        System.out.println("Compiling the graded tests first (once) ...");
        boolean windows = System.getProperty("os.name", "").toLowerCase().contains("win");
        List<String> maven = List.of(root.resolve(windows ? "mvnw.cmd" : "mvnw").toString(), "-q", "-pl", "tests",
                "-am", "test-compile");
        try {
            int status = new ProcessBuilder(maven).directory(root.toFile()).inheritIO().start().waitFor();
            if (status != 0) {
                throw new IllegalArgumentException("the graded tests could not be compiled (see above): fix what it"
                        + " says, then start watch again.");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The newest modification time under a folder, or 0 if it does not exist. */
    private static long newest(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.mapToLong(p -> {
                try {
                    return Files.getLastModifiedTime(p).toMillis();
                } catch (IOException e) {
                    return 0;
                }
            }).max().orElse(0);
        } catch (IOException e) {
            return 0;
        }
    }

    /** This JVM's class path (the tools and the grading libraries), for the loop's JVM. */
    private static String classPath() {
        List<String> entries = new ArrayList<>();
        for (ClassLoader loader = Kit.class.getClassLoader(); loader != null; loader = loader.getParent()) {
            if (loader instanceof java.net.URLClassLoader urls) {
                for (java.net.URL url : urls.getURLs()) {
                    try {
                        entries.add(Path.of(url.toURI()).toString());
                    } catch (java.net.URISyntaxException | IllegalArgumentException e) {
                        // not a file: not for a class path
                    }
                }
            }
        }
        return entries.isEmpty() ? System.getProperty("java.class.path")
                : String.join(java.io.File.pathSeparator, entries);
    }

    /**
     * What a rewrite of the learner's files did.
     *
     * @param changed   the files it changed (each backed up first)
     * @param conflicts one line for each file it left alone because the learner's changes meet a region
     * @param backup    the folder of the backups
     */
    private record Rewrite(List<String> changed, List<String> conflicts, Path backup) {
        boolean nothing() {
            return changed.isEmpty() && conflicts.isEmpty();
        }

        void report(Path root) {
            changed.forEach(path -> System.out.println("  changed " + path));
            if (!changed.isEmpty()) {
                System.out.println("Your previous versions of these files are saved in " + root.relativize(backup)
                        + "/.");
            }
            conflicts.forEach(line -> System.out.println("  " + line));
        }
    }

    /**
     * Rewrites the learner's files region by region: each region is solved, stubbed or
     * kept as the learner has it ({@code choose}), and every line outside the regions it
     * changes stays as the learner has it. Files with no region to change are not
     * touched. A file whose region cannot be found safely is left alone, and the kit's
     * version of it (stages below {@code stage} solved) is written beside it. Every
     * changed file is backed up first, and keeps its line endings.
     */
    private Rewrite rewrite(java.util.function.Function<Segment.Region, Merge.Action> choose, int stage) {
        Path target = root.resolve(EXERCISES);
        Path backup = root.resolve(".kit/backups")
                .resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        List<String> changed = new ArrayList<>();
        List<String> conflicts = new ArrayList<>();
        for (String relative : solutionFiles()) {
            if (!relative.endsWith(".java")) {
                continue;
            }
            SourceFile solution = solution(relative);
            if (!Merge.touches(solution.segments, choose)) {
                continue; // nothing of this file is asked for: leave it exactly as the learner has it
            }
            Path learnerPath = target.resolve(relative);
            String learner = readOrNull(learnerPath);
            String kitVersion = Render.render(solution, stage, false, Map.of());
            if (learner == null) {
                write(learnerPath, kitVersion);
                changed.add(EXERCISES + "/" + relative);
                continue;
            }
            Text text = Text.of(learner);
            Merge.Plan plan = Merge.plan(solution, text.lines(), choose, stage);
            if (plan.conflict()) {
                Path beside = learnerPath.resolveSibling(learnerPath.getFileName() + ".kit");
                write(beside, text.withEndings(kitVersion));
                String task = plan.lost().task();
                conflicts.add("left " + EXERCISES + "/" + relative + " as it is: the lines around its stage "
                        + plan.lost().stage() + " place (\"" + (task.length() > 60 ? task.substring(0, 57) + "..." : task)
                        + "\") are not where the kit expects them, so its version is beside it, in "
                        + beside.getFileName() + ": copy what you need from there.");
                continue;
            }
            List<String> lines = Merge.apply(text.lines(), plan.edits());
            lines = todoImport(lines);
            String result = text.join(lines);
            if (!result.equals(learner)) {
                write(backup.resolve(EXERCISES).resolve(relative), learner);
                write(learnerPath, result);
                changed.add(EXERCISES + "/" + relative);
            }
        }
        return new Rewrite(changed, conflicts, backup);
    }

    /** The kit's {@code import axon.Todo;}: there while the file throws a Todo, gone once it does not. */
    private static List<String> todoImport(List<String> lines) {
        List<String> result = new ArrayList<>(lines);
        boolean throwsTodo = result.stream().anyMatch(line -> line.contains("new Todo("));
        if (throwsTodo) {
            Render.addTodoImport(result);
        } else if (result.stream().filter(line -> line.contains("Todo")).count() == 1) {
            result = Render.withoutTodoImport(result);
        }
        return result;
    }

    /** Writes the two trees the handbook includes code from. */
    void views(Path out) {
        int last = lastStage();
        for (String relative : solutionFiles()) {
            SourceFile file = solution(relative);
            write(out.resolve("exercises").resolve(relative), Render.render(file, 1, true, Map.of()));
            write(out.resolve("solutions").resolve(relative), Render.render(file, Integer.MAX_VALUE, true, Map.of()));
            for (int stage = 1; stage <= last; stage++) {
                write(out.resolve(String.format("after-stage-%02d", stage)).resolve(relative),
                        Render.render(file, stage + 1, true, Map.of()));
            }
        }
    }

    /** A solution file, parsed into its shared text and regions (once: a command does not change solutions/). */
    private SourceFile solution(String relative) {
        return parsed.computeIfAbsent(relative,
                file -> SourceFile.parse(file, read(root.resolve(SOLUTIONS).resolve(file))));
    }

    /** The highest stage any region of the solutions belongs to. */
    private int lastStage() {
        return solutionFiles().stream()
                .map(this::solution)
                .flatMapToInt(SourceFile::stages).max().orElse(1);
    }

    private int parseStage(String text, int lowest) {
        int last = lastStage();
        try {
            int stage = Integer.parseInt(text.trim());
            if (stage >= lowest && stage <= last) {
                return stage;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        if (text.isBlank() || text.trim().equals("all") || text.trim().equals("true")) {
            throw new IllegalArgumentException("this command needs the stage you are on: add -Dstage=N, where N is "
                    + lowest + " to " + last + ".");
        }
        throw new IllegalArgumentException("-Dstage=" + text.trim() + " does not fit here: give a stage from " + lowest
                + " to " + last + ", for example -Dstage=4.");
    }

    /** The exercise text of every solution file, by path relative to the source root, with its line endings. */
    private Map<String, String> exercises(int solvedBelow) {
        Map<String, String> files = new java.util.TreeMap<>();
        for (String relative : solutionFiles()) {
            String text = read(root.resolve(SOLUTIONS).resolve(relative));
            files.put(relative, relative.endsWith(".java") ? Text.of(text).withEndings(
                    Render.render(SourceFile.parse(SOLUTIONS + "/" + relative, text), solvedBelow, false, Map.of()))
                    : text);
        }
        return files;
    }

    /** Two texts are the same file when they differ at most in line endings (git's autocrlf changes those). */
    private static boolean sameText(String a, String b) {
        return b != null && Text.normalized(a).equals(Text.normalized(b));
    }

    private List<String> solutionFiles() {
        List<String> files = existing(root.resolve(SOLUTIONS));
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no sources under " + root.resolve(SOLUTIONS)
                    + ": run this from the kit's top folder");
        }
        return files;
    }

    private static List<String> existing(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readOrNull(Path path) {
        return Files.isRegularFile(path) ? read(path) : null;
    }

    private static void write(Path path, String text) {
        try {
            Files.createDirectories(path.getParent());
            Files.writeString(path, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void fail(String sentence) {
        System.err.println(sentence);
        System.exit(1);
    }
}
