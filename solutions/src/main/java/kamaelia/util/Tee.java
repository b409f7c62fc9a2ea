package kamaelia.util;

import axon.Inbox;
import axon.Outbox;

/**
 * Sends every message on out of {@code outbox} and a copy out of {@code copy}, like the
 * {@code tee} command: a way to watch what flows along a link without changing it. (An
 * outbox links to one inbox only: sending to two is a component's job.) Ends like
 * {@link PureTransformer}: it is a {@link MessageHandler}.
 */
@Inbox(name = "inbox", doc = "Messages to pass on")
@Outbox(name = "outbox", doc = "Every message, in order")
@Outbox(name = "copy", doc = "The same messages again, in the same order")
public class Tee extends MessageHandler {
    @Override
    protected void handle(Object message) {
        send(message, "outbox");
        send(message, "copy");
    }
}
