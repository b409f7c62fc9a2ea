package axon;

/**
 * A postman: a microprocess that carries messages from one box to another.
 *
 * <h2>What it is</h2>
 * This is how the first Axon delivered messages: components put messages into their
 * outboxes, and a postman, scheduled like everything else, collects them and puts them
 * into the inbox they are meant for. It works, but every message waits for the postman's
 * next turn and every link costs a microprocess. Stage 5 replaces it with
 * {@link Linkage}s, which deliver as the message is sent.
 *
 * <h2>Example</h2>
 * <pre>{@code
 * new Postman(producer.outbox("outbox"), consumer.inbox("inbox")).activate(scheduler);
 * }</pre>
 *
 * <h2>Contract</h2>
 * Each step moves every message waiting in the source box to the sink box, oldest first,
 * and the postman keeps running: it never finishes by itself.
 */
public class Postman extends Microprocess {
    // tag::exercise[]
    private final Box from;
    private final Box to;

    /** A postman that carries messages from {@code from} to {@code to}. */
    public Postman(Box from, Box to) {
        this.from = from;
        this.to = to;
    }

    @Override
    protected boolean step() {
        // >>> stage 4 step: move every waiting message from the source box to the sink box, oldest first; keep running
        while (!from.isEmpty()) {
            to.put(from.take());
        }
        return true;
        // <<< stage 4
    }
    // end::exercise[]
}
