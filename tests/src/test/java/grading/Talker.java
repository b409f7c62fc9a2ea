package grading;

import static grading.Network.floodLine;

import axon.Component;
import axon.Inbox;
import axon.Ipc;
import axon.Outbox;

/**
 * Numbers the lines it hears ("1: hello"), answers "quit" with "bye" and finishes,
 * answers "flood N" with N lines of 1000 characters; remembers how it ended.
 */
@Inbox(name = "inbox", doc = "Lines from one client")
@Outbox(name = "outbox", doc = "The numbered lines, or the answers to commands")
final class Talker extends Component {
    private int count = 0;
    volatile Ipc endedBy;

    @Override
    protected boolean step() {
        while (dataReady("inbox")) {
            String line = recv("inbox", String.class);
            if (line.equals("boom")) {
                throw new IllegalStateException("boom: a protocol that fails");
            } else if (line.equals("quit")) {
                send("bye", "outbox");
                return end(new Ipc.ProducerFinished());
            } else if (line.startsWith("flood ")) {
                for (int i = 0; i < Integer.parseInt(line.substring(6)); i++) {
                    send(floodLine(i), "outbox");
                }
            } else {
                send(++count + ": " + line, "outbox");
            }
        }
        if (shutdownRequested()) {
            return end(shutdownMessage());
        }
        pause();
        return true;
    }

    private boolean end(Ipc why) {
        send(why, "signal");
        endedBy = why;
        return false;
    }
}
