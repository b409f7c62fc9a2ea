package examples.stages;

import axon.Component;
import axon.Ipc;
import axon.Linkage;
import axon.Microprocess;
import axon.Scheduler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kamaelia.util.ConsolePrinter;
import kamaelia.util.PureTransformer;
import kamaelia.util.Source;

/**
 * Stage 6 at work: three components wired by hand, shown cycle by cycle as they fall
 * asleep, wake up on a delivery and end one after the other; then a chain with nothing
 * to do, which sleeps until a shutdown message stops it.
 *
 * <pre>
 * ./mvnw -q -pl exercises compile exec:java -Dexec.mainClass=examples.stages.Stage06Demo
 * </pre>
 */
public final class Stage06Demo {
    private Stage06Demo() {
    }

    /** Prints the trace that the handbook shows as stage 6's expected output. */
    public static void main(String[] args) {
        // tag::demo[]
        // Part 1: a source of two words, a transformer and a printer, each one's outbox
        // linked to the next one's inbox and each one's signal to the next one's control.
        Scheduler scheduler = new Scheduler();
        Source source = new Source(List.of("one", "two"));
        PureTransformer upper = new PureTransformer(word -> ((String) word).toUpperCase());
        ConsolePrinter printer = new ConsolePrinter();
        chain(scheduler, source, upper, printer);
        Map<Microprocess, String> names = Map.of(source, "source", upper, "upper", printer, "printer");
        boolean running = true;
        for (int cycle = 1; running; cycle++) {
            System.out.println("cycle " + cycle);
            running = scheduler.runCycles(1);    // the printer prints during the cycle
            System.out.println("  awake " + awake(scheduler, names)
                    + ", asleep " + named(scheduler.asleep(), names));
        }

        // Part 2: a chain with no source. Nothing arrives, so everything falls asleep,
        // and run() returns instead of stepping sleepers for ever.
        Scheduler quiet = new Scheduler();
        PureTransformer first = new PureTransformer(word -> ((String) word).toUpperCase());
        PureTransformer second = new PureTransformer(word -> word + "!");
        ConsolePrinter end = new ConsolePrinter();
        chain(quiet, first, second, end);
        quiet.run();    // also names the three sleepers on standard error
        System.out.println("run() returned with " + quiet.asleep().size() + " asleep");
        first.inbox("inbox").put("last words");
        first.inbox("control").put(new Ipc.ShutdownMicroprocess());
        quiet.run();
        System.out.println("after ShutdownMicroprocess: " + quiet.microprocesses().size() + " left");
        // end::demo[]
    }

    // tag::chain[]
    /**
     * Links each component's {@code outbox} to the next one's {@code inbox} and its
     * {@code signal} to the next one's {@code control}, by hand (stage 7's pipeline will do
     * this), then activates them in order.
     */
    private static void chain(Scheduler scheduler, Component... components) {
        for (int i = 0; i + 1 < components.length; i++) {
            Linkage.link(components[i].outbox("outbox"), components[i + 1].inbox("inbox"));
            Linkage.link(components[i].outbox("signal"), components[i + 1].inbox("control"));
        }
        for (Component component : components) {
            component.activate(scheduler);
        }
    }
    // end::chain[]

    /** The names of the microprocesses that are awake: not finished, and not asleep. */
    private static List<String> awake(Scheduler scheduler, Map<Microprocess, String> names) {
        List<Microprocess> awake = new ArrayList<>(scheduler.microprocesses());
        awake.removeAll(scheduler.asleep());
        return named(awake, names);
    }

    private static List<String> named(List<Microprocess> microprocesses, Map<Microprocess, String> names) {
        return microprocesses.stream().map(names::get).toList();
    }
}
