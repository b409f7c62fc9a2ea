package examples.stages;

import axon.Component;
import axon.Ipc;
import axon.Linkage;
import axon.Scheduler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kamaelia.chassis.Graphline;
import kamaelia.chassis.Pipeline;
import kamaelia.util.ConsolePrinter;
import kamaelia.util.Grep;
import kamaelia.util.PureTransformer;
import kamaelia.util.Source;

/**
 * Stage 7 at work: a Pipeline that runs to the end by itself, a Graphline that looks
 * like one component from outside and is stopped through its control inbox, and a
 * Graphline whose link map has a typo.
 *
 * <pre>
 * ./mvnw -q -pl exercises compile exec:java -Dexec.mainClass=examples.stages.Stage07Demo
 * </pre>
 */
public final class Stage07Demo {
    private Stage07Demo() {
    }

    /** Prints the trace that the handbook shows as stage 7's expected output. */
    public static void main(String[] args) {
        // A pipeline: fruit | grep an | upper case | print
        Scheduler scheduler = new Scheduler();
        Pipeline pipeline = new Pipeline(
                new Source(List.of("apple", "banana", "cherry", "mango")),
                new Grep("an"),
                new PureTransformer(word -> ((String) word).toUpperCase()),
                new ConsolePrinter());
        System.out.println("pipeline built: " + pipeline.children().size() + " children, "
                + pipeline.linkages().size() + " links");
        pipeline.activate(scheduler);
        scheduler.run();
        System.out.println("pipeline finished: " + pipeline.isFinished() + ", " + pipeline.children().size()
                + " children and " + pipeline.linkages().size() + " links left, "
                + scheduler.microprocesses().size() + " microprocesses left");

        // A graphline: self.inbox -> shout -> mark -> self.outbox
        Map<String, Component> children = new LinkedHashMap<>();
        children.put("shout", new PureTransformer(word -> ((String) word).toUpperCase()));
        children.put("mark", new PureTransformer(word -> word + "!"));
        Map<String, String> links = new LinkedHashMap<>();
        links.put("self.inbox", "shout.inbox");
        links.put("shout.outbox", "mark.inbox");
        links.put("shout.signal", "mark.control");
        links.put("mark.outbox", "self.outbox");
        Graphline graphline = new Graphline(children, links);
        ConsolePrinter printer = new ConsolePrinter();
        Linkage.link(graphline.outbox("outbox"), printer.inbox("inbox"));
        Linkage.link(graphline.outbox("signal"), printer.inbox("control"));
        graphline.activate(scheduler);
        printer.activate(scheduler);
        graphline.inbox("inbox").put("hello");
        graphline.inbox("inbox").put("world");
        graphline.inbox("control").put(new Ipc.ProducerFinished());
        scheduler.run();
        System.out.println("graphline finished: " + graphline.isFinished() + ", "
                + scheduler.microprocesses().size() + " microprocesses left");

        // A typo in a link is caught when the graphline is built, not when it runs.
        try {
            new Graphline(Map.of("shout", new PureTransformer(word -> word)),
                    Map.of("shuot.outbox", "self.outbox"));
        } catch (IllegalArgumentException e) {
            System.out.println(e.getMessage());
        }
    }
}
