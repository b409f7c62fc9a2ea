package examples.programs;

import axon.Scheduler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import kamaelia.chassis.Pipeline;
import kamaelia.util.ConsolePrinter;
import kamaelia.util.Grep;
import kamaelia.util.Source;

/**
 * {@code grep PATTERN FILE} as a pipeline of three components: the file's lines, a
 * grep, and a printer. The system ends by itself when the lines run out.
 *
 * <pre>
 * ./mvnw -q -pl exercises compile exec:java -Dexec.mainClass=examples.programs.GrepFile -Dexec.args="ERROR server.log"
 * </pre>
 */
public final class GrepFile {
    private GrepFile() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: GrepFile PATTERN FILE");
            System.exit(2);
        }
        Scheduler scheduler = new Scheduler();
        new Pipeline(
                new Source(Files.readAllLines(Path.of(args[1]))),
                new Grep(args[0]),
                new ConsolePrinter()
        ).activate(scheduler);
        scheduler.run();
    }
}
