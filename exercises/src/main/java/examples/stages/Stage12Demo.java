package examples.stages;

import axon.Component;
import axon.Scheduler;
import examples.components.Typist;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kamaelia.chassis.Graphline;
import kamaelia.chassis.Pipeline;
import kamaelia.experimental.Interpreter;
import kamaelia.experimental.Introspector;
import kamaelia.util.Backplane;
import kamaelia.util.PublishTo;
import kamaelia.util.Recorder;
import kamaelia.util.SubscribeTo;

/**
 * Stage 12 at work: an interpreter inside a running system. A script types snippets into
 * it as a person would at a console: plain Java first, then a look at the live system
 * around it.
 *
 * <pre>
 * ./mvnw -q -pl exercises compile exec:java -Dexec.mainClass=examples.stages.Stage12Demo
 * </pre>
 *
 * The numbers in the names of microprocesses ({@code Interpreter#12}) depend on what ran
 * before in the same JVM, so the transcript shows them as {@code #n}.
 */
public final class Stage12Demo {
    private Stage12Demo() {
    }

    public static void main(String[] args) {
        List<String> script = List.of(
                "6 * 7",
                "String greet(String who) {\n    return \"Hello, \" + who + \"!\";\n}",
                "greet(\"Ada\")",
                "1 / 0",
                "greeting + 1",
                "self.inbox(\"inbox\").description()",
                "scheduler.services().names()",
                "look()");
        Map<String, Component> world = new LinkedHashMap<>();
        world.put("backplane", new Backplane("news"));                // a small system to look at
        world.put("publisher", new PublishTo("news"));
        world.put("reader", new Pipeline(new SubscribeTo("news"), new Recorder()));
        world.put("typist", new Typist(script, Stage12Demo::show));   // stands in for a person at a console
        world.put("interpreter", new Interpreter());
        world.put("introspector", new Introspector());
        Scheduler scheduler = new Scheduler();
        new Graphline(world, Map.of(
                "typist.outbox", "interpreter.inbox",
                "interpreter.outbox", "typist.inbox",
                "interpreter.questions", "introspector.inbox",
                "introspector.outbox", "interpreter.answers",
                "typist.signal", "interpreter.control",                // the script ends: shut everything down
                "interpreter.signal", "introspector.control",
                "introspector.signal", "publisher.control",
                "publisher.signal", "backplane.control")).activate(scheduler);
        scheduler.run();
        System.out.println("all done: " + scheduler.microprocesses().size() + " microprocesses left");
    }

    /** Prints a line of the transcript, with the numbers in names shown as #n. */
    private static void show(String line) {
        System.out.println(line.replaceAll("#\\d+", "#n"));
    }
}
