package examples.components;

import axon.Component;
import axon.Outbox;

/**
 * Sends {@code "<message> 1"}, {@code "<message> 2"}, ... out of {@code outbox}, one
 * per step, and finishes after the given number.
 */
@Outbox(name = "outbox", doc = "The numbered messages, one per step")
public class Producer extends Component {
    private final String message;
    private final int count;
    private int sent = 0;

    /** A producer of {@code count} numbered copies of {@code message}. */
    public Producer(String message, int count) {
        this.message = message;
        this.count = count;
    }

    // tag::step[]
    @Override
    protected boolean step() {
        if (sent < count) {
            sent++;
            send(message + " " + sent, "outbox");
        }
        return sent < count;
    }
    // end::step[]
}
