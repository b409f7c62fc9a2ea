package kamaelia.util;

import axon.Component;
import axon.Inbox;
import axon.Ipc;
import axon.Outbox;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Collects every message until its input ends, then sends them all on in order, like
 * {@code sort}: nothing can come out before the last message has gone in.
 *
 * <pre>{@code
 * new Pipeline(new Source(List.of("pear", "apple")), new Sort(), new ConsolePrinter())   // apple, pear
 * }</pre>
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>When {@link Ipc.ProducerFinished} arrives on {@code control}, it sends every
 *       message received before it, sorted, then passes the ProducerFinished on.</li>
 *   <li>When {@link Ipc.ShutdownMicroprocess} arrives, it was told to stop, not that
 *       its input is complete: it sends nothing and passes the shutdown on.</li>
 *   <li>Without a comparator, messages must be {@link Comparable} to each other
 *       (strings, numbers, {@link java.nio.file.Path}s); equal messages keep their
 *       order of arrival.</li>
 * </ul>
 */
@Inbox(name = "inbox", doc = "Messages to sort")
@Outbox(name = "outbox", doc = "Every message received, sorted, once the input has ended")
public class Sort extends Component {
    private final Comparator<Object> order;
    private final List<Object> received = new ArrayList<>();

    /** Sorts messages in their natural order (they must be {@link Comparable}). */
    @SuppressWarnings("unchecked")
    public Sort() {
        this((a, b) -> ((Comparable<Object>) a).compareTo(b));
    }

    /** Sorts messages in the order {@code order} gives. */
    public Sort(Comparator<Object> order) {
        this.order = Objects.requireNonNull(order, "order");
    }

    @Override
    protected boolean step() {
        while (dataReady("inbox")) {
            received.add(recv("inbox"));
        }
        if (shutdownRequested()) {
            if (shutdownMessage() instanceof Ipc.ProducerFinished) {
                received.sort(order);
                received.forEach(message -> send(message, "outbox"));
            }
            received.clear();
            passShutdownOn();
            return false;
        }
        pause();
        return true;
    }
}
