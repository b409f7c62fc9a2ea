package grading.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Prints the progress board at the end of a learner's run, and fails the build when a
 * graded stage is not finished. Run by the build after the tests (see tests/pom.xml).
 *
 * <pre>
 * Board RESULTS_FOLDER KIT_ROOT LAST_STAGE_OR_all WHAT_WAS_GRADED
 * </pre>
 */
public final class Board {
    private static final int BAR = 20;
    private static final String CONTRACTS_CHAPTER = "src-docs/src/docs/asciidoc/contracts.adoc";
    /** Where the handbook is built ({@code ./mvnw -q -pl src-docs -am package}). */
    private static final String HANDBOOK = "src-docs/target/handbook/";

    private final Properties stages;
    private final List<String[]> results;
    private final Path root;

    private Board(Properties stages, List<String[]> results, Path root) {
        this.stages = stages;
        this.results = results;
        this.root = root;
    }

    public static void main(String[] args) throws IOException {
        int status = show(args);
        System.out.flush();
        if (status != 0) {
            // Ends the build here, so that the board is the last thing on the screen.
            System.exit(status);
        }
    }

    /**
     * Prints the board for the same arguments as {@link #main}, without ending the JVM:
     * the entry point of the kit's watch loop, which grades in a JVM it keeps.
     *
     * @return 0 when every graded stage is done, 1 otherwise
     */
    public static int show(String... args) throws IOException {
        if (args.length > 2 && (args[2] == null || args[2].isBlank())) {
            System.out.println("-Dstage= needs a number: use -Dstage=N, the stage you are working on (stages 1..N are graded).");
            return 1;
        }
        Path resultsFile = Path.of(args[0]).resolve("results.tsv");
        Path root = Path.of(args[1]);
        String graded = args.length > 3 ? args[3] : "exercises";
        if (!Files.exists(resultsFile)) {
            System.out.println("No tests ran, so there is no progress to show: look above for what stopped the build.");
            return 1;
        }
        List<String[]> results = new ArrayList<>();
        for (String line : Files.readAllLines(resultsFile)) {
            results.add(line.split("\t", -1));
        }
        Board board = new Board(loadStages(), results, root);
        int lastStage = args.length > 2 && args[2].matches("\\d+") ? Integer.parseInt(args[2]) : board.lastStageOfKit();
        return board.print(lastStage, graded) ? 0 : 1;
    }

    /** Prints the board; returns whether every graded stage is done. */
    private boolean print(int lastGraded, String graded) {
        int lastOfKit = lastStageOfKit();
        StringBuilder out = new StringBuilder("\n");
        out.append("Build Your Own Axon: progress of ").append(graded).append("/, stages 1 to ").append(lastGraded)
                .append("\n\n");
        int firstUnfinished = 0;
        for (int stage : stageNumbers()) {
            String title = stages.getProperty(stage + ".title", "");
            out.append(String.format("  stage %2d  %-23s ", stage, title));
            if (stage > lastGraded) {
                out.append(" ".repeat(BAR + 2)).append(" later (-Dstage=").append(stage).append(")\n");
                continue;
            }
            List<String[]> mine = ofStage(stage);
            long passed = mine.stream().filter(r -> r[1].equals("PASSED")).count();
            long failed = mine.stream().filter(r -> r[1].equals("FAILED")).count();
            long notStarted = mine.stream().filter(r -> r[1].equals("NOT_STARTED")).count();
            // Contract rules pass on code nobody has written yet, so they do not make a stage "started".
            long testsPassed = mine.stream().filter(r -> r[1].equals("PASSED") && !isContract(r)).count();
            boolean notStartedYet = testsPassed == 0 && failed == 0 && notStarted > 0;
            int filled = mine.isEmpty() || notStartedYet ? 0 : (int) (BAR * passed / mine.size());
            out.append('[').append("#".repeat(filled)).append(".".repeat(BAR - filled)).append("] ");
            boolean done = !mine.isEmpty() && passed == mine.size();
            if (done) {
                out.append("done (").append(passed).append(" of ").append(mine.size()).append(")\n");
            } else if (notStartedYet) {
                out.append("not started\n");
            } else if (passed + failed + notStarted == 0) {
                out.append("not run: an earlier test never finished\n");
            } else {
                long notRun = mine.size() - passed - failed - notStarted;
                out.append(passed).append(" of ").append(mine.size()).append(" tests pass")
                        .append(notRun > 0 ? " (" + notRun + " not run: grading stopped after a time-out)" : "").append('\n');
            }
            if (!done && firstUnfinished == 0) {
                firstUnfinished = stage;
            }
        }
        out.append('\n');
        if (firstUnfinished == 0) {
            if (lastGraded < lastOfKit) {
                int next = stageNumbers().stream().filter(n -> n > lastGraded).findFirst().orElseThrow();
                out.append("Stages 1 to ").append(lastGraded).append(" pass. Next: stage ").append(next).append(", ")
                        .append(stages.getProperty(next + ".title")).append(". Read ")
                        .append(whereToRead(stages.getProperty(next + ".chapter"), "")).append(", then run ./mvnw test -Dstage=")
                        .append(next).append('\n');
            } else {
                out.append("Every stage passes. Well done!\n");
            }
            System.out.print(out);
            return true;
        }
        List<String[]> unfinished = ofStage(firstUnfinished);
        if (unfinished.isEmpty()) {
            out.append("Stage ").append(firstUnfinished).append(" has no tests in this run: is its test class missing?\n");
            System.out.print(out);
            return false;
        }
        String[] first = unfinished.stream().filter(r -> !isContract(r))
                .filter(r -> r[1].equals("FAILED") || r[1].equals("NOT_STARTED")).findFirst()
                .or(() -> unfinished.stream().filter(r -> r[1].equals("FAILED") || r[1].equals("NOT_STARTED")).findFirst())
                .orElse(unfinished.stream().filter(r -> !r[1].equals("PASSED")).findFirst().orElse(unfinished.getFirst()));
        out.append("Next: stage ").append(firstUnfinished).append(", ")
                .append(stages.getProperty(firstUnfinished + ".title")).append('\n');
        out.append("  ").append(first[1].equals("NOT_STARTED") ? "not started: " : "failing: ").append(first[2])
                .append('\n');
        String message = first[3];
        boolean notStarted = first[1].equals("NOT_STARTED");
        String task = "";
        if (notStarted) {
            String where = message.replaceFirst("^not started: stage \\d+ is not written yet: ", "");
            out.append("  Start here: ").append(pointAt(where)).append('\n');
            task = todoTask(where);
            if (!task.isEmpty()) {
                out.append("  To do: ").append(task).append('\n');
            }
        } else if (!message.isBlank()) {
            out.append("  ").append(shorten(message)).append('\n');
        }
        // A not-started test's own hint may be about code already written; the TODO says what is missing.
        if (!first[4].isBlank() && task.isEmpty()) {
            out.append("  Hint: ").append(first[4]).append('\n');
        }
        out.append("  Read: ").append(whereToRead(
                isContract(first) ? CONTRACTS_CHAPTER : stages.getProperty(firstUnfinished + ".chapter"), first[5]))
                .append('\n');
        out.append("  Stuck? ./mvnw -q -pl tools compile exec:java@hint -Dstage=").append(firstUnfinished)
                .append(" shows a hint, gentlest first.\n");
        System.out.print(out);
        return false;
    }

    /**
     * Where to read about a test: the page of the built handbook, with the section's anchor,
     * or, until the handbook is built, the chapter's source and how to build it.
     *
     * @param chapter the chapter's source, relative to the kit's top folder
     * @param section the section's title, or "" for the whole chapter
     */
    private String whereToRead(String chapter, String section) {
        String named = section.isBlank() ? "" : ", section \"" + section + "\"";
        String page = HANDBOOK + Path.of(chapter).getFileName().toString().replaceFirst("\\.adoc$", ".html");
        Path html = root.resolve(page);
        if (!Files.isRegularFile(html)) {
            return chapter + named + " (build the handbook with ./mvnw -q -pl src-docs -am package)";
        }
        String id = section.isBlank() ? null : idIn(html, section);
        return page + (id == null ? "" : "#" + id) + named;
    }

    /** The id of the section with this title in a rendered page, or null if the page has none. */
    private static String idIn(Path html, String title) {
        String page;
        try {
            page = Files.readString(html);
        } catch (IOException e) {
            return null;
        }
        String wanted = title.replace("`", "");
        var heading = java.util.regex.Pattern.compile("<h[1-6] id=\"([^\"]+)\"[^>]*>(.*?)</h[1-6]>").matcher(page);
        while (heading.find()) {
            String text = heading.group(2).replaceAll("<[^>]+>", "").replace("&#8217;", "'").replace("&#8216;", "'")
                    .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
            if (text.equals(wanted)) {
                return heading.group(1);
            }
        }
        String id = anchor(title);
        return page.contains("id=\"" + id + "\"") ? id : null;
    }

    /**
     * The id Asciidoctor gives a section title with the handbook's settings (no prefix,
     * "-" between words): lower case, punctuation dropped, each run of spaces, dots and
     * dashes made one dash. (A second section with the same title gets "-2" added, and so
     * on: {@link #idIn} finds those in the page itself.)
     */
    public static String anchor(String title) {
        String id = title.toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^ \\p{L}\\p{M}\\p{Nd}\\p{Pc}.\\-]", "")
                .replaceAll("[ .\\-]+", "-");
        return id.replaceAll("^-|-$", "");
    }

    /** Where a Todo's message says it was thrown: "(Greeter.java:38)". */
    private static final java.util.regex.Pattern TODO_PLACE = java.util.regex.Pattern.compile("\\((\\w+\\.java):(\\d+)\\)");

    /** The exercise file a Todo's message names, if it can be found. */
    private java.util.Optional<Path> exerciseNamedIn(java.util.regex.Matcher place) {
        try (Stream<Path> files = Files.walk(root.resolve("exercises/src/main/java"))) {
            return files.filter(p -> p.getFileName().toString().equals(place.group(1))).findFirst();
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    /** Replaces "Greeter.java:38" in a Todo's message with the file's path in the kit. */
    private String pointAt(String todoMessage) {
        var place = TODO_PLACE.matcher(todoMessage);
        if (!place.find()) {
            return todoMessage;
        }
        return exerciseNamedIn(place)
                .map(p -> todoMessage.replace(place.group(0),
                        "(" + root.relativize(p).toString().replace('\\', '/') + ":" + place.group(2) + ")"))
                .orElse(todoMessage);
    }

    private static boolean isContract(String[] result) {
        return result.length > 6 && result[6].equals("contract");
    }

    /** The task of the TODO comment just above the line a Todo was thrown from, or "". */
    private String todoTask(String todoMessage) {
        var place = TODO_PLACE.matcher(todoMessage);
        if (!place.find()) {
            return "";
        }
        var todo = java.util.regex.Pattern.compile("//\\s*TODO stage \\d+:\\s*(.*)$");
        try {
            Path file = exerciseNamedIn(place).orElse(null);
            if (file == null) {
                return "";
            }
            List<String> lines = Files.readAllLines(file);
            int line = Integer.parseInt(place.group(2)) - 1;
            for (int i = Math.min(line, lines.size()) - 1; i >= 0 && i >= line - 3; i--) {
                var found = todo.matcher(lines.get(i));
                if (found.find()) {
                    return found.group(1);
                }
            }
        } catch (IOException | RuntimeException e) {
            return "";
        }
        return "";
    }

    private List<String[]> ofStage(int stage) {
        return results.stream().filter(r -> r[0].equals(String.valueOf(stage))).toList();
    }

    private int lastStageOfKit() {
        List<Integer> numbers = stageNumbers();
        return numbers.isEmpty() ? 0 : numbers.getLast();
    }

    /**
     * The stages of the kit, in order. A stage number may be missing while the stages
     * are built on different branches (the stage list test says which gaps are expected).
     */
    private List<Integer> stageNumbers() {
        return stages.stringPropertyNames().stream().filter(key -> key.endsWith(".title"))
                .map(key -> Integer.parseInt(key.substring(0, key.indexOf('.')))).sorted().toList();
    }

    private static String shorten(String message) {
        String oneLine = message.replace(" | ", " ");
        return oneLine.length() > 400 ? oneLine.substring(0, 400) + "..." : oneLine;
    }

    static Properties loadStages() {
        Properties stages = new Properties();
        try (InputStream in = Board.class.getResourceAsStream("/grading/stages.properties")) {
            stages.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return stages;
    }
}
