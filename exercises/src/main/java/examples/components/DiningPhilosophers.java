package examples.components;

import axon.Component;
import axon.stm.Store;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntPredicate;
import kamaelia.chassis.Graphline;

/**
 * Sets a table for dining philosophers: philosophers in a ring with a fork between each
 * two neighbours, the forks in a {@link Store}. Philosopher {@code i} (counting from 0)
 * eats with {@code fork i+1} on the left and {@code fork i+2} on the right; the last one
 * with the last fork and {@code fork 1}.
 *
 * <pre>{@code
 * Store store = new Store();
 * Graphline table = DiningPhilosophers.table(store, DiningPhilosophers.NAMES, 2, seat -> false);
 * new Pipeline(table, new ConsolePrinter()).activate(scheduler);
 * scheduler.run();
 * }</pre>
 */
public final class DiningPhilosophers {
    /** Five philosophers, as in Dijkstra's problem. */
    public static final List<String> NAMES = List.of("Aristotle", "Kant", "Spinoza", "Marx", "Russell");

    private DiningPhilosophers() {
    }

    /** The key of fork {@code number} in the store, counting from 1: {@code "fork 1"}. */
    public static String fork(int number) {
        return "fork " + number;
    }

    /**
     * A table: a {@link Graphline} of philosophers, one per name, each eating
     * {@code meals} meals with forks kept in {@code store}. What they say leaves through
     * the graphline's {@code outbox}; it ends, and sends {@code ProducerFinished} out of
     * {@code signal}, when all have eaten.
     *
     * @param threaded which seats (counting from 0) get a {@link ThreadedPhilosopher}
     *                 rather than a cooperative {@link Philosopher}
     */
    public static Graphline table(Store store, List<String> names, int meals, IntPredicate threaded) {
        Map<String, Component> philosophers = new LinkedHashMap<>();
        Map<String, String> links = new LinkedHashMap<>();
        for (int seat = 0; seat < names.size(); seat++) {
            String name = names.get(seat);
            String left = fork(seat + 1);
            String right = fork(seat + 1 == names.size() ? 1 : seat + 2);
            String child = name.toLowerCase(Locale.ROOT);
            philosophers.put(child, threaded.test(seat)
                    ? new ThreadedPhilosopher(name, store, left, right, meals)
                    : new Philosopher(name, store, left, right, meals));
            links.put(child + ".outbox", "self.outbox");
        }
        return new Graphline(philosophers, links);
    }
}
