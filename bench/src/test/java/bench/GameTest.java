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
}
