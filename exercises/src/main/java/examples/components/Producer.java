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
    private final int times;
    private int sent = 0;

    /** A producer of {@code times} numbered copies of {@code message}. */
    public Producer(String message, int times) {
        this.message = message;
        this.times = times;
    }

    @Override
    protected boolean step() {
        if (sent < times) {
            sent++;
            send(message + " " + sent, "outbox");
        }
        return sent < times;
    }
}
