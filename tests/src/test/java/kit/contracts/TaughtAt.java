package kit.contracts;

import contracts.WrittenAt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The stage at which the kit first teaches a class, and the stage of each line of its
 * file: what {@link StageOrderTest} compares. A class is first taught at the earlier of
 * its file's first region ({@code // >>> stage N}) and the first stage chapter that
 * includes its file or names the class as code ({@code `Box`}, {@code `Box.put`}); a file
 * with none of these belongs to no stage (0). A stage chapter is {@code stage-NN-....adoc},
 * or a walkthrough that says which stage it comes after ({@code :after-stage: 9}, as the
 * capstone does). A line inside a region (the innermost, where
 * regions nest) is written at that region's stage (the scheduler's stage 10 region may use the
 * event-driven policy); any other line of a file, at the file's stage.
 */
final class TaughtAt {
    private static final Pattern OPENS = Pattern.compile("//\\s*>>> stage (\\d+)");
    private static final Pattern CLOSES = Pattern.compile("//\\s*<<< stage (\\d+)");
    private static final Pattern CHAPTER = Pattern.compile("stage-(\\d+)-.*\\.adoc");
    /** The attribute of a walkthrough that comes after a stage and is graded with it. */
    private static final Pattern AFTER_STAGE = Pattern.compile("(?m)^:after-stage: (\\d+)\\s*$");
    private static final Pattern INCLUDE = Pattern.compile("include::\\{\\w+}/(?:[\\w-]+/)*(\\w+\\.java)\\[");
    /** A class named in the prose as code: {@code `Box`}, {@code `Box.put`}, {@code `axon.BoxGuard`}, {@code `Box<T>`}. */
    private static final Pattern NAMED = Pattern.compile("`@?(?:[a-z]\\w*\\.)*([A-Z]\\w*)[`.#(<\\[]");

    private final WrittenAt reference;
    private final Map<String, Integer> firstChapter = new HashMap<>();
    private final Map<String, int[]> lineStages = new HashMap<>();

    /** Stages read from the reference sources and the stage chapters in {@code chapters}. */
    TaughtAt(WrittenAt reference, Path chapters) {
        this.reference = reference;
        try (Stream<Path> files = Files.list(chapters)) {
            for (Path chapter : files.filter(f -> f.toString().endsWith(".adoc")).toList()) {
                String text = Files.readString(chapter);
                int stage = stageOf(chapter.getFileName().toString(), text);
                if (stage > 0) {
                    Matcher include = INCLUDE.matcher(text);
                    while (include.find()) {
                        firstChapter.merge(include.group(1), stage, Math::min);
                    }
                    Matcher named = NAMED.matcher(text);
                    while (named.find()) {
                        firstChapter.merge(named.group(1) + ".java", stage, Math::min);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the handbook's chapters in " + chapters, e);
        }
    }

    /** The stage a chapter teaches: from its name ({@code stage-05-...}), or its {@code :after-stage:}; 0 for none. */
    private static int stageOf(String fileName, String text) {
        Matcher name = CHAPTER.matcher(fileName);
        if (name.matches()) {
            return Integer.parseInt(name.group(1));
        }
        Matcher after = AFTER_STAGE.matcher(text);
        return after.find() ? Integer.parseInt(after.group(1)) : 0;
    }

    /** The stage a walkthrough chapter names in {@code :after-stage:}, if it names one. */
    static Optional<Integer> afterStage(Path chapter) throws IOException {
        Matcher after = AFTER_STAGE.matcher(Files.readString(chapter));
        return after.find() ? Optional.of(Integer.parseInt(after.group(1))) : Optional.empty();
    }

    /** For the kit that runs the tests. */
    static TaughtAt ofKit() {
        Path root = Path.of(System.getProperty("kit.root", "..")).toAbsolutePath().normalize();
        return new TaughtAt(new WrittenAt(root.resolve("solutions/src/main/java")),
                root.resolve("src-docs/src/docs/asciidoc"));
    }

    /** The stage that first teaches the class of this file (such as {@code Box.java}); 0 for none. */
    int classOf(String fileName) {
        int region = reference.stageOfFile(fileName);
        int chapter = firstChapter.getOrDefault(fileName, 0);
        return region == 0 || chapter == 0 ? Math.max(region, chapter) : Math.min(region, chapter);
    }

    /** The stage at which line {@code line} of this file is written: its region's, else the file's. */
    synchronized int lineOf(String fileName, int line) {
        int[] stages = lineStages.computeIfAbsent(fileName, this::regionOfEachLine);
        return line > 0 && line < stages.length && stages[line] > 0 ? stages[line] : classOf(fileName);
    }

    /** For each line number of the file, the stage of the region it is in, or 0. */
    private int[] regionOfEachLine(String fileName) {
        Path file = reference.file(fileName);
        if (file == null) {
            return new int[0];
        }
        try {
            List<String> lines = Files.readAllLines(file);
            int[] stages = new int[lines.size() + 1];
            Deque<Integer> open = new ArrayDeque<>(); // regions nest: a stage 6 place inside a stage 5 one
            for (int i = 0; i < lines.size(); i++) {
                Matcher opens = OPENS.matcher(lines.get(i));
                if (opens.find()) {
                    open.push(Integer.parseInt(opens.group(1)));
                }
                stages[i + 1] = open.isEmpty() ? 0 : open.peek();
                if (CLOSES.matcher(lines.get(i)).find() && !open.isEmpty()) {
                    open.pop();
                }
            }
            return stages;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
