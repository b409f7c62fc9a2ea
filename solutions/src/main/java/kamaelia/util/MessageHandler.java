package kamaelia.util;

import axon.Component;

/**
 * A cooperative component that handles the messages of its {@code inbox} one at a time,
 * in order, and ends on a shutdown message: the step of stage 6, written once. A
 * subclass says what to do with one message; the step around it is always the same.
 *
 * <pre>{@code
 * class Shouter extends MessageHandler {
 *     protected void handle(Object message) {
 *         send(message.toString().toUpperCase(), "outbox");
 *     }
 * }
 * }</pre>
 *
 * <h2>Contract</h2>
 * Each step handles every message waiting in {@code inbox}, oldest first. Then, if a
 * shutdown message has arrived on {@code control}, it passes the message on out of
 * {@code signal} and ends; otherwise it sleeps until the next message arrives. So every
 * message that arrived before the shutdown message is handled before the component
 * ends. A component that must do more than that in its step (look at other inboxes, end
 * by itself) writes its own step, with the same idiom.
 */
public abstract class MessageHandler extends Component {

    /** Handles one message taken from {@code inbox}: sends what it has to send. */
    protected abstract void handle(Object message);

    // tag::idiom[]
    @Override
    protected final boolean step() {
        while (dataReady("inbox")) {
            handle(recv("inbox"));
        }
        if (shutdownRequested()) {
            passShutdownOn();
            return false;
        }
        pause();
        return true;
    }
    // end::idiom[]
}
