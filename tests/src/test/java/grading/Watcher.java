package grading;

import axon.Component;
import axon.Inbox;
import axon.Outbox;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.util.concurrent.atomic.AtomicInteger;
import kamaelia.internet.Selector;
import kamaelia.internet.SelectorService;

/** Watches one channel: asks the selector once at its first step and once more after the first notice. */
@Inbox(name = "ready", doc = "Notices from the selector")
@Outbox(name = "selector", doc = "Requests to the selector service")
public final class Watcher extends Component {
    private final SelectableChannel channel;
    public final AtomicInteger notices = new AtomicInteger();
    private int asked = 0;

    public Watcher(SelectableChannel channel) {
        this.channel = channel;
    }

    @Override
    protected boolean step() {
        if (asked == 0) {
            link(outbox("selector"), SelectorService.inbox(scheduler()));
            watch();
        }
        while (dataReady("ready")) {
            recv("ready");
            notices.incrementAndGet();
            if (asked < 2) {
                watch();
            }
        }
        if (shutdownRequested()) {
            send(new Selector.Forget(channel), "selector");
            passShutdownOn();
            return false;
        }
        pause();
        return true;
    }

    private void watch() {
        send(new Selector.Watch(channel, SelectionKey.OP_READ, inbox("ready")), "selector");
        asked++;
    }
}
