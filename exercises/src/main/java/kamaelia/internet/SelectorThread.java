package kamaelia.internet;

import axon.Inbox;
import axon.Outbox;
import axon.ThreadedComponent;
import axon.Todo;
import java.io.IOException;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.SelectionKey;
import java.time.Duration;
import java.util.Iterator;
import java.util.Objects;

/**
 * The part of the {@link Selector} service that waits: it blocks in the JDK selector's
 * {@code select()} until some watched socket is ready, and reports each ready socket out
 * of {@code outbox}. It is a {@link ThreadedComponent} because {@code select()} blocks;
 * it is the only place in a network program that waits for the network.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>For each key that {@code select()} finds ready, it stops watching the key for the
 *       operations found ready (one notice per request), then sends
 *       {@link Selected}{@code (attachment, readyOps)}: the key's attachment is the name of
 *       the {@link Selector}'s outbox for that channel.</li>
 *   <li>Channels are registered, and their interest changed, by the {@link Selector} on
 *       the scheduler's thread, which then calls {@code wakeup()} so that a
 *       {@code select()} in progress starts again with the change.</li>
 *   <li>It looks at {@code control} between selects, at least every
 *       {@link #LOOK_AT_CONTROL_EVERY}; a shutdown message there ends it, and is passed
 *       on out of {@code signal}.</li>
 * </ul>
 */
@Inbox(name = "inbox", doc = "Not used: the selector registers channels directly")
@Outbox(name = "outbox", doc = "A Selected report for each socket found ready")
public class SelectorThread extends ThreadedComponent {
    /** The longest a select waits before the thread looks at control again. */
    public static final Duration LOOK_AT_CONTROL_EVERY = Duration.ofMillis(100);

    /** A report to the {@link Selector}: the channel whose outbox is {@code watcher} is ready for {@code ops}. */
    public record Selected(String watcher, int ops) {
    }

    private final java.nio.channels.Selector selector;

    /** A thread that waits on {@code selector}, which its parent opens, registers channels with and closes. */
    public SelectorThread(java.nio.channels.Selector selector) {
        this.selector = Objects.requireNonNull(selector, "selector");
    }

    @Override
    protected void body() throws IOException, InterruptedException {
        // TODO stage 11: until a shutdown request arrives: select() (given), then for each key in selector.selectedKeys(): remove it from the set, stop watching it for the ops it is ready for (key.interestOpsAnd(~ready)), and send Selected(attachment, ready) with send(message, "outbox"); skip keys cancelled meanwhile. Then pass the shutdown on.
        throw new Todo(11);
    }

    /**
     * Waits until some watched channel is ready, or {@link #LOOK_AT_CONTROL_EVERY} has
     * passed, or the selector's {@code wakeup()} is called.
     *
     * @throws InterruptedException if the thread has been interrupted: {@code select()}
     *         itself only returns early then, so a loop around it would never stop
     */
    private void select() throws IOException, InterruptedException {
        selector.select(LOOK_AT_CONTROL_EVERY.toMillis());
        if (Thread.interrupted()) {
            throw new InterruptedException(name() + " was interrupted while it waited for sockets");
        }
    }
}
