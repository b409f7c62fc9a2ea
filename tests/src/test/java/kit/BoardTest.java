package kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grading.support.Board;
import grading.support.Board.Policy;
import grading.support.GradedOrder;
import grading.support.GradedTitles;
import grading.support.Hints;
import grading.support.Result;
import grading.support.Stage;
import grading.support.Status;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The progress board shows what its rule (README, "Reading the board") says, and the README shows the real board. */
@Tag("kit")
@DisplayName("Kit: the progress board")
class BoardTest {
    private static final Path ROOT = StageListTest.ROOT;

    /**
     * The kit as a fresh clone has it: its exercises and chapters, but no built handbook
     * (whose pages the board would link to instead), whatever an earlier build left here.
     */
    private static final Path FRESH = freshClone();

    private static Path freshClone() {
        try {
            Path fresh = Files.createTempDirectory("board-fresh-clone");
            // deleteOnExit runs in reverse order: the links first, then their folders
            fresh.toFile().deleteOnExit();
            fresh.resolve("src-docs").toFile().deleteOnExit();
            fresh.resolve("src-docs/src").toFile().deleteOnExit();
            fresh.resolve("exercises").toFile().deleteOnExit();
            Files.createSymbolicLink(fresh.resolve("exercises"), ROOT.resolve("exercises"));
            Files.createDirectories(fresh.resolve("src-docs"));
            Files.createSymbolicLink(fresh.resolve("src-docs/src"), ROOT.resolve("src-docs/src"));
            return fresh;
        } catch (java.io.IOException | UnsupportedOperationException e) {
            return ROOT; // no symbolic links here: the board as this tree has it
        }
    }

    private static Board board(List<Result> results, Policy policy, int roundRobinPassedUpTo) {
        return new Board(Stage.all(), results, FRESH, policy, roundRobinPassedUpTo);
    }

    private static Result passed(int stage, String title) {
        return new Result(stage, Status.PASSED, title, "", "", "", false);
    }

    private static Result failed(int stage, String title, String message, String hint) {
        return new Result(stage, Status.FAILED, title, message, hint, "", false);
    }

    /** Every stage up to {@code last} passes, with one test each. */
    private static List<Result> passing(int last) {
        List<Result> results = new ArrayList<>();
        for (int stage = 1; stage <= last; stage++) {
            results.add(passed(stage, "stage " + stage + " works"));
        }
        return results;
    }

    @Test
    @DisplayName("the README's sample board is the board of untouched exercises at stage 1")
    void readmeShowsTheRealBoard() throws Exception {
        List<String> readme = Files.readAllLines(ROOT.resolve("README.adoc"));
        int said = readme.indexOf("Every run ends with a progress board:");
        int start = readme.subList(said, readme.size()).indexOf("----") + said + 1;
        int end = readme.subList(start, readme.size()).indexOf("----") + start;
        List<String> sample = readme.subList(start, end);
        List<String> real = board(untouchedStageOne(), Policy.ROUND_ROBIN, 0).grade(1, "exercises").text()
                .lines().toList();
        assertTrue(matches(sample, real.subList(1, real.size())), "README.adoc's sample board (lines " + (start + 1)
                + " to " + end + ", where a line \"  ...\" stands for any lines) differs from the real board of"
                + " untouched exercises; put this in README.adoc:\n" + String.join("\n", real.subList(1, real.size())));
    }

    /** The results the graded run of untouched exercises gives for stage 1, from the test class and the exercise. */
    private static List<Result> untouchedStageOne() throws Exception {
        Path microprocess = ROOT.resolve("exercises/src/main/java/axon/Microprocess.java");
        List<String> lines = Files.readAllLines(microprocess);
        int activate = indexOf(lines, "Microprocess activate(", 0);
        int todo = indexOf(lines, "throw new Todo(1);", activate) + 1;
        String message = "not started: stage 1 is not written yet: Microprocess.activate (Microprocess.java:" + todo
                + ") still says TODO";
        List<Result> results = new ArrayList<>();
        Method[] tests = Class.forName("grading.Stage01MicroprocessTest").getDeclaredMethods();
        Arrays.stream(tests).filter(m -> GradedTitles.titleOf(m).isPresent())
                .sorted(Comparator.comparingInt(GradedOrder::orderOf))
                .forEach(m -> results.add(new Result(1, Status.NOT_STARTED, GradedTitles.titleOf(m).orElseThrow(),
                        message, Hints.ofTest(m).orElseThrow().value(), Hints.ofTest(m).orElseThrow().read(), false)));
        return results;
    }

    private static int indexOf(List<String> lines, String text, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        throw new AssertionError("exercises/src/main/java/axon/Microprocess.java has no line with " + text);
    }

    /** Whether the sample is the real board, a sample line "  ..." standing for any run of real lines. */
    private static boolean matches(List<String> sample, List<String> real) {
        if (sample.isEmpty()) {
            return real.isEmpty();
        }
        if (sample.getFirst().strip().equals("...")) {
            for (int skip = 0; skip <= real.size(); skip++) {
                if (matches(sample.subList(1, sample.size()), real.subList(skip, real.size()))) {
                    return true;
                }
            }
            return false;
        }
        return !real.isEmpty() && sample.getFirst().equals(real.getFirst())
                && matches(sample.subList(1, sample.size()), real.subList(1, real.size()));
    }

    @Test
    @DisplayName("the first failing test in run order gives the message and hint; the other failures are listed by"
            + " title after it")
    void narrowestFirst() {
        List<Result> results = new ArrayList<>(passing(1));
        results.add(passed(2, "runs everything"));
        results.add(failed(2, "each cycle steps each once", "the trace was [a1, a2]", "step each once"));
        results.add(failed(2, "runCycles counts cycles", "expected: <3> but was: <6>", "count the cycles"));
        results.add(new Result(2, Status.NOT_STARTED, "later part", "not started: stage 2 is not written yet", "",
                "", false));
        String text = board(results, Policy.ROUND_ROBIN, 0).grade(2, "exercises").text();
        String next = text.substring(text.indexOf("Next:"));
        assertTrue(next.contains("failing: each cycle steps each once\n  the trace was [a1, a2]\n  Hint: step each once"),
                "the first failure's title, message and hint come first:\n" + next);
        assertTrue(next.contains("Also failing, narrowest first"), "the other failures are listed:\n" + next);
        assertTrue(next.indexOf("runCycles counts cycles") > next.indexOf("the trace was"),
                "the later failure's title comes after the first failure's message:\n" + next);
        assertFalse(next.contains("count the cycles"), "only the first failure's hint is shown:\n" + next);
        assertTrue(next.contains("And 1 more test waits for code that still says TODO."),
                "tests that are not started are counted, not listed:\n" + next);
    }

    @Test
    @DisplayName("every graded test states its place in its class's run order, which the board's narrowest-first"
            + " rule relies on")
    void everyGradedTestHasItsPlace() throws java.io.IOException, ClassNotFoundException {
        List<String> problems = new ArrayList<>();
        List<Path> files;
        try (var listing = Files.list(ROOT.resolve("tests/src/test/java/grading"))) {
            files = listing.filter(p -> p.getFileName().toString().matches("Stage\\d\\d\\w*Test\\.java")).sorted()
                    .toList();
        }
        for (Path file : files) {
            Class<?> type = Class.forName("grading." + file.getFileName().toString().replace(".java", ""));
            List<Integer> places = new ArrayList<>();
            for (Method method : type.getDeclaredMethods()) {
                if (GradedTitles.titleOf(method).isEmpty()) {
                    continue;
                }
                int order = GradedOrder.orderOf(method);
                if (order < 1) {
                    problems.add(type.getSimpleName() + "." + method.getName() + " has the place " + order + ": places"
                            + " start at 1, the narrowest test");
                } else if (places.contains(order)) {
                    problems.add(type.getSimpleName() + "." + method.getName() + " shares its place (order = " + order
                            + ") with another test: which runs first is left to chance");
                } else {
                    places.add(order);
                }
            }
        }
        assertFalse(files.isEmpty(), "no graded test classes found under tests/src/test/java/grading");
        assertEquals(List.of(), problems, "each graded test runs at the place its class gives it, narrowest first");
    }

    @Test
    @DisplayName("the board sends a learner to the built page, hints folded, and never to a chapter's source, which"
            + " shows them open")
    void readTheBuiltPage(@org.junit.jupiter.api.io.TempDir Path kit) throws java.io.IOException {
        List<Result> results = List.of(new Result(1, Status.FAILED, "activate hands it over", "expected ...",
                "Hint.", "Activation", false));
        String fresh = board(results, Policy.ROUND_ROBIN, 0).grade(1, "exercises").text();
        String read = fresh.lines().filter(l -> l.strip().startsWith("Read: ")).findFirst().orElse("");
        assertTrue(read.contains("src-docs/target/handbook/stage-01-microprocess.html, section \"Activation\"")
                && read.contains("(not built yet: ./kit handbook builds the pages"), "before the handbook is"
                + " built, the board names the page to open and the command that builds it:\n" + fresh);
        assertFalse(read.contains(".adoc"), "a chapter's source shows its hints open: the board must not send a"
                + " learner there:\n" + fresh);
        Path pages = Files.createDirectories(kit.resolve("src-docs/target/handbook"));
        Files.writeString(pages.resolve("stage-01-microprocess.html"), "<h2 id=\"activation\">Activation</h2>");
        String built = new Board(Stage.all(), results, kit, Policy.ROUND_ROBIN, 0).grade(1, "exercises").text();
        assertTrue(built.contains("Read: src-docs/target/handbook/stage-01-microprocess.html#activation, section"
                + " \"Activation\"\n"), "once built, the board links to the section of the page, and says no more:\n"
                + built);
    }

    @Test
    @DisplayName("the board names the policy it graded with, and an event-driven failure before stage 10 blames"
            + " stage 10's methods when the round-robin run passed")
    void eventDrivenFailureBlamesStageTen() {
        List<Result> results = new ArrayList<>(passing(5));
        results.add(failed(6, "a delivery wakes a sleeper", "a woken component must be stepped once", "Box.put"));
        String blamed = board(results, Policy.EVENT_DRIVEN, 9).grade(9, "exercises").text();
        assertTrue(blamed.contains("stages 1 to 9, event-driven scheduler"), "the policy is named:\n" + blamed);
        assertTrue(blamed.contains("Likely cause: stage 10's ActivatedList.activated, ActivatedList.finished and ActivatedList.asleep, not stage 6's"
                + " code"), "stage 10's methods are named:\n" + blamed);
        assertFalse(blamed.contains("Hint: Box.put"), "the stage 6 hint is not shown when stage 6 passed"
                + " round-robin:\n" + blamed);
        assertTrue(blamed.contains("stage-10-event-driven-scheduler.html"), "stage 10's chapter is the one to read:\n"
                + blamed);
        String unsure = board(results, Policy.EVENT_DRIVEN, 0).grade(9, "exercises").text();
        assertTrue(unsure.contains("Likely cause: if ./mvnw test -Dstage=6 (without -Daxon.scheduler) passes"),
                "without a round-robin pass on record the board says how to tell:\n" + unsure);
        String roundRobin = board(results, Policy.ROUND_ROBIN, 0).grade(9, "exercises").text();
        assertTrue(roundRobin.contains("round-robin scheduler") && !roundRobin.contains("Likely cause"),
                "a round-robin failure is the stage's own:\n" + roundRobin);
    }

    @Test
    @DisplayName("stage 10 passing asks for its rerun; the rerun passing says stage 10 is done and points to stage 11")
    void stageTenRerun() {
        String ten = board(passing(10), Policy.ROUND_ROBIN, 0).grade(10, "exercises").text();
        assertTrue(ten.contains("Stage 10 is done when its rerun passes too: ./mvnw test -Dstage=9"
                + " -Daxon.scheduler=event-driven"), "the rerun is named:\n" + ten);
        String rerun = board(passing(9), Policy.EVENT_DRIVEN, 9).grade(9, "exercises").text();
        assertTrue(rerun.contains("pass with your event-driven scheduler too"), "the rerun's pass is named:\n" + rerun);
        assertTrue(rerun.contains("Next: stage 11"), "after the rerun, the next stage is 11, not 10:\n" + rerun);
    }

    @Test
    @DisplayName("a misspelt -Daxon.scheduler gets one sentence naming the policies")
    void misspeltPolicy() {
        assertEquals(Optional.empty(), Policy.named("event_driven"));
        assertEquals(Optional.of(Policy.EVENT_DRIVEN), Policy.named(" Event-Driven "));
        assertEquals(Optional.of(Policy.ROUND_ROBIN), Policy.named(""));
        assertEquals("-Daxon.scheduler=event_driven names no scheduler policy: use -Daxon.scheduler=event-driven"
                + " (stage 10's policy), or leave it out for round-robin.", Policy.misspelt("event_driven"));
    }

    @Test
    @DisplayName("a failure that a test of stage 5 found in stage 6's code sends the learner to stage 6, even when the"
            + " run graded stages 1 to 5 and the time-out left the rest of stage 5 not run")
    void laterStageFailureFirst() {
        List<Result> results = new ArrayList<>(passing(4));
        results.add(passed(5, "links one box to another"));
        results.add(passed(5, "waiting messages move on"));
        results.add(failed(6, "waiting messages move on", "a loop in stage 6's code in Box.linkTo never ended",
                "make stage 6's part of linkTo do its task once"));
        results.add(new Result(5, Status.NOT_RUN, "unlink undoes the link", "not run: an earlier test never finished",
                "", "", false));
        String text = board(results, Policy.ROUND_ROBIN, 0).grade(5, "solutions").text();
        String next = text.substring(text.indexOf("Next:"));
        assertTrue(next.startsWith("Next: stage 6,"), "the stage whose code is wrong comes next:\n" + text);
        assertTrue(next.contains("a loop in stage 6's code") && next.contains("Hint: make stage 6's part"),
                "its message and hint are shown:\n" + next);
        assertTrue(next.contains("./kit hint 6"), "the hint command is stage 6's:\n" + next);
        assertTrue(text.contains("stage  6  Shutdown and sleeping   [") && !text.contains("later (-Dstage=6)"),
                "stage 6 gets its line, not \"later\":\n" + text);
    }

    @Test
    @DisplayName("tests left out after one of their stage waited in vain for a server say why on the stage's line")
    void waitedInVainLeavesTheStageOut() {
        List<Result> results = new ArrayList<>(passing(10));
        results.add(passed(11, "a client's line reaches the protocol"));
        results.add(failed(11, "a client that stops sending is answered and closed",
                "the server did not close the connection within 5000 ms", "link the socket's signal"));
        results.add(new Result(11, Status.NOT_RUN, "idle clients are closed", "not run: an earlier test of this stage"
                + " (a client that stops sending is answered and closed) waited in vain for the server, and this one"
                + " would most likely wait as long; fix that first", "", "", false));
        String text = board(results, Policy.ROUND_ROBIN, 0).grade(11, "solutions").text();
        assertTrue(text.contains("1 of 3 tests pass (1 not run: a test waited in vain for the server, and they would"
                + " too)"), "stage 11's line says why a test did not run:\n" + text);
    }

    @Test
    @DisplayName("a results line survives being written and read back")
    void resultLines() {
        Result result = new Result(3, Status.FAILED, "a\ttitle", "two\nlines", "hint", "Boxes", true);
        Result back = Result.fromLine(result.toLine());
        assertEquals(new Result(3, Status.FAILED, "a title", "two | lines", "hint", "Boxes", true), back);
    }
}
