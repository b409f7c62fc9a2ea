package examples.stages;

import axon.Ipc;
import axon.Scheduler;
import kamaelia.chassis.Pipeline;
import kamaelia.util.Backplane;
import kamaelia.util.ConsolePrinter;
import kamaelia.util.PublishTo;
import kamaelia.util.PureTransformer;
import kamaelia.util.SubscribeTo;

/**
 * Stage 8 at work: a backplane called "weather", one publisher, and readers who
 * subscribe and leave while it runs; then the backplane is shut down.
 *
 * <pre>
 * ./mvnw -q -pl exercises compile exec:java -Dexec.mainClass=examples.stages.Stage08Demo
 * </pre>
 */
public final class Stage08Demo {
    private Stage08Demo() {
    }

    /** Prints the trace that the handbook shows as stage 8's expected output. */
    public static void main(String[] args) {
        // tag::demo[]
        Scheduler scheduler = new Scheduler();
        // tag::slide-backplane[]
        Backplane backplane = new Backplane("weather");
        backplane.activate(scheduler); // first: it registers the services
        PublishTo publisher = new PublishTo("weather");
        publisher.activate(scheduler);
        SubscribeTo ada = new SubscribeTo("weather");
        new Pipeline(ada, reader("Ada"), new ConsolePrinter()).activate(scheduler);
        // end::slide-backplane[]
        scheduler.runCycles(10);
        System.out.println("services: " + scheduler.services().names());

        publish(publisher, "rain at noon", scheduler);

        System.out.println("Bob subscribes");
        new Pipeline(new SubscribeTo("weather"), reader("Bob"), new ConsolePrinter()).activate(scheduler);
        scheduler.runCycles(10);
        publish(publisher, "sun by evening", scheduler);

        System.out.println("Ada leaves");
        ada.inbox("control").put(new Ipc.ShutdownMicroprocess());
        scheduler.runCycles(10);
        publish(publisher, "frost overnight", scheduler);

        System.out.println("the backplane and the publisher shut down");
        backplane.inbox("control").put(new Ipc.ShutdownMicroprocess());
        publisher.inbox("control").put(new Ipc.ShutdownMicroprocess());
        scheduler.run();
        System.out.println("services: " + scheduler.services().names() + ", "
                + scheduler.microprocesses().size() + " microprocesses left");
        // end::demo[]
    }

    /** Says what is published, gives it to the publisher, and runs ten cycles, enough for every subscriber to print it. */
    private static void publish(PublishTo publisher, String news, Scheduler scheduler) {
        System.out.println("publish: " + news);
        publisher.inbox("inbox").put(news);
        scheduler.runCycles(10);
    }

    /** A component that turns each publication into a line saying who read it. */
    private static PureTransformer reader(String name) {
        return new PureTransformer(news -> "  " + name + " reads: " + news);
    }
}
