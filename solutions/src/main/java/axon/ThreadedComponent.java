package axon;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A component whose work runs on a thread of its own, so that it may block: wait for a
 * file to grow, read a socket, call a slow library, sleep.
 *
 * <h2>When to choose it</h2>
 * A cooperative component must never block, because while its {@code step()} waits
 * nothing else runs. If your component needs to block, make it a threaded component:
 * write {@link #body()} as ordinary straight-line code, with loops and blocking calls,
 * and it runs on a virtual thread while the scheduler carries on with everyone else.
 * From outside it is an ordinary component: it has the same boxes, is wired and
 * activated the same way, and ends the same way.
 *
 * <h2>Example</h2>
 * <pre>{@code
 * class Uppercase extends ThreadedComponent {
 *     protected void body() throws InterruptedException {
 *         while (!shutdownRequested()) {
 *             String text = recv("inbox", String.class, Duration.ofSeconds(1));  // waits: allowed here
 *             if (text != null) {
 *                 send(text.toUpperCase(), "outbox");                             // waits for room
 *             }
 *         }
 *         while (dataReady("inbox")) {                                // what came before the shutdown
 *             send(recv("inbox", String.class).toUpperCase(), "outbox");
 *         }
 *         passShutdownOn();
 *     }
 * }
 * }</pre>
 *
 * <h2>How it works</h2>
 * Boxes are not thread-safe: only the scheduler's thread touches them. So the thread
 * gets boxes of its own, one thread-safe queue per inbox and per outbox, and two
 * objects share the work, one per thread:
 * <ul>
 *   <li>this class is the body's view: {@link #body()} and the methods it calls
 *       ({@code dataReady}, {@code recv}, {@code send}, {@code pause(timeout)}), which
 *       work on the thread's queues;</li>
 *   <li>its {@code ThreadProxy} is the scheduler's side. The component's
 *       {@link #step()}, which the scheduler calls as usual, is a step of the proxy: it
 *       moves what arrived in the real inboxes into the thread's queues, moves what the
 *       thread sent from its queues into the real outboxes, and goes back to sleep. The
 *       thread asks for the proxy to be woken through {@link Scheduler#wakeFromThread},
 *       the one scheduler method that is safe to call from another thread.</li>
 * </ul>
 * The proxy works on the real boxes and cannot see this class's methods, so it cannot
 * read the thread's queues where it means the boxes.
 *
 * <h2>Contract</h2>
 * Inside {@link #body()}, and only there:
 * <ul>
 *   <li>{@code dataReady}, {@code anyReady}, {@code recv}, {@code send},
 *       {@code shutdownRequested} and {@code passShutdownOn} work on the thread's
 *       queues, with the same meaning as in any component. Never touch a {@link Box}
 *       from the thread.</li>
 *   <li>Each queue holds at most {@link #queueSize()} messages. {@code send} waits for
 *       room as long as it takes (the proxy makes room at its next step, so only a
 *       stopped scheduler keeps it waiting); {@link #send(Object, String, Duration)}
 *       waits up to a timeout, then throws {@link NoSpaceInBox};
 *       {@link #sendWithoutWaiting} never waits: on a full queue it throws
 *       {@link NoSpaceInBox} and sends nothing, which is what Axon's threaded
 *       {@code send} does.</li>
 *   <li>{@link #pause(Duration)} and {@link #recv(String, Duration)} wait for a message,
 *       up to a timeout; {@link #recv(String, Class, Duration)} too, and returns it as the
 *       type the component expects, as {@link #recv(String, Class)} does. Blocking methods
 *       throw {@link InterruptedException}: the scheduler interrupts the thread to stop it
 *       if the run ends early.</li>
 * </ul>
 * Order and shutdown:
 * <ul>
 *   <li>Messages reach the thread in the order they arrived, and leave it in the order
 *       it sent them, box by box. Nothing is lost or repeated.</li>
 *   <li>A message on {@code control} reaches the thread only once everything that
 *       arrived in its other inboxes before it has; a message the thread sends on
 *       {@code signal} leaves only after everything it sent before it.</li>
 *   <li>When {@code body()} returns, the component finishes once its messages have
 *       left. If {@code body()} throws, the scheduler's {@code run()} ends with
 *       {@link ComponentFailed}, naming the component. Either way the thread has ended
 *       when the component finishes: no thread outlives its component.</li>
 *   <li>A threaded component's boxes are fixed when it is built: {@link #addOutbox} and
 *       {@link #removeOutbox} are not available.</li>
 * </ul>
 */
public abstract class ThreadedComponent extends Component {
    /** How many messages each of the thread's queues holds, unless the constructor says otherwise (as in Axon). */
    public static final int DEFAULT_QUEUE_SIZE = 1000;
    /** How long {@link #send(Object, String)} waits for room: as long as it takes. */
    private static final Duration AS_LONG_AS_IT_TAKES = Duration.ofNanos(Long.MAX_VALUE);

    private final int queueSize;
    /** The scheduler's side: the thread's queues, the doorbell, and the thread itself. */
    private final ThreadProxy proxy;

    /** A threaded component whose queues hold {@link #DEFAULT_QUEUE_SIZE} messages each. */
    protected ThreadedComponent() {
        this(DEFAULT_QUEUE_SIZE);
    }

    /**
     * A threaded component whose queues hold {@code queueSize} messages each.
     *
     * @throws IllegalArgumentException if {@code queueSize} is less than 1
     */
    protected ThreadedComponent(int queueSize) {
        if (queueSize < 1) {
            throw new IllegalArgumentException("a queue must hold at least one message, not " + queueSize);
        }
        this.queueSize = queueSize;
        this.proxy = new ThreadProxy(this, inboxes(), outboxes(), queueSize, this::body);
    }

    /** How many messages each of the thread's queues holds. */
    public final int queueSize() {
        return queueSize;
    }

    /**
     * The component's work, run once on its own thread, started at the component's
     * first step. It may block. The component finishes when it returns, once the
     * messages it sent have left; an exception thrown here ends the scheduler's run with
     * {@link ComponentFailed}.
     */
    protected abstract void body() throws Exception;

    // tag::step[]
    /** A step of the proxy, on the scheduler's thread (see {@code ThreadProxy}): the work is in {@link #body()}. */
    @Override
    protected final boolean step() {
        return proxy.step();
    }
    // end::step[]

    // tag::thread-boxes[]
    /** Inside the thread: whether the thread's queue for this inbox holds a message. */
    @Override
    protected boolean dataReady(String inbox) {
        // >>> stage 9 data-ready: look at the thread's queue for this inbox (inQueue(inbox)), never at the Box
        return !inQueue(inbox).isEmpty();
        // <<< stage 9
    }

    /**
     * Inside the thread: takes the oldest message from the thread's queue for this inbox,
     * and wakes the proxy, as there is room for more.
     *
     * @throws EmptyBox if the queue holds no message
     */
    @Override
    protected Object recv(String inbox) {
        // >>> stage 9 recv: poll() the thread's queue for this inbox; null means empty: throw new EmptyBox(inbox(inbox)); otherwise proxy.wakeProxy() and return the message
        Object message = inQueue(inbox).poll();
        if (message == null) {
            throw new EmptyBox(inbox(inbox));
        }
        proxy.wakeProxy();
        return message;
        // <<< stage 9
    }

    /**
     * Inside the thread: puts a message into the thread's queue for this outbox and wakes
     * the proxy, which passes it on. Never waits: this is Axon's threaded {@code send}.
     * Most code wants {@link #send(Object, String)}, which waits for room.
     *
     * @throws NoSpaceInBox if the queue is full; nothing was sent
     */
    protected void sendWithoutWaiting(Object message, String outbox) {
        requireMessage(message, outbox);
        // >>> stage 9 send-without-waiting: offer() the message to the thread's queue for this outbox; if it is refused, throw new NoSpaceInBox(outbox(outbox), queueSize); otherwise proxy.wakeProxy()
        if (!outQueue(outbox).offer(message)) {
            throw new NoSpaceInBox(outbox(outbox), queueSize);
        }
        proxy.wakeProxy();
        // <<< stage 9
    }
    // end::thread-boxes[]

    /**
     * Inside the thread: puts a message into the thread's queue for this outbox, waiting
     * for room as long as it takes, and wakes the proxy, which passes it on. The proxy
     * empties the queue at its next step, so this waits only while the scheduler is busy
     * with others, or stopped.
     *
     * @throws IllegalStateException if the thread is interrupted while it waits (the run is
     *         stopping it); the interrupt is kept
     */
    @Override
    protected void send(Object message, String outbox) {
        try {
            send(message, outbox, AS_LONG_AS_IT_TAKES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(name() + "'s thread was interrupted while it waited for room in its"
                    + " outbox \"" + outbox + "\": the run is stopping it", e);
        }
    }

    /** Inside the thread: whether any of the thread's inbox queues holds a message. */
    @Override
    protected boolean anyReady() {
        for (Box inbox : inboxes()) {
            if (dataReady(inbox.name())) {
                return true;
            }
        }
        return false;
    }

    // tag::send-waiting[]
    /**
     * Inside the thread: like {@link #sendWithoutWaiting}, but if the queue is full it
     * first waits, up to {@code timeout}, for the proxy to make room.
     *
     * @throws NoSpaceInBox if there was still no room after {@code timeout}; nothing was sent
     * @throws InterruptedException if the thread was interrupted while it waited
     */
    protected void send(Object message, String outbox, Duration timeout) throws InterruptedException {
        requireMessage(message, outbox);
        // >>> stage 9 send-waiting: like sendWithoutWaiting(message, outbox), with the offer that waits: offer(message, timeout.toNanos(), TimeUnit.NANOSECONDS)
        if (!outQueue(outbox).offer(message, timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            throw new NoSpaceInBox(outbox(outbox), queueSize);
        }
        proxy.wakeProxy();
        // <<< stage 9
    }
    // end::send-waiting[]

    // tag::waiting[]
    /**
     * Inside the thread: waits until messages have arrived in any inbox since the last
     * call of this method, or until {@code timeout} has passed. Returns at once if some
     * arrived in between, so that a check followed by a pause never misses a message:
     * <pre>{@code
     * if (!dataReady("inbox")) {
     *     pause(Duration.ofSeconds(1));   // a message that came after the check ends it at once
     * }
     * }</pre>
     * Not to be confused with {@link #pause()}, which is the proxy's: this component's
     * step pauses it between deliveries.
     *
     * @throws InterruptedException if the thread was interrupted while it waited
     */
    protected final void pause(Duration timeout) throws InterruptedException {
        proxy.doorbell().waitForRing(timeout); // the proxy rings it after moving messages in
    }

    /**
     * Inside the thread: takes the oldest message from an inbox, waiting for one up to
     * {@code timeout}. Returns {@code null} if none came in time, or if a message arrived
     * in another inbox first (such as a shutdown request on {@code control}): look at
     * your other inboxes, then call it again.
     *
     * @throws InterruptedException if the thread was interrupted while it waited
     */
    protected Object recv(String inbox, Duration timeout) throws InterruptedException {
        // >>> stage 9 recv-waiting: if the inbox is empty, pause(timeout) once; then recv(inbox) if it holds a message, or return null
        if (!dataReady(inbox)) {
            pause(timeout);
        }
        return dataReady(inbox) ? recv(inbox) : null;
        // <<< stage 9
    }
    // end::waiting[]

    /**
     * Inside the thread: {@link #recv(String, Duration)} as a {@code type}, so that
     * {@code String text = recv("inbox", String.class, Duration.ofSeconds(1));} needs no cast.
     * Returns {@code null} when {@code recv(inbox, timeout)} does.
     *
     * @throws ClassCastException if the message is not a {@code type}; the message is taken
     *         all the same, and the error names the component, the box and the type that arrived
     * @throws InterruptedException if the thread was interrupted while it waited
     */
    protected final <T> T recv(String inbox, Class<T> type, Duration timeout) throws InterruptedException {
        Object message = recv(inbox, timeout);
        return message == null ? null : received(message, inbox, type);
    }

    /** Not available: a threaded component's boxes are fixed when it is built. */
    @Override
    protected Box addOutbox(String name, String description) {
        throw new UnsupportedOperationException(name() + " is a threaded component: its boxes are fixed when it is"
                + " built, so it cannot add the outbox \"" + name + "\"");
    }

    /** Not available: a threaded component's boxes are fixed when it is built. */
    @Override
    protected void removeOutbox(String name) {
        throw new UnsupportedOperationException(name() + " is a threaded component: its boxes are fixed when it is"
                + " built, so it cannot remove the outbox \"" + name + "\"");
    }

    /** The thread's queue for an inbox; {@code inbox(name)} only finds the Box, or says it has no such inbox. */
    private BlockingQueue<Object> inQueue(String inbox) {
        return proxy.queueOf(inbox(inbox));
    }

    /** The thread's queue for an outbox. */
    private BlockingQueue<Object> outQueue(String outbox) {
        return proxy.queueOf(outbox(outbox));
    }

    private void requireMessage(Object message, String outbox) {
        Objects.requireNonNull(message, () -> "null cannot be sent: " + name() + "'s outbox \"" + outbox
                + "\" takes messages, not nothing");
    }
}
