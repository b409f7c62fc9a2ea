package kamaelia.util;

import axon.Component;
import axon.Inbox;
import axon.Outbox;
import axon.Todo;

/**
 * Publishes everything that arrives in its {@code inbox} to the {@link Backplane} of a
 * given name. It links its inbox straight to the backplane's, so a message costs no
 * extra step. Ending a publisher does not end the backplane.
 */
@Inbox(name = "inbox", doc = "Messages to publish")
@Outbox(name = "outbox", doc = "Not used")
public class PublishTo extends Component {
    private final String backplane;
    private boolean linked = false;

    /** A publisher to the backplane called {@code backplane}. */
    public PublishTo(String backplane) {
        this.backplane = backplane;
    }

    @Override
    protected boolean step() {
        // TODO stage 8: at the first step, link this inbox to the backplane's publishing service; end on shutdown (unlinking), otherwise sleep
        throw new Todo(8);
    }
}
