package examples.stages;

import axon.Linkage;
import axon.Scheduler;
import examples.components.Consumer;
import examples.components.Producer;

/**
 * Stage 5 at work: the same {@link Producer} and {@link Consumer} as in stage 4, joined
 * by a link instead of a postman, then unlinked.
 *
 * <pre>
 * ./mvnw -q -pl exercises compile exec:java -Dexec.mainClass=examples.stages.Stage05Demo
 * </pre>
 */
public final class Stage05Demo {
    private Stage05Demo() {
    }

    /** Prints the trace that the handbook shows as stage 5's expected output. */
    public static void main(String[] args) {
        Scheduler scheduler = new Scheduler();
        Producer producer = new Producer("hello", 3);
        Consumer consumer = new Consumer(message -> System.out.println("  consumer got " + message));
        Linkage linkage = Linkage.link(producer.outbox("outbox"), consumer.inbox("inbox"));
        // The same back-to-front order as in stage 4, without the postman.
        consumer.activate(scheduler);
        producer.activate(scheduler);
        CycleByCycle.run(scheduler, 5, producer.outbox("outbox"), consumer.inbox("inbox"));
        System.out.println("still running: " + scheduler.microprocesses().size() + " (the consumer never finishes)");

        linkage.unlink();
        producer.outbox("outbox").put("after unlink");
        System.out.println("after unlink: " + CycleByCycle.waiting(producer.outbox("outbox"), consumer.inbox("inbox")));
    }
}
