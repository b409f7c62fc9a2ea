package kamaelia.util;

import axon.Component;
import axon.Inbox;
import axon.Outbox;
import java.util.Iterator;
import java.util.List;

/**
 * Sends the items of a list out of {@code outbox}, one per step, then sends
 * {@link axon.Ipc.ProducerFinished} out of {@code signal} and ends: the start of a
 * pipeline, like {@code cat file}.
 *
 * <pre>{@code
 * new Pipeline(new Source(List.of("a", "b")), new ConsolePrinter()).activate(scheduler);
 * }</pre>
 * A shutdown message on {@code control} stops it early and is passed on.
 */
@Inbox(name = "inbox", doc = "Not used")
@Outbox(name = "outbox", doc = "The items, in order, one per step")
public class Source extends Component {
    private final Iterator<?> items;

    /** A source of the given items. */
    public Source(List<?> items) {
        this.items = List.copyOf(items).iterator();
    }

    // tag::step[]
    @Override
    protected boolean step() {
        if (shutdownRequested() || !items.hasNext()) {
            passShutdownOn();
            return false;
        }
        send(items.next(), "outbox");
        return true;
    }
    // end::step[]
}
