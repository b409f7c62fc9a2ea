package examples.programs;

import axon.Scheduler;
import java.nio.file.Path;
import kamaelia.chassis.Pipeline;
import kamaelia.file.Follow;
import kamaelia.util.ConsolePrinter;
import kamaelia.util.Grep;

/**
 * {@code tail -F FILE | grep PATTERN} as a pipeline of three components: a threaded
 * component that follows the file as it grows, a grep, and a printer. It runs until it
 * is stopped (Ctrl-C); while the file does not grow, it uses next to no processor time.
 *
 * <pre>
 * ./mvnw -q -pl solutions compile exec:java -Dexec.mainClass=examples.programs.TailGrep -Dexec.args="ERROR server.log"
 * </pre>
 */
public final class TailGrep {
    private TailGrep() {
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: TailGrep PATTERN FILE");
            System.exit(2);
        }
        Scheduler scheduler = new Scheduler();
        // tag::pipeline[]
        new Pipeline(
                new Follow(Path.of(args[1])),
                new Grep(args[0]),
                new ConsolePrinter()
        ).activate(scheduler);
        scheduler.run();
        // end::pipeline[]
    }
}
