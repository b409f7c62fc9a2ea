package examples.stages;

import axon.Box;
import axon.BoxNotFound;
import axon.Component;
import axon.EmptyBox;
import axon.Inbox;
import axon.Outbox;
import axon.Scheduler;

/**
 * Stage 3 at work: a small component, its declared boxes, one cycle of work, and the
 * two mistakes that boxes turn into clear errors.
 *
 * <pre>
 * ./mvnw -q -pl exercises compile exec:java -Dexec.mainClass=examples.stages.Stage03Demo
 * </pre>
 */
public final class Stage03Demo {
    private Stage03Demo() {
    }

    // tag::shouter[]
    /** Turns each text that arrives into capitals. */
    @Inbox(name = "inbox", doc = "Text to shout")
    @Outbox(name = "outbox", doc = "The same text in capitals")
    static final class Shouter extends Component {
        @Override
        protected boolean step() {
            while (dataReady("inbox")) {
                String text = recv("inbox", String.class);
                send(text.toUpperCase(), "outbox");
            }
            return true;
        }
    }
    // end::shouter[]

    /** Prints the trace that the handbook shows as stage 3's expected output. */
    public static void main(String[] args) {
        // tag::demo[]
        Shouter shouter = new Shouter();
        for (Box box : shouter.inboxes()) {
            System.out.println("inbox  " + box.name() + ": " + box.description());
        }
        for (Box box : shouter.outboxes()) {
            System.out.println("outbox " + box.name() + ": " + box.description());
        }

        shouter.inbox("inbox").put("hello");
        shouter.inbox("inbox").put("world");
        Scheduler scheduler = new Scheduler();
        shouter.activate(scheduler);
        scheduler.runCycles(1);
        Box shouted = shouter.outbox("outbox");
        System.out.println("after one cycle the outbox holds " + shouted.size() + " messages:");
        while (!shouted.isEmpty()) {
            System.out.println("  " + shouted.take());
        }

        try {
            shouter.inbox("inbx");
        } catch (BoxNotFound error) {
            System.out.println(withoutNumber(error));
        }
        try {
            shouter.inbox("inbox").take();
        } catch (EmptyBox error) {
            System.out.println(withoutNumber(error));
        }
        // end::demo[]
    }

    /**
     * An error's message with the component's number replaced by {@code n}: the number
     * depends on how many microprocesses the program made before, and this output is
     * compared word for word with the handbook's.
     */
    private static String withoutNumber(RuntimeException error) {
        return error.getClass().getSimpleName() + ": " + error.getMessage().replaceAll("#\\d+", "#n");
    }
}
