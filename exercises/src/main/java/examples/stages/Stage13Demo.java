package examples.stages;

import axon.Scheduler;
import axon.stm.ConcurrentUpdate;
import axon.stm.Store;
import axon.stm.Value;
import examples.components.DiningPhilosophers;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kamaelia.chassis.Pipeline;
import kamaelia.util.ConsolePrinter;
import kamaelia.util.Recorder;

/**
 * Stage 13 at work: two copies of one value, of which only the first commit wins; then
 * five cooperative philosophers dining on forks kept in a store; then a table of
 * cooperative and threaded philosophers together, summed up.
 *
 * <pre>
 * ./mvnw -q -pl exercises compile exec:java -Dexec.mainClass=examples.stages.Stage13Demo
 * </pre>
 */
public final class Stage13Demo {
    private Stage13Demo() {
    }

    /** Prints the trace that the handbook shows as stage 13's expected output. */
    public static void main(String[] args) {
        Store store = new Store();
        Value mine = store.usevar("greeting");
        Value yours = store.usevar("greeting"); // two copies of version 0
        mine.set("hello");
        mine.commit();
        System.out.println("committed: " + store.usevar("greeting"));
        yours.set("bonjour");
        try {
            yours.commit();
        } catch (ConcurrentUpdate e) {
            System.out.println("refused: " + e.getMessage());
        }
        System.out.println("still: " + store.usevar("greeting"));

        Store forks = new Store();
        Scheduler scheduler = new Scheduler();
        new Pipeline(
                DiningPhilosophers.table(forks, DiningPhilosophers.NAMES, 2, seat -> false),
                new ConsolePrinter()
        ).activate(scheduler);
        scheduler.run();
        System.out.println("on the table: " + forks.usevars("fork 1", "fork 2", "fork 3", "fork 4", "fork 5"));

        Store shared = new Store();
        Scheduler mixed = new Scheduler();
        Recorder said = new Recorder();
        new Pipeline(
                DiningPhilosophers.table(shared, DiningPhilosophers.NAMES, 20, seat -> seat % 2 == 0),
                said
        ).activate(mixed);
        mixed.run();
        System.out.println("Aristotle, Spinoza and Russell on threads, meals eaten: " + meals(said.collected()));
        System.out.println("on the table: " + shared.usevars("fork 1", "fork 2", "fork 3", "fork 4", "fork 5"));
    }

    /** How many meals each philosopher ate, from what they said. */
    private static Map<String, Integer> meals(List<Object> said) {
        Map<String, Integer> meals = new TreeMap<>();
        for (Object line : said) {
            String text = (String) line;
            if (text.contains(" eats ")) {
                meals.merge(text.substring(0, text.indexOf(' ')), 1, Integer::sum);
            }
        }
        return meals;
    }
}
