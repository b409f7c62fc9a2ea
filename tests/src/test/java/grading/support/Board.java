package grading.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Prints the progress board at the end of a learner's run, and fails the build when a
 * graded stage is not finished. Run by the build after the tests (see tests/pom.xml).
 *
 * <pre>
 * Board RESULTS_FOLDER KIT_ROOT LAST_STAGE_OR_all WHAT_WAS_GRADED [SCHEDULER_POLICY]
 * </pre>
 *
 * <p>How the board chooses what to show (the README's "Reading the board" says the same
 * to learners):
 * <ol>
 *   <li>A line per stage; the first stage that is not done is the one to work on.</li>
 *   <li>Within a stage the tests run narrowest first: the most basic contract, then what is
 *       built on it (each class's tests in their {@code @GradedTest} order, the classes of a stage in
 *       their {@code @Graded} order; see {@link ByStage}). A broad test usually fails because a narrow one
 *       does, so the board shows the message and hint of the first test that failed or is not
 *       started, and lists the titles of the others after it, in the order they ran. Two
 *       exceptions, both decided by {@link ResultsRecorder}: a failure found by shared tear-down
 *       that names the test about its contract ({@link HintedFailure}) moves that test, when it
 *       fails too, before the first such failure; and a failure caused by code of a later
 *       stage's region ({@link LaterStageFailure}: a contract rule broken only there, a loop
 *       or an exception in it) is counted at that stage, which the board then shows and sends
 *       the learner to, even in a run that graded only earlier stages. A stage whose only
 *       unfinished tests did not run (grading stops after a time-out) is not where to work
 *       when another stage has a failing test.</li>
 *   <li>Contract rules (ArchUnit) come after the tests of their stage: they pass on code
 *       nobody has written yet.</li>
 *   <li>When the run used the event-driven scheduler ({@code -Daxon.scheduler=event-driven})
 *       and a stage before it fails, the board names stage 10's methods as the likely cause,
 *       and says so plainly when the last round-robin run passed that stage.</li>
 * </ol>
 */
public final class Board {
    private static final String CONTRACTS_CHAPTER = "src-docs/src/docs/asciidoc/contracts.adoc";
    /** How many further titles to list under the first open test. */
    private static final int MORE_TITLES = 10;
    /** Where a round-robin run leaves how far it passed, for a later event-driven run to compare. */
    static final String ROUND_ROBIN_RECORD = "round-robin-passed.txt";

    private final List<Stage> stages;
    private final List<Result> results;
    private final Handbook handbook;
    private final ExerciseFiles exercises;
    private final Policy policy;
    private final int roundRobinPassedUpTo;

    /** What the board says, and whether every graded stage is done. */
    public record Verdict(String text, boolean passed) {
    }

    /**
     * @param roundRobinPassedUpTo the last stage of 1..N that all passed in the last round-robin
     *     run, or 0 if none is known
     */
    public Board(List<Stage> stages, List<Result> results, Path root, Policy policy, int roundRobinPassedUpTo) {
        this.stages = stages;
        this.results = results;
        this.handbook = new Handbook(root);
        this.exercises = new ExerciseFiles(root);
        this.policy = policy;
        this.roundRobinPassedUpTo = roundRobinPassedUpTo;
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
        String stageArgument = args.length > 2 ? args[2] : "all";
        if (stageArgument == null || stageArgument.isBlank()) {
            System.out.println("-Dstage= needs a number: use -Dstage=N, the stage you are working on (stages 1..N are graded).");
            return 1;
        }
        Optional<Policy> policy = Policy.named(args.length > 4 ? args[4] : "");
        if (policy.isEmpty()) {
            System.out.println(Policy.misspelt(args[4]));
            return 1;
        }
        Path folder = Path.of(args[0]);
        Path root = Path.of(args[1]);
        String graded = args.length > 3 && args[3] != null && !args[3].isBlank() ? args[3] : "exercises";
        Path resultsFile = folder.resolve("results.tsv");
        if (!Files.exists(resultsFile)) {
            System.out.println("No tests ran, so there is no progress to show: look above for what stopped the build.");
            return 1;
        }
        List<Result> results = Files.readAllLines(resultsFile).stream().map(Result::fromLine).toList();
        Path record = folder.resolve(ROUND_ROBIN_RECORD);
        Board board = new Board(Stage.all(), results, root, policy.get(), readRecord(record));
        int lastStage = stageArgument.matches("\\d+") ? Integer.parseInt(stageArgument) : board.lastStageOfKit();
        Verdict verdict = board.grade(lastStage, graded);
        if (policy.get() == Policy.ROUND_ROBIN) {
            Files.writeString(record, String.valueOf(board.passedUpTo(lastStage)));
        }
        System.out.print(verdict.text());
        return verdict.passed() ? 0 : 1;
    }

    /** The board for a run that graded stages 1 to {@code lastGraded} of the named tree. */
    public Verdict grade(int lastGraded, String graded) {
        StringBuilder out = new StringBuilder("\n");
        out.append("Build Your Own Axon: progress of ").append(graded).append("/, stages 1 to ").append(lastGraded)
                .append(", ").append(policy.describe()).append("\n\n");
        Progress firstUnfinished = null;
        Progress firstOpen = null;
        for (Stage stage : stages) {
            out.append(String.format("  stage %2d  %-23s ", stage.number(), stage.title()));
            Progress progress = progressOf(stage);
            if (stage.number() > lastGraded && progress.open().isEmpty()) {
                out.append(" ".repeat(Progress.BAR + 2)).append(" later (-Dstage=").append(stage.number())
                        .append(")\n");
                continue;
            }
            out.append(progress.describe()).append('\n');
            if (!progress.done() && firstUnfinished == null) {
                firstUnfinished = progress;
            }
            if (!progress.open().isEmpty() && firstOpen == null) {
                firstOpen = progress;
            }
        }
        out.append('\n');
        if (firstOpen != null) {
            // A stage whose only unfinished tests did not run (after a time-out) is not where to work.
            firstUnfinished = firstOpen;
        }
        if (firstUnfinished == null) {
            out.append(allPass(lastGraded));
            return new Verdict(out.toString(), true);
        }
        out.append(nextStep(firstUnfinished, graded));
        return new Verdict(out.toString(), false);
    }

    /** What to do when every graded stage passes. */
    private String allPass(int lastGraded) {
        StringBuilder out = new StringBuilder();
        int lastOfKit = lastStageOfKit();
        int doneUpTo = lastGraded;
        if (policy == Policy.EVENT_DRIVEN) {
            out.append("Stages 1 to ").append(lastGraded).append(" pass with your event-driven scheduler too.");
            Optional<Stage> asking = stages.stream().filter(s -> !s.rerun().isBlank()).findFirst();
            if (asking.isPresent()) {
                Stage s = asking.get();
                out.append(" That is the rerun stage ").append(s.number()).append("'s chapter asks for: with its own")
                        .append(" tests passing (./mvnw test -Dstage=").append(s.number()).append("), stage ")
                        .append(s.number()).append(" is done.");
                doneUpTo = Math.max(lastGraded, s.number());
            }
            out.append('\n');
        } else {
            out.append(lastGraded >= lastOfKit ? "Every stage passes." : "Stages 1 to " + lastGraded + " pass.");
            stages.stream().filter(s -> s.number() == lastGraded && !s.rerun().isBlank()).findFirst()
                    .ifPresent(s -> out.append(" Stage ").append(s.number())
                            .append(" is done when its rerun passes too: ").append(s.rerun()));
            out.append('\n');
        }
        int after = doneUpTo;
        Optional<Stage> next = stages.stream().filter(s -> s.number() > after).findFirst();
        if (next.isPresent()) {
            Stage n = next.get();
            out.append("Next: stage ").append(n.number()).append(", ").append(n.title()).append(". Read ")
                    .append(handbook.whereToRead(n.chapter(), "")).append(", then run ./mvnw test -Dstage=")
                    .append(n.number()).append('\n');
        } else if (policy == Policy.ROUND_ROBIN) {
            out.append("Well done!\n");
        }
        return out.toString();
    }

    /** The first unfinished stage: its first open test in full, the titles of the others after it. */
    private String nextStep(Progress unfinished, String graded) {
        Stage stage = unfinished.stage();
        StringBuilder out = new StringBuilder();
        if (unfinished.results().isEmpty()) {
            return "Stage " + stage.number() + " has no tests in this run: is its test class missing?\n";
        }
        List<Result> open = unfinished.open();
        Result first = open.isEmpty() ? unfinished.results().stream().filter(r -> r.status() != Status.PASSED)
                .findFirst().orElse(unfinished.results().getFirst()) : open.getFirst();
        out.append("Next: stage ").append(stage.number()).append(", ").append(stage.title())
                .append(policy == Policy.EVENT_DRIVEN ? " (with your event-driven scheduler)" : "").append('\n');
        Optional<Stage> suspect = policy == Policy.EVENT_DRIVEN ? policyStageBefore(stage) : Optional.empty();
        boolean blamed = suspect.isPresent() && roundRobinPassedUpTo >= stage.number();
        suspect.ifPresent(ten -> out.append(likelyCause(ten, stage)));
        out.append("  ").append(label(first)).append(first.title()).append('\n');
        String task = "";
        if (first.status() == Status.NOT_STARTED) {
            String where = first.message().replaceFirst("^not started: stage \\d+ is not written yet: ", "");
            out.append("  Start here: ").append(exercises.pointAt(where)).append('\n');
            task = exercises.todoTask(where);
            if (!task.isEmpty()) {
                out.append("  To do: ").append(task).append('\n');
            }
        } else if (!first.message().isBlank()) {
            int mark = first.message().lastIndexOf(TraceOffered.MARK);
            String said = mark < 0 ? first.message() : first.message().substring(0, mark);
            String message = graded.equals("exercises") ? exercises.pointAt(said) : said;
            out.append("  ").append(shorten(message)).append('\n');
            if (mark >= 0) {
                out.append("  See where the messages went: open ")
                        .append(first.message().substring(mark + TraceOffered.MARK.length()))
                        .append(" in a browser (the trace of this test; a .txt beside it)\n");
            }
        }
        // A not-started test's own hint may be about code already written; the TODO says what is missing.
        if (!first.hint().isBlank() && task.isEmpty() && !blamed) {
            out.append("  Hint: ").append(first.hint()).append('\n');
        }
        List<Result> failing = open.stream().filter(r -> r != first && r.status() == Status.FAILED).toList();
        long waiting = open.stream().filter(r -> r != first && r.status() == Status.NOT_STARTED).count();
        if (!failing.isEmpty()) {
            out.append("  Also failing, narrowest first (the message above often explains them):\n");
            failing.stream().limit(MORE_TITLES).forEach(r -> out.append("    ").append(r.title()).append('\n'));
            if (failing.size() > MORE_TITLES) {
                out.append("    ... and ").append(failing.size() - MORE_TITLES).append(" more\n");
            }
        }
        if (waiting > 0) {
            out.append("  ").append(failing.isEmpty() ? "" : "And ").append(waiting)
                    .append(waiting == 1 ? " more test waits" : " more tests wait")
                    .append(" for code that still says TODO.\n");
        }
        if (blamed) {
            out.append("  Read: ").append(handbook.whereToRead(suspect.get().chapter(), "")).append('\n');
        } else {
            out.append("  Read: ").append(handbook.whereToRead(first.contract() ? CONTRACTS_CHAPTER : stage.chapter(),
                    first.read())).append('\n');
        }
        out.append("  Stuck? ./kit hint ")
                .append(blamed ? suspect.get().number() : stage.number())
                .append(" shows a hint, gentlest first.\n");
        return out.toString();
    }

    /** The stage that adds the event-driven policy, if the failing stage comes before it. */
    private Optional<Stage> policyStageBefore(Stage failing) {
        return stages.stream().filter(s -> !s.suspects().isBlank()).findFirst()
                .filter(ten -> failing.number() < ten.number());
    }

    /** On an event-driven run, a stage before the one that adds the policy probably fails because of that stage. */
    private String likelyCause(Stage ten, Stage failing) {
        String cause = "stage " + ten.number() + "'s " + ten.suspects() + ", not stage " + failing.number()
                + "'s code";
        if (roundRobinPassedUpTo >= failing.number()) {
            return "  Likely cause: " + cause + ". Your last run without -Daxon.scheduler (round-robin) passed stage "
                    + failing.number() + ", so what differs is your event-driven policy.\n";
        }
        return "  Likely cause: if ./mvnw test -Dstage=" + failing.number() + " (without -Daxon.scheduler) passes, "
                + cause + ".\n";
    }

    private static String label(Result result) {
        return result.status() == Status.NOT_STARTED ? "not started: " : "failing: ";
    }

    /** The last stage N such that stages 1..N all passed in this run (0 if stage 1 did not). */
    int passedUpTo(int lastGraded) {
        int upTo = 0;
        for (Stage stage : stages) {
            if (stage.number() > lastGraded || !progressOf(stage).done()) {
                break;
            }
            upTo = stage.number();
        }
        return upTo;
    }

    private Progress progressOf(Stage stage) {
        return new Progress(stage, results.stream().filter(r -> r.stage() == stage.number()).toList());
    }

    private int lastStageOfKit() {
        return stages.isEmpty() ? 0 : stages.getLast().number();
    }

    private static int readRecord(Path record) {
        try {
            return Files.isRegularFile(record) ? Integer.parseInt(Files.readString(record).strip()) : 0;
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }

    private static String shorten(String message) {
        String oneLine = message.replace(" | ", " ");
        return oneLine.length() > 400 ? oneLine.substring(0, 400) + "..." : oneLine;
    }


    /** The scheduler policy a run graded with, from {@code -Daxon.scheduler}. */
    public enum Policy {
        ROUND_ROBIN, EVENT_DRIVEN;

        /** The policy a value of {@code -Daxon.scheduler} names ("" is round-robin), if it names one. */
        public static Optional<Policy> named(String value) {
            String name = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
            return switch (name) {
                case "", "round-robin" -> Optional.of(ROUND_ROBIN);
                case "event-driven" -> Optional.of(EVENT_DRIVEN);
                default -> Optional.empty();
            };
        }

        /** The one sentence for a value that names no policy. */
        public static String misspelt(String value) {
            return "-Daxon.scheduler=" + value + " names no scheduler policy: use -Daxon.scheduler=event-driven"
                    + " (stage 10's policy), or leave it out for round-robin.";
        }

        String describe() {
            return this == ROUND_ROBIN ? "round-robin scheduler" : "event-driven scheduler (-Daxon.scheduler)";
        }
    }
}
