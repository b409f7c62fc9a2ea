package grading;

import static org.junit.jupiter.api.Assertions.assertEquals;

import axon.Component;
import axon.Ipc;
import axon.Linkage;
import axon.Scheduler;
import grading.support.Graded;
import grading.support.GradedTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import kamaelia.util.Backplane;
import kamaelia.util.ConsolePrinter;
import kamaelia.util.PublishTo;
import kamaelia.util.Recorder;
import kamaelia.util.Sort;
import kamaelia.util.SubscribeTo;
import kamaelia.util.Tee;

/**
 * The shutdown idiom of stage 6 holds for the backplane's components and the other
 * components of kamaelia.util: "a component that ends sends a shutdown message out of
 * signal: the one that ended it" (chapter 6, The shutdown idiom).
 */
@Graded(stage = 8, title = "services and the Backplane, every component passes its shutdown on")
class Stage08ShutdownPassedOnTest {

    @GradedTest(order = 1, value = "Backplane, PublishTo, SubscribeTo and the util components end on"
            + " ShutdownMicroprocess and send it on out of signal")
    void everyComponentPassesItsShutdownOn() {
        Map<String, Supplier<Component>> components = new LinkedHashMap<>();
        components.put("Backplane", () -> new Backplane("elsewhere"));
        components.put("PublishTo", () -> new PublishTo("news"));
        components.put("SubscribeTo", () -> new SubscribeTo("news"));
        components.put("ConsolePrinter", () -> new ConsolePrinter(new PrintStream(new ByteArrayOutputStream())));
        components.put("Sort", Sort::new);
        components.put("Tee", Tee::new);
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Supplier<Component>> entry : components.entrySet()) {
            Scheduler scheduler = new Scheduler();
            Backplane news = new Backplane("news");
            news.activate(scheduler);
            scheduler.runCycles(2);
            Component component = entry.getValue().get();
            Recorder next = new Recorder();
            Linkage.link(component.outbox("signal"), next.inbox("control"));
            component.activate(scheduler);
            next.activate(scheduler);
            scheduler.runCycles(5);
            Ipc.ShutdownMicroprocess shutdown = new Ipc.ShutdownMicroprocess();
            component.inbox("control").put(shutdown);
            scheduler.runCycles(20);
            if (!component.isFinished()) {
                wrong.add(entry.getKey() + " did not end");
            } else if (!(next.endedBy() instanceof Ipc.ShutdownMicroprocess)) {
                wrong.add(entry.getKey() + " ended but sent " + (next.endedBy() == null ? "nothing" : next.endedBy())
                        + " out of signal instead of the ShutdownMicroprocess that ended it");
            }
        }
        assertEquals(List.of(), wrong, "\"a component that ends sends a shutdown message out of signal: the one that"
                + " ended it\" (chapter 6, The shutdown idiom), so that one message ends a whole chain");
    }
}
