package examples.stages;

import axon.Scheduler;
import java.time.Duration;
import java.util.List;
import kamaelia.chassis.Pipeline;
import kamaelia.util.ConsolePrinter;
import kamaelia.util.Source;
import kamaelia.util.ThreadedTransformer;

/**
 * Stage 9 at work: a step of a pipeline that blocks (here it sleeps, as a slow network
 * call would) runs on a thread of its own, and the scheduler sleeps while it waits.
 *
 * <pre>
 * ./mvnw -q -pl exercises compile exec:java -Dexec.mainClass=examples.stages.Stage09Demo
 * </pre>
 */
public final class Stage09Demo {
    private Stage09Demo() {
    }

    public static void main(String[] args) {
        Scheduler scheduler = new Scheduler();
        new Pipeline(
                new Source(List.of("Ada", "Alan", "Grace")),
                new ThreadedTransformer(name -> slowly("hello " + name)),   // blocks: fine on a thread
                new ConsolePrinter()
        ).activate(scheduler);
        scheduler.run();
        System.out.println(scheduler.cycles() < 100
                ? "the scheduler slept while the thread worked"
                : "the scheduler kept running while it had nothing to do: " + scheduler.cycles() + " cycles");
    }

    /** Returns {@code text} after a fifth of a second, like a slow service. */
    private static String slowly(String text) {
        try {
            Thread.sleep(Duration.ofMillis(200));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return text;
    }
}
