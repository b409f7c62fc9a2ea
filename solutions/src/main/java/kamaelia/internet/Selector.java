package kamaelia.internet;

import axon.Box;
import axon.Chassis;
import axon.Component;
import axon.Inbox;
import axon.Ipc;
import axon.Outbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.util.HashMap;
import java.util.Map;
import kamaelia.util.Backplane;

/**
 * The selector service: it watches non-blocking sockets for the components that own them,
 * and wakes each component when its socket is ready, so that none of them ever waits.
 *
 * <h2>What it is for</h2>
 * A socket component is cooperative: it may not block, so it reads and writes only what
 * its socket takes at once. When there is nothing to read, or no room to write, it asks
 * the selector to watch the socket, and sleeps. The selector waits for all the sockets at
 * once, in one {@link java.nio.channels.Selector#select select()} call; when a socket is
 * ready, it sends its owner a {@link Ready} notice, which wakes it. Components find the
 * selector through the scheduler's services ({@link SelectorService}), as they find a
 * {@link Backplane}.
 *
 * <pre>{@code
 * link(outbox("selector"), SelectorService.inbox(scheduler()));
 * send(new Selector.Watch(channel, SelectionKey.OP_READ, inbox("ready")), "selector");
 * ...                                // later, a Ready arrives in "ready": read the socket
 * send(new Selector.Forget(channel), "selector");   // after closing it
 * }</pre>
 *
 * <h2>How it works</h2>
 * {@code select()} blocks, so it runs in a threaded child, {@link SelectorThread}, which
 * reports each ready socket to this component's {@code selected} inbox. This component
 * works on the scheduler's thread: it registers channels with the JDK's
 * {@link java.nio.channels.Selector}, changes what they are watched for and wakes the
 * thread's {@code select()} so that it sees the change (the JDK allows all three while
 * another thread selects), and passes each report on to the watcher's inbox through an
 * outbox of its own, linked to that inbox, one per watched channel, as a
 * {@link Backplane} does for subscribers.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>Notices are one-shot: once a channel has been reported ready for some operations,
 *       it is no longer watched for them until its owner sends another {@link Watch}.
 *       A {@code Watch} replaces the operations the channel is watched for.</li>
 *   <li>The first {@code Watch} for a channel registers it and remembers the inbox to
 *       wake; {@link Forget} (after closing the channel, or before) forgets it. A
 *       watcher's notices arrive in its inbox in the order the socket became ready.</li>
 *   <li>It ends when it has nothing left to watch (after a {@code Forget}, or at its first
 *       step if nothing was asked), or on a shutdown message on {@code control}: it
 *       deregisters its service, stops its thread and closes the JDK selector, which
 *       releases every channel closed before. Shut it down only after the components it
 *       watches for: they would not be woken again.</li>
 * </ul>
 */
@Inbox(name = "inbox", doc = "Watch and Forget requests from the components whose sockets it watches")
@Inbox(name = "selected", doc = "Reports of ready sockets from the selector's thread")
@Outbox(name = "outbox", doc = "Not used: each watched socket gets an outbox of its own, linked to its owner")
@Chassis
public class Selector extends Component {
    // tag::messages[]
    /**
     * Asks the selector to watch {@code channel} for {@code ops} (a sum of
     * {@link SelectionKey#OP_READ}, {@code OP_WRITE}, {@code OP_CONNECT},
     * {@code OP_ACCEPT}), and nothing else, and to send a {@link Ready} to {@code inbox}
     * when it is ready for some of them. The channel must be non-blocking.
     */
    public record Watch(SelectableChannel channel, int ops, Box inbox) {
    }

    /** Asks the selector to stop watching {@code channel}; sent by its owner when it closes it. */
    public record Forget(SelectableChannel channel) {
    }

    /** A notice to a watcher: its channel is ready for {@code ops}, which are no longer watched. */
    public record Ready(int ops) {
    }
    // end::messages[]

    private java.nio.channels.Selector selector;
    private SelectorThread thread;
    /** The outbox that wakes each watched channel's owner. */
    private final Map<SelectableChannel, String> watched = new HashMap<>();
    /** The same, the other way round: which channel each outbox is for. */
    private final Map<String, SelectableChannel> watchers = new HashMap<>();
    private int lastOutbox = 0;
    private boolean stopping = false;

    @Override
    protected boolean step() {
        if (selector == null) {
            selector = open();
        }
        boolean changed = false;
        while (dataReady("inbox")) {
            changed |= handle(recv("inbox"));
        }
        while (dataReady("selected")) {
            if (recv("selected") instanceof SelectorThread.Selected(String outbox, int ops)
                    && watchers.containsKey(outbox)) {
                send(new Ready(ops), outbox);
            }
        }
        if (!stopping && (watched.isEmpty() || shutdownRequested())) {
            stop();
        } else if (thread == null && !stopping) {
            startThread();
        }
        if (changed) {
            selector.wakeup(); // so that the thread's select() sees the change
        }
        if (stopping && childrenDone()) {
            closeSelector();
            passShutdownOn();
            return false;
        }
        pause();
        return true;
    }

    /** Handles one request; returns whether what the JDK selector watches has changed. */
    private boolean handle(Object request) {
        switch (request) {
            case Watch(SelectableChannel channel, int ops, Box inbox) when !stopping -> {
                SelectionKey key = channel.keyFor(selector);
                if (key == null) {
                    return register(channel, ops, inbox);
                }
                try {
                    key.interestOps(ops);
                } catch (CancelledKeyException e) {
                    return false; // its owner closed it; a Forget follows
                }
                return true;
            }
            case Forget(SelectableChannel channel) -> {
                String outbox = watched.remove(channel);
                if (outbox == null) {
                    return false;
                }
                watchers.remove(outbox);
                removeOutbox(outbox);
                SelectionKey key = channel.keyFor(selector);
                if (key != null) {
                    key.cancel();
                }
                return true; // the next select() lets go of the channel, which closes it if it was closed
            }
            case Watch ignored -> {
                return false; // the selector is ending: nothing will be watched any more
            }
            default -> throw new IllegalArgumentException(name() + " received " + request
                    + ", which is not a request: send Selector.Watch or Selector.Forget");
        }
    }

    /** Registers a channel the first time it is to be watched, with an outbox to wake its owner. */
    private boolean register(SelectableChannel channel, int ops, Box inbox) {
        if (channel.isBlocking()) {
            throw new IllegalArgumentException(name() + " was asked to watch a blocking channel, " + channel
                    + ": call configureBlocking(false) on it first, or its reads would wait");
        }
        String outbox = "to watcher " + (++lastOutbox);
        try {
            channel.register(selector, ops, outbox); // the key's attachment: the outbox to notify
        } catch (ClosedChannelException e) {
            return false; // closed before we got to it; its owner sends a Forget
        }
        link(addOutbox(outbox, "Ready notices for " + inbox), inbox);
        watched.put(channel, outbox);
        watchers.put(outbox, channel);
        return true;
    }

    private java.nio.channels.Selector open() {
        try {
            return java.nio.channels.Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException(name() + " could not open a selector: " + e.getMessage(), e);
        }
    }

    private void startThread() {
        thread = new SelectorThread(selector);
        addChild(thread);
        link(thread.outbox("outbox"), inbox("selected"));
        thread.activate(scheduler());
    }

    /** Stops watching: no new requests reach it, and its thread is asked to end. */
    private void stop() {
        stopping = true;
        scheduler().services().find(SelectorService.NAME)
                .filter(box -> box == inbox("inbox"))
                .ifPresent(box -> scheduler().services().deregister(SelectorService.NAME));
        if (thread != null) {
            thread.inbox("control").put(new Ipc.ShutdownMicroprocess());
            selector.wakeup();
        }
    }

    private void closeSelector() {
        try {
            selector.close(); // the thread has ended: nobody selects any more
        } catch (IOException e) {
            // nothing more to release
        }
    }
}
