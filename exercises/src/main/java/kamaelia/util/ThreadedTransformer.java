package kamaelia.util;

import axon.Inbox;
import axon.Outbox;
import axon.ThreadedComponent;
import java.time.Duration;
import java.util.function.Function;

/**
 * Like {@link PureTransformer}, but the function runs on a thread of its own, so it may
 * block: look something up over the network, read a file, call a slow library. A
 * {@code null} result sends nothing.
 *
 * <pre>{@code
 * new Pipeline(new Source(urls), new ThreadedTransformer(url -> fetch((String) url)), new ConsolePrinter())
 * }</pre>
 * Ends when a shutdown message arrives on {@code control}, after handling every message
 * that arrived before it, and passes the message on out of {@code signal}.
 */
@Inbox(name = "inbox", doc = "Messages to transform")
@Outbox(name = "outbox", doc = "The function's result for each message, unless it was null")
public class ThreadedTransformer extends ThreadedComponent {
    /** How long to wait for a message before looking at control again (a shutdown ends the wait anyway). */
    private static final Duration CHECK_EVERY = Duration.ofSeconds(1);

    private final Function<Object, Object> function;

    /** A transformer applying {@code function} to every message, with queues of the default size. */
    public ThreadedTransformer(Function<Object, Object> function) {
        this(function, DEFAULT_QUEUE_SIZE);
    }

    /** A transformer applying {@code function} to every message, with queues holding {@code queueSize} messages. */
    public ThreadedTransformer(Function<Object, Object> function, int queueSize) {
        super(queueSize);
        this.function = function;
    }

    @Override
    protected void body() throws InterruptedException {
        while (!shutdownRequested()) {
            Object message = recv("inbox", CHECK_EVERY);   // waits: allowed on a thread
            if (message != null) {
                handle(message);
            }
        }
        while (dataReady("inbox")) {                       // what arrived before the shutdown
            handle(recv("inbox"));
        }
        passShutdownOn();
    }

    private void handle(Object message) throws InterruptedException {
        Object result = function.apply(message);
        if (result != null) {
            send(result, "outbox");        // waits for room: nothing is lost
        }
    }
}
