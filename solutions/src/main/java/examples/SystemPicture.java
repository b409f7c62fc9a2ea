package examples;

import axon.Component;
import axon.Scheduler;
import java.io.IOException;
import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kamaelia.Backplane;
import kamaelia.Collector;
import kamaelia.ConsolePrinter;
import kamaelia.Follow;
import kamaelia.Graphline;
import kamaelia.Grep;
import kamaelia.Interpreter;
import kamaelia.Introspector;
import kamaelia.Pipeline;
import kamaelia.PublishTo;
import kamaelia.SubscribeTo;

/**
 * Takes a picture of a running system from inside it: the walkthrough's
 * {@code tail -f | grep}, a backplane with a publisher and two readers, and a console,
 * whose interpreter is told to write {@code look().svg()} to a file.
 *
 * <pre>
 * ./mvnw -q -pl exercises compile exec:java -Dexec.mainClass=examples.SystemPicture -Dexec.args=system.svg
 * </pre>
 *
 * Open the file in a browser. The handbook's picture of stage 12 is made this way.
 */
public final class SystemPicture {
    private SystemPicture() {
    }

    /** Writes the picture to the file named by the first argument ({@code system.svg} if none). */
    public static void main(String[] args) throws IOException {
        Path picture = Path.of(args.length > 0 ? args[0] : "system.svg").toAbsolutePath();
        Path log = Files.createTempFile("server", ".log");
        try {
            run(picture, log);
        } finally {
            Files.deleteIfExists(log);
        }
        System.out.println("wrote " + picture);
    }

    private static void run(Path picture, Path log) {
        // tag::picture[]
        String path = picture.toString().replace("\\", "\\\\");
        List<String> script = List.of(
                "java.nio.file.Files.writeString(java.nio.file.Path.of(\"" + path + "\"), look().svg())");
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        Map<String, Component> world = new LinkedHashMap<>();
        world.put("errors", new Pipeline(new Follow(log), new Grep("ERROR"), new ConsolePrinter(quiet)));
        world.put("backplane", new Backplane("news"));
        world.put("publisher", new PublishTo("news"));
        world.put("ada", new Pipeline(new SubscribeTo("news"), new Collector()));
        world.put("bob", new Pipeline(new SubscribeTo("news"), new Collector()));
        world.put("typist", new Typist(script, line -> { }));
        world.put("interpreter", new Interpreter());
        world.put("introspector", new Introspector());
        Scheduler scheduler = new Scheduler();
        new Graphline(world, Map.of(
                "typist.outbox", "interpreter.inbox",
                "interpreter.outbox", "typist.inbox",
                "interpreter.questions", "introspector.inbox",
                "introspector.outbox", "interpreter.answers",
                "typist.signal", "interpreter.control",
                "interpreter.signal", "introspector.control",
                "introspector.signal", "publisher.control",
                "publisher.signal", "backplane.control",
                "backplane.signal", "errors.control")).activate(scheduler);
        scheduler.run();
        // end::picture[]
    }
}
