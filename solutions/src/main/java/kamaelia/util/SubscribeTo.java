package kamaelia.util;

import axon.Component;
import axon.Inbox;
import axon.Ipc;
import axon.Linkage;
import axon.Outbox;

/**
 * Sends out of its {@code outbox} everything published to the {@link Backplane} of a
 * given name from the moment its subscription reaches the backplane. When it ends, it
 * unsubscribes; when the backplane ends, so does it.
 */
@Inbox(name = "inbox", doc = "Publications from the backplane")
@Outbox(name = "outbox", doc = "Every publication, in order")
@Outbox(name = "requests", doc = "Subscribe and Unsubscribe requests to the backplane")
public class SubscribeTo extends Component {
    // tag::exercise[]
    private final String backplane;
    private Linkage requests;

    /** A subscriber to the backplane called {@code backplane}. */
    public SubscribeTo(String backplane) {
        this.backplane = backplane;
    }

    @Override
    protected boolean step() {
        // >>> stage 8 step: at the first step, link "requests" to the backplane's subscribing service and send Subscribe(inbox("inbox")); forward publications; a shutdown from the backplane (an Ipc in inbox) or on control ends it (unsubscribe first if it came on control)
        if (requests == null) {
            requests = link(outbox("requests"), scheduler().services().retrieve(BackplaneServices.subscribing(backplane)));
            send(new Backplane.Subscribe(inbox("inbox")), "requests");
        }
        while (dataReady("inbox")) {
            Object message = recv("inbox");
            if (message instanceof Ipc backplaneEnded) {
                send(backplaneEnded, "signal");
                return false;
            }
            send(message, "outbox");
        }
        if (shutdownRequested()) {
            send(new Backplane.Unsubscribe(inbox("inbox")), "requests");
            requests.unlink();
            passShutdownOn();
            return false;
        }
        pause();
        return true;
        // <<< stage 8
    }
    // end::exercise[]
}
