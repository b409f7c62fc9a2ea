package bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Each model plays a correct game: exactly the kicks asked for, then everyone stops. Not a measurement. */
@Timeout(60)
class GameTest {
    @Test
    @DisplayName("every model plays a small game to the end, with exactly the kicks asked for, twice in a row")
    void everyModelPlays() throws Exception {
        for (Model model : Model.values()) {
            try (Game game = model.newGame()) {
                for (int round = 0; round < 2; round++) {
                    game.setUp(50, 777, round);
                    assertEquals(777, game.play(), model + " made the wrong number of kicks");
                }
            }
        }
    }

    @Test
    @DisplayName("Pekko's models can be set up again without a game between, as the memory measurement does")
    void setUpTwice() throws Exception {
        for (Model model : List.of(Model.PEKKO, Model.PEKKO_ONE_THREAD)) {
            try (Game game = model.newGame()) {
                game.setUp(2, 1, 1);
                game.setUp(20, 1, 1);
            }
        }
    }

    @Test
    @DisplayName("the wake-up game wakes every member once a round, on each of the kit's schedulers, twice in a row")
    void wakeUpsPlay() {
        for (Model model : WakeUpBenchmark.models()) {
            try (WakeUps game = WakeUpBenchmark.newGame(model)) {
                for (int round = 0; round < 2; round++) {
                    game.setUp(40, 7);
                    assertEquals(280, game.play(), model + " woke the wrong number of members");
                }
            }
        }
    }

    @Test
    @DisplayName("the wake-up table gives event-driven against stage 6 at each N")
    void wakeUpTable() {
        String table = Report.wakeUpTable(List.of(
                new Report.WakePoint(Model.EVENT_DRIVEN, 10_000, 1000, 1.0, 0.1),
                new Report.WakePoint(Model.ROUND_ROBIN_SLEEPING, 10_000, 1000, 2.0, 0.1)));
        assertTrue(table.contains("event-driven / stage 6"), table);
        assertTrue(table.contains("2.00x"), table);
    }

    @Test
    @DisplayName("no model's label has a comma, which would split its column of the CSV files")
    void labelsFitTheCsv() {
        for (Model model : Model.values()) {
            assertTrue(!model.label().contains(","), model + "'s label \"" + model.label() + "\" has a comma");
        }
    }

    @Test
    @DisplayName("a game of two members kicks the sack back and forth")
    void twoMembers() throws Exception {
        try (Game game = Model.EVENT_DRIVEN.newGame()) {
            game.setUp(2, 10, 1);
            assertEquals(10, game.play());
        }
    }

    @Test
    @DisplayName("the report's table names every model and gives the ratios at N = 10,000")
    void table() {
        List<Report.Point> points = List.of(
                new Report.Point(Model.EVENT_DRIVEN, 10_000, 1000, 1.0, 0.1),
                new Report.Point(Model.HAND_LOOP, 10_000, 1000, 0.5, 0.1));
        String table = Report.table(points, java.util.Map.of(Model.EVENT_DRIVEN, 500L), true);
        assertTrue(table.contains("event-driven (stage 10)"), table);
        assertTrue(table.contains("0.50x"), table);
        assertTrue(table.contains("1,000,000"), table);
    }

    @Test
    @DisplayName("the figures file counts the points within 10 % and names the one with the largest error")
    void figuresGiveTheError() {
        List<Report.Point> points = List.of(
                new Report.Point(Model.EVENT_DRIVEN, 10_000, 1000, 100.0, 5.0),
                new Report.Point(Model.HAND_LOOP, 10_000, 1000, 50.0, 10.0),
                new Report.Point(Model.VIRTUAL_THREADS, 1_000, 1000, 200.0, 2.0));
        String figures = Report.figures(points, List.of(), java.util.Map.of(), false);
        assertTrue(figures.contains(":hackysack-points: 3\n"), figures);
        assertTrue(figures.contains(":hackysack-points-within-10-percent: 2\n"), figures);
        assertTrue(figures.contains(":hackysack-largest-error: 20 %\n"), figures);
        assertTrue(figures.contains(":hackysack-largest-error-at: hand-written loop at 10,000 members\n"), figures);
        assertTrue(figures.contains(":hackysack-event-driven-vs-loop-10k: 0.50\n"), figures);
    }

    @Test
    @DisplayName("a quick run, whose games are too few for an error, claims none")
    void quickRunClaimsNoError() {
        List<Report.Point> points = List.of(new Report.Point(Model.EVENT_DRIVEN, 10_000, 1000, 100.0, 0));
        String figures = Report.figures(points, List.of(), java.util.Map.of(), true);
        assertTrue(figures.contains(":hackysack-points-within-10-percent: ?\n"), figures);
        assertTrue(figures.contains(":hackysack-largest-error: ?\n"), figures);
        String table = Report.table(points, java.util.Map.of(), true);
        assertTrue(table.contains("too few games"), table);
        assertTrue(!table.contains("Within 10 %"), table);
    }

    @Test
    @DisplayName("the summary gives JMH's error for every point, as a share of it")
    void summaryGivesEveryError() {
        List<Report.Point> points = List.of(
                new Report.Point(Model.EVENT_DRIVEN, 10_000, 1000, 100.0, 5.0),
                new Report.Point(Model.HAND_LOOP, 1_000, 1000, 50.0, 10.0));
        String table = Report.table(points, java.util.Map.of(), false);
        assertTrue(table.contains("5.0%"), table);
        assertTrue(table.contains("20.0%"), table);
        assertTrue(table.contains("Within 10 %: 1 of 2 points; the largest, 20 %, hand-written loop at N=1,000"), table);
    }

    @Test
    @DisplayName("a full run measures every model in three JVMs or more, each with the same arguments; a quick run in one")
    void fullPlan() {
        for (Model model : Model.values()) {
            var full = Report.options(HackysackBenchmark.class, model, false).build();
            var quick = Report.options(HackysackBenchmark.class, model, true).build();
            assertTrue(full.getForkCount().get() >= 3, model + " runs in " + full.getForkCount().get() + " JVMs");
            assertEquals(1, quick.getForkCount().get(), model + "'s quick run");
            assertEquals(List.of(Report.forkArguments()), List.copyOf(full.getJvmArgsAppend().get()), model + "'s JVM");
        }
        String plan = Report.plan(false);
        for (Model model : Model.values()) {
            assertTrue(plan.contains(model.shortLabel()), plan);
        }
    }
}
