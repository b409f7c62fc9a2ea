package examples.components;

import axon.Component;
import axon.Inbox;

/**
 * Hands every message that arrives in {@code inbox} to an output, such as
 * {@code System.out::println}. It never finishes by itself.
 */
@Inbox(name = "inbox", doc = "Messages to write out")
public class Consumer extends Component {
    private final java.util.function.Consumer<Object> output;

    /** A consumer that writes each message it receives to {@code output}. */
    public Consumer(java.util.function.Consumer<Object> output) {
        this.output = output;
    }

    @Override
    protected boolean step() {
        while (dataReady("inbox")) {
            output.accept(recv("inbox"));
        }
        return true;
    }
}
