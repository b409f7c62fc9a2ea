package kamaelia.util;

import axon.Inbox;
import axon.Outbox;
import java.util.function.Function;

/**
 * Applies a function to every message and sends on the result; a {@code null} result
 * sends nothing, so the same component can transform and filter.
 *
 * <pre>{@code
 * new PureTransformer(line -> ((String) line).toUpperCase())
 * }</pre>
 * Ends when a shutdown message arrives on {@code control}, after handling every message
 * that arrived before it, and passes the message on out of {@code signal}: it is a
 * {@link MessageHandler}.
 */
@Inbox(name = "inbox", doc = "Messages to transform")
@Outbox(name = "outbox", doc = "The function's result for each message, unless it was null")
public class PureTransformer extends MessageHandler {
    private final Function<Object, Object> function;

    /** A transformer applying {@code function} to every message. */
    public PureTransformer(Function<Object, Object> function) {
        this.function = function;
    }

    @Override
    protected void handle(Object message) {
        Object result = function.apply(message);
        if (result != null) {
            send(result, "outbox");
        }
    }
}
