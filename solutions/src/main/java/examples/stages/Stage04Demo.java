package examples.stages;

import axon.Postman;
import axon.Scheduler;
import examples.components.Consumer;
import examples.components.Producer;

/**
 * Stage 4 at work: a {@link Producer} and a {@link Consumer} joined by a
 * {@link Postman}, run cycle by cycle, showing where the messages wait.
 *
 * <pre>
 * ./mvnw -q -pl exercises compile exec:java -Dexec.mainClass=examples.stages.Stage04Demo
 * </pre>
 */
public final class Stage04Demo {
    private Stage04Demo() {
    }

    /** Prints the trace that the handbook shows as stage 4's expected output. */
    public static void main(String[] args) {
        // tag::demo[]
        Scheduler scheduler = new Scheduler();
        Producer producer = new Producer("hello", 3);
        Consumer consumer = new Consumer(message -> System.out.println("  consumer got " + message));
        // Activated back to front on purpose: each cycle, the consumer runs before the
        // postman, and the postman before the producer.
        consumer.activate(scheduler);
        new Postman(producer.outbox("outbox"), consumer.inbox("inbox")).activate(scheduler);
        producer.activate(scheduler);
        CycleByCycle.run(scheduler, 5, producer.outbox("outbox"), consumer.inbox("inbox"));
        System.out.println("still running: " + scheduler.microprocesses().size()
                + " (the postman and the consumer never finish)");
        // end::demo[]
    }
}
