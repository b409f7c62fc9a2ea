package kamaelia.util;

import axon.Component;
import axon.Inbox;
import axon.Ipc;
import axon.Outbox;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps every message it receives, for tests and examples to look at afterwards, and
 * remembers the shutdown message that ended it.
 */
@Inbox(name = "inbox", doc = "Messages to keep")
@Outbox(name = "outbox", doc = "Not used")
public class Recorder extends Component {
    private final List<Object> collected = new ArrayList<>();
    private Ipc endedBy;

    @Override
    protected boolean step() {
        while (dataReady("inbox")) {
            collected.add(recv("inbox"));
        }
        if (shutdownRequested()) {
            passShutdownOn();
            endedBy = shutdownMessage();
            return false;
        }
        pause();
        return true;
    }

    /** The messages received so far, in order. */
    public List<Object> collected() {
        return List.copyOf(collected);
    }

    /** The shutdown message that ended this collector, or {@code null} while it runs. */
    public Ipc endedBy() {
        return endedBy;
    }
}
