package kamaelia.util;

import axon.Component;
import axon.Inbox;
import axon.Ipc;
import axon.Linkage;
import axon.Outbox;
import axon.Todo;

/**
 * Sends out of its {@code outbox} everything published to the {@link Backplane} of a
 * given name from the moment its subscription reaches the backplane. When it ends, it
 * unsubscribes; when the backplane ends, so does it.
 */
@Inbox(name = "inbox", doc = "Publications from the backplane")
@Outbox(name = "outbox", doc = "Every publication, in order")
@Outbox(name = "requests", doc = "Subscribe and Unsubscribe requests to the backplane")
public class SubscribeTo extends Component {
    private final String backplane;
    private Linkage requests;

    /** A subscriber to the backplane called {@code backplane}. */
    public SubscribeTo(String backplane) {
        this.backplane = backplane;
    }

    @Override
    protected boolean step() {
        // TODO stage 8: at the first step, link "requests" to the backplane's subscribing service and send Subscribe(inbox("inbox")); forward publications; a shutdown from the backplane (an Ipc in inbox) or on control ends it (unsubscribe first if it came on control)
        throw new Todo(8);
    }
}
