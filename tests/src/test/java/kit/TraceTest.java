package kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import axon.Box;
import axon.Linkage;
import axon.Scheduler;
import axon.Trace;
import axon.Trace.Event;
import axon.Trace.Kind;
import kamaelia.experimental.trace.TracePicture;
import examples.components.Consumer;
import examples.components.Producer;
import grading.support.Board;
import grading.support.Result;
import grading.support.Stage;
import grading.support.Status;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The trace of issue 18: bounded, in order, and offered by the board where a stage-5 message went astray. */
@Tag("kit")
@DisplayName("Kit: the trace of what ran")
class TraceTest {
    private static final Path ROOT = StageListTest.ROOT;

    @AfterEach
    void stopRecording() {
        Trace.stop();
    }

    /** The trace, of this capacity, of {@code producer} linked to {@code consumer} and run for this many cycles. */
    private static Trace traced(int capacity, Producer producer, Consumer consumer, int cycles) {
        Trace trace = Trace.start(capacity);
        Scheduler scheduler = new Scheduler();
        Linkage.link(producer.outbox("outbox"), consumer.inbox("inbox"));
        producer.activate(scheduler);
        consumer.activate(scheduler);
        scheduler.runCycles(cycles);
        Trace.stop();
        return trace;
    }

    @Test
    @DisplayName("a trace keeps the last N events only, numbered in order, and says how many it dropped")
    void bounded() {
        Trace trace = traced(100, new Producer("m", 1_000), new Consumer(message -> { }), 1_100);
        List<Event> events = trace.events();
        assertEquals(100, events.size(), "a trace of capacity 100 must keep 100 events");
        assertTrue(trace.dropped() > 2_000, "about 4,000 events happened, so most must be dropped: " + trace.dropped());
        for (int i = 1; i < events.size(); i++) {
            assertEquals(events.get(i - 1).number() + 1, events.get(i).number(), "the events kept are the last ones, in order");
        }
        assertEquals(trace.dropped() + events.size(), events.getLast().number(), "the last event kept is the last one that happened");
    }

    @Test
    @DisplayName("a trace of a producer linked to a consumer holds the link, then each put (stored in the inbox) and its take, in order")
    void pipelineInOrder() {
        Producer producer = new Producer("hello", 2);
        Consumer consumer = new Consumer(message -> { });
        Trace trace = traced(1_000, producer, consumer, 4);
        Box outbox = producer.outbox("outbox");
        Box inbox = consumer.inbox("inbox");
        List<String> seen = new ArrayList<>();
        for (Event e : trace.events()) {
            switch (e.kind()) {
                case LINK -> seen.add("link " + e.box() + " -> " + e.to());
                case PUT -> seen.add(e.who() + " put " + e.text() + " into " + e.box() + " stored in " + e.to());
                case TAKE -> seen.add(e.who() + " take " + e.text() + " from " + e.box());
                default -> { }
            }
        }
        String p = producer.name(), c = consumer.name();
        assertEquals(List.of(
                "link " + outbox + " -> " + inbox,
                p + " put hello 1 into " + outbox + " stored in " + inbox,
                c + " take hello 1 from " + inbox,
                p + " put hello 2 into " + outbox + " stored in " + inbox,
                c + " take hello 2 from " + inbox), seen);
        assertTrue(trace.events().stream().anyMatch(e -> e.kind() == Kind.CYCLE && e.cycle() == 4), "cycles are recorded");
        assertTrue(trace.events().stream().anyMatch(e -> e.kind() == Kind.STEP && e.who().equals(c)), "steps are recorded");
    }

    @Test
    @DisplayName("a trace of 100,000 events is written as a page that draws only the rows on screen, and an SVG of the last rows")
    void bigTraceFiles(@TempDir Path folder) throws Exception {
        Trace trace = traced(100_000, new Producer("m", 40_000), new Consumer(message -> { }), 40_000);
        assertEquals(100_000, trace.events().size());
        Path page = TracePicture.write(trace, folder.resolve("big"));
        String html = Files.readString(page);
        assertTrue(html.contains("requestAnimationFrame") && html.contains("Math.floor(top / ROW)"),
                "the page must draw only the visible rows");
        assertTrue(!html.contains("http://") && !html.contains("https://"), "the page must need no network");
        String svg = Files.readString(folder.resolve("big.svg"));
        long rows = svg.lines().filter(line -> line.startsWith("<text") && line.contains("stored in")).count();
        assertTrue(rows > 0 && rows <= 400, "the SVG must show at most its last 400 events, not " + rows);
        assertTrue(Files.readString(folder.resolve("big.txt")).lines().count() > 100_000);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    @DisplayName("the handbook's trace pictures of the stage 4, 5 and 6 demos are what -Daxon.trace makes of them today")
    void handbookPicturesAreFresh(@TempDir Path folder) throws Exception {
        for (String stage : List.of("04", "05", "06")) {
            Path committed = ROOT.resolve("src-docs/src/docs/asciidoc/images/trace-stage-" + stage + ".svg");
            // The kit's own command, in a JVM of its own as a learner runs it: -Daxon.trace=FILE on the demo.
            Process run = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"),
                    "-Daxon.trace=" + folder.resolve("stage-" + stage), "examples.stages.Stage" + stage + "Demo")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            assertTrue(run.waitFor(60, TimeUnit.SECONDS), "the stage " + stage + " demo must end");
            assertEquals(Files.readString(committed), Files.readString(folder.resolve("stage-" + stage + ".svg")),
                    committed.getFileName() + " is out of date: make it again with the command below it in the handbook"
                            + " (-Daxon.trace=target/trace/stage-" + stage + ") and copy the .svg into the images");
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    @DisplayName("a planted stage-5 mistake (put keeps the message in the outbox): the board offers the failing test's trace, which shows the message left there")
    void plantedMistakeOffersTrace(@TempDir Path folder) throws Exception {
        Path source = ROOT.resolve("solutions/src/main/java/axon/Box.java");
        String right = "        sink.store(message);\n";
        String box = Files.readString(source);
        assertTrue(box.contains(right), "the planted mistake needs this line in Box.put: " + right);
        Path planted = folder.resolve("src/axon/Box.java");
        Files.createDirectories(planted.getParent());
        Files.writeString(planted, box.replace(right, "        store(message);\n"));
        List<Result> stage5 = PlantedRun.run(folder, planted, "grading.Stage05LinkagesTest").stream()
                .filter(r -> r.stage() == 5).toList();
        Result first = PlantedRun.firstFailure(stage5, "a stage-5 test");

        List<Result> board = new ArrayList<>();
        for (int stage = 1; stage <= 4; stage++) { // only stage 5 ran: the stages before it count as done
            board.add(new Result(stage, Status.PASSED, "stage " + stage + " works", "", "", "", false));
        }
        board.addAll(stage5);
        String text = new Board(Stage.all(), board, ROOT, Board.Policy.ROUND_ROBIN, 0).grade(5, "solutions").text();
        String offer = text.lines().filter(line -> line.contains("See where the messages went: open ")).findFirst()
                .orElse(null);
        assertNotNull(offer, "the board must offer the failing test's trace:\n" + text);
        String shown = offer.replaceFirst("^.*open (\\S+\\.html) .*$", "$1");
        assertTrue(shown.startsWith("traces" + File.separator), "the trace is written beside the results folder: " + shown);
        Path page = folder.resolve(shown);
        assertTrue(Files.isRegularFile(page), "the page offered must exist: " + page);
        String trace = Files.readString(page.resolveSibling(page.getFileName().toString().replace(".html", ".txt")),
                StandardCharsets.UTF_8);
        assertTrue(trace.lines().anyMatch(l -> l.contains(" puts hello into ") && l.contains("outbox (stored there, although it is linked to ")
                        && l.contains("the message did not follow the link")),
                "the trace must show the message put into the outbox and stored there:\n" + trace);
        assertTrue(trace.lines().anyMatch(l -> l.contains("left waiting in ") && l.contains(".outbox: 1 message: hello")),
                "the trace must end with the message left waiting in the outbox:\n" + trace);
    }
}
