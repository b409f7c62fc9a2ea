package examples.programs;

import axon.Component;
import axon.Scheduler;
import examples.components.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import kamaelia.chassis.Graphline;
import kamaelia.chassis.Pipeline;
import kamaelia.experimental.Consoles;
import kamaelia.experimental.Interpreter;
import kamaelia.util.Backplane;
import kamaelia.util.PublishTo;
import kamaelia.util.Recorder;
import kamaelia.util.SubscribeTo;

/**
 * A console into a running system, at the keyboard: a clock publishes a tick every
 * second to a backplane with two readers, and you type Java at the interpreter inside.
 *
 * <pre>
 * ./mvnw -q -pl exercises compile exec:java -Dexec.mainClass=examples.programs.Console
 * </pre>
 *
 * Then try {@code look()}, {@code self}, {@code scheduler.services().names()}, or
 * {@code ((Recorder) component("Recorder#7")).collected().size()} twice, a few seconds
 * apart (take the name from {@code look()}). {@code /exit} ends it.
 */
public final class Console {
    private Console() {
    }

    public static void main(String[] args) {
        // tag::console[]
        Map<String, Component> world = new LinkedHashMap<>();
        world.put("backplane", new Backplane("clock"));
        world.put("clock", new Pipeline(new Clock(Duration.ofSeconds(1)), new PublishTo("clock")));
        world.put("ada", new Pipeline(new SubscribeTo("clock"), new Recorder()));
        world.put("bob", new Pipeline(new SubscribeTo("clock"), new Recorder()));
        Interpreter interpreter = new Interpreter();
        // A read from System.in cannot be interrupted, so the console's reader would wait for
        // one more line after /exit: end the program when the interpreter ends instead.
        interpreter.whenFinished(() -> System.exit(0));
        world.put("console", Consoles.local(interpreter, System.in, System.out));
        Scheduler scheduler = new Scheduler();
        new Graphline(world, Map.of()).activate(scheduler);
        System.out.println("A console inside a running system: type Java, such as look() or self; /exit ends.");
        scheduler.run();
        // end::console[]
    }
}
