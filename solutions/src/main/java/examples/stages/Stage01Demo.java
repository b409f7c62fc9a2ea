package examples.stages;

import axon.Scheduler;
import examples.components.Greeter;
import java.util.ArrayList;
import java.util.List;

/**
 * Stage 1 at work: one {@link Greeter}, stepped by hand, showing what each call of
 * {@code next()} writes and returns. Here the demo plays the scheduler's part.
 *
 * <pre>
 * ./mvnw -q -pl exercises compile exec:java -Dexec.mainClass=examples.stages.Stage01Demo
 * </pre>
 */
public final class Stage01Demo {
    private Stage01Demo() {
    }

    /** Prints the trace that the handbook shows as stage 1's expected output. */
    public static void main(String[] args) {
        // tag::demo[]
        List<String> written = new ArrayList<>();
        Greeter greeter = new Greeter(List.of("Ada", "Alan"), written::add);
        greeter.activate(new Scheduler());
        System.out.println("activated; written so far: " + written);
        // Two names take four steps; stop at ten in case a greeter never finishes.
        for (int step = 1; step <= 10 && !greeter.isFinished(); step++) {
            boolean again = greeter.next();
            System.out.println("step " + step + " wrote " + written + " and returned " + again);
            written.clear();
        }
        System.out.println("finished; next() now returns " + greeter.next() + " and writes " + written);
        // end::demo[]
    }
}
