package axon;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

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
 *             Object text = recv("inbox", Duration.ofSeconds(1));    // waits: allowed here
 *             if (text != null) {
 *                 send(((String) text).toUpperCase(), "outbox");      // waits for room
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
 * gets boxes of its own, one thread-safe queue per inbox and per outbox, and the
 * component's {@link #step()}, which the scheduler calls as usual, is a <em>proxy</em>:
 * it moves what arrived in the real inboxes into the thread's queues, moves what the
 * thread sent from its queues into the real outboxes, and goes back to sleep. The
 * thread asks for the proxy to be woken through {@link Scheduler#wakeFromThread}, the
 * one scheduler method that is safe to call from another thread.
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
 *       up to a timeout. Blocking methods throw {@link InterruptedException}: the
 *       scheduler interrupts the thread to stop it if the run ends early.</li>
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
 *   <li>A threaded component's boxes are fixed when it is built: {@link #addOutbox} is
 *       not available.</li>
 * </ul>
 */
public abstract class ThreadedComponent extends Component {
    /** How many messages each of the thread's queues holds, unless the constructor says otherwise (as in Axon). */
    public static final int DEFAULT_QUEUE_SIZE = 1000;
    /** How long the scheduler waits for a thread it stops before it gives up on it. */
    private static final Duration STOP_PATIENCE = Duration.ofSeconds(1);
    /** How long {@link #send(Object, String)} waits for room: as long as it takes. */
    private static final Duration AS_LONG_AS_IT_TAKES = Duration.ofNanos(Long.MAX_VALUE);

    private final int queueSize;
    /** The thread's side of each inbox: what the proxy moved in, for the thread to take. */
    private final Map<String, BlockingQueue<Object>> inQueues = new LinkedHashMap<>();
    /** The thread's side of each outbox: what the thread sent, for the proxy to move out. */
    private final Map<String, BlockingQueue<Object>> outQueues = new LinkedHashMap<>();

    /** The doorbell: the proxy rings it after moving messages in, the thread waits for it in pause(timeout). */
    private final ReentrantLock bell = new ReentrantLock();
    private final Condition rung = bell.newCondition();
    /** Whether the bell has rung since the thread last paused. Guarded by {@code bell}. */
    private boolean rang;

    private Thread thread;
    /** The scheduler's thread while it runs the proxy's step, else null; written by that thread only. */
    private Thread proxyThread;
    /** Set by the thread when body() has returned or thrown; read by the proxy. */
    private volatile boolean bodyEnded;
    /** What body() threw, if it did; written before bodyEnded. */
    private volatile Throwable failure;
    /** Whether the thread has asked for the proxy to be woken, and the proxy has not run since. */
    private final AtomicBoolean wakeAsked = new AtomicBoolean();

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
        for (String inbox : BoxDeclarations.inboxesOf(getClass()).keySet()) {
            inQueues.put(inbox, new LinkedBlockingQueue<>(queueSize));
        }
        for (String outbox : BoxDeclarations.outboxesOf(getClass()).keySet()) {
            outQueues.put(outbox, new LinkedBlockingQueue<>(queueSize));
        }
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

    // ----------------------------------------------------------------------------------
    // The scheduler's side: the proxy

    /**
     * The proxy, on the scheduler's thread: starts the thread at the first step, then
     * moves messages between the real boxes and the thread's queues.
     */
    @Override
    protected final boolean step() {
        if (thread == null) {
            startThread();
        }
        wakeAsked.set(false); // from here on, anything the thread does asks for another step
        boolean again = false;
        proxyThread = Thread.currentThread();
        try {
            again = proxy();
        } finally {
            proxyThread = null;
            if (!again) {
                stopThread();
            }
        }
        return again;
    }

    /**
     * One step of the proxy: reads whether the body has ended, moves messages in and
     * out, then finishes (or fails) if the body had ended, and otherwise sleeps until the
     * thread or a delivery wakes it.
     *
     * @return {@code false} once the body has ended and everything it sent has left
     * @throws ComponentFailed if the body threw
     */
    private boolean proxy() {
        // TODO stage 9: read bodyEnded FIRST; moveIn(); moveOut(); if the body had ended, throw new ComponentFailed(this, failure) if it failed, else return false; otherwise pause() and return true
        throw new Todo(9);
    }

    /**
     * Moves what has arrived in the real inboxes into the thread's queues, oldest first,
     * while they have room; what does not fit waits in the real inbox. {@code control}
     * comes last, and only once every other inbox has been moved entirely. Rings the
     * doorbell if anything moved.
     */
    private void moveIn() {
        // TODO stage 9: move each inbox but control into its queue while there is room (queue.remainingCapacity()); then control, if nothing was left behind; ring() if anything moved. Work on the Box (isEmpty(), take()): here dataReady and recv read the thread's queues, and the proxy may not call them
        throw new Todo(9);
    }

    // TODO stage 9: helpers for the proxy, if you want them

    /**
     * Moves what the thread has sent into the real outboxes, in the order it was sent.
     * What the thread sent on {@code signal} is taken first and put last, so that
     * everything it sent before (on any outbox) leaves before it.
     */
    private void moveOut() {
        // TODO stage 9: take what is in the signal queue FIRST (drainTo a list); then move every other queue into its outbox; then put the signal messages
        throw new Todo(9);
    }

    /** Rings the doorbell: tells the thread, if it is waiting in {@link #pause(Duration)}, that messages have arrived. */
    private void ring() {
        // TODO stage 9: holding the bell's lock, remember that it rang and wake every thread waiting on the condition
        throw new Todo(9);
    }

    private void startThread() {
        thread = Thread.ofVirtual().name(name()).unstarted(this::runBody);
        scheduler().threadStarted(this, this::stopThread);
        thread.start();
    }

    /** Runs on the thread: the body, then the news that it has ended. */
    private void runBody() {
        BoxGuard.enterThread(this);
        try {
            body();
        } catch (Throwable t) {
            failure = t;
        } finally {
            BoxGuard.leaveThread();
            bodyEnded = true;
            wakeProxy();
        }
    }


    /**
     * Called on the scheduler's thread when this component finishes, or when the run ends
     * early: interrupts the thread if its body is still running, and waits for it to end.
     */
    void stopThread() {
        if (thread == null || !scheduler().threadEnded(this)) {
            return;
        }
        if (!bodyEnded) {
            thread.interrupt();
        }
        boolean interrupted = false;
        try {
            if (!thread.join(STOP_PATIENCE)) {
                System.err.println(name() + ": its thread did not stop within " + STOP_PATIENCE.toMillis()
                        + " ms of being interrupted: does body() ignore interrupts and shutdown requests?");
            }
        } catch (InterruptedException e) {
            interrupted = true;
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Asks the scheduler, from the thread, to step the proxy soon. Cheap when a request is already pending. */
    private void wakeProxy() {
        if (wakeAsked.compareAndSet(false, true)) {
            scheduler().wakeFromThread(this);
        }
    }

    // ----------------------------------------------------------------------------------
    // The thread's side: boxes as the body sees them

    /** Inside the thread: whether the thread's queue for this inbox holds a message. */
    @Override
    protected boolean dataReady(String inbox) {
        refuseInProxy("dataReady");
        // TODO stage 9: look at the thread's queue for this inbox (inQueue(inbox)), never at the Box
        throw new Todo(9);
    }

    /**
     * Inside the thread: takes the oldest message from the thread's queue for this inbox,
     * and wakes the proxy, as there is room for more.
     *
     * @throws EmptyBox if the queue holds no message
     */
    @Override
    protected Object recv(String inbox) {
        refuseInProxy("recv");
        // TODO stage 9: poll() the thread's queue for this inbox; null means empty: throw new EmptyBox(inbox(inbox)); otherwise wakeProxy() and return the message
        throw new Todo(9);
    }

    /**
     * Inside the thread: puts a message into the thread's queue for this outbox and wakes
     * the proxy, which passes it on. Never waits: this is Axon's threaded {@code send}.
     * Most code wants {@link #send(Object, String)}, which waits for room.
     *
     * @throws NoSpaceInBox if the queue is full; nothing was sent
     */
    protected void sendWithoutWaiting(Object message, String outbox) {
        refuseInProxy("send");
        Objects.requireNonNull(message, () -> "null cannot be sent: " + name() + "'s outbox \"" + outbox
                + "\" takes messages, not nothing");
        // TODO stage 9: offer() the message to the thread's queue for this outbox; if it is refused, throw new NoSpaceInBox(outbox(outbox), queueSize); otherwise wakeProxy()
        throw new Todo(9);
    }

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
        refuseInProxy("anyReady");
        for (String inbox : inQueues.keySet()) {
            if (dataReady(inbox)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Inside the thread: like {@link #sendWithoutWaiting}, but if the queue is full it
     * first waits, up to {@code timeout}, for the proxy to make room.
     *
     * @throws NoSpaceInBox if there was still no room after {@code timeout}; nothing was sent
     * @throws InterruptedException if the thread was interrupted while it waited
     */
    protected void send(Object message, String outbox, Duration timeout) throws InterruptedException {
        refuseInProxy("send");
        Objects.requireNonNull(message, () -> "null cannot be sent: " + name() + "'s outbox \"" + outbox
                + "\" takes messages, not nothing");
        // TODO stage 9: like sendWithoutWaiting(message, outbox), with the offer that waits: offer(message, timeout.toNanos(), TimeUnit.NANOSECONDS)
        throw new Todo(9);
    }

    /**
     * Inside the thread: waits until messages have arrived in any inbox since the last
     * call of this method, or until {@code timeout} has passed. Returns at once if some
     * arrived in between, so that a check followed by a pause never misses a message:
     * <pre>{@code
     * if (!dataReady("inbox")) {
     *     pause(Duration.ofSeconds(1));   // a message that came after the check ends it at once
     * }
     * }</pre>
     * Not to be confused with {@link #pause()}, which is for the proxy.
     *
     * @throws InterruptedException if the thread was interrupted while it waited
     */
    protected final void pause(Duration timeout) throws InterruptedException {
        refuseInProxy("pause(timeout)");
        // TODO stage 9: holding the bell's lock, await the condition (rung.awaitNanos) while the bell has not rung and time is left; then reset rang
        throw new Todo(9);
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
        // TODO stage 9: if the inbox is empty, pause(timeout) once; then recv(inbox) if it holds a message, or return null
        throw new Todo(9);
    }

    /** Not available: a threaded component's boxes are fixed when it is built. */
    @Override
    protected Box addOutbox(String name, String description) {
        throw new UnsupportedOperationException(name() + " is a threaded component: its boxes are fixed when it is"
                + " built, so it cannot add the outbox \"" + name + "\"");
    }

    /**
     * Refuses a thread-side method called by the proxy: the proxy works on the real boxes,
     * and the methods a component of stages 3 to 8 uses to read them read the thread's
     * queues here (the "proxy trap").
     */
    private void refuseInProxy(String method) {
        if (Thread.currentThread() == proxyThread) {
            throw new IllegalStateException(name() + ": " + method + " was called by the proxy. In a"
                    + " ThreadedComponent, dataReady, anyReady, recv and send work on the thread's own queues, so"
                    + " they belong inside body() only. The proxy (step, moveIn, moveOut) runs on the scheduler's"
                    + " thread and must use the real boxes: inbox(name).isEmpty(), inbox(name).take(),"
                    + " outbox(name).put(message)");
        }
    }

    /** The thread's queue for an inbox. */
    private BlockingQueue<Object> inQueue(String inbox) {
        BlockingQueue<Object> queue = inQueues.get(inbox);
        if (queue == null) {
            throw new BoxNotFound(this, "inbox", inbox, inQueues.keySet());
        }
        return queue;
    }

    /** The thread's queue for an outbox. */
    private BlockingQueue<Object> outQueue(String outbox) {
        BlockingQueue<Object> queue = outQueues.get(outbox);
        if (queue == null) {
            throw new BoxNotFound(this, "outbox", outbox, outQueues.keySet());
        }
        return queue;
    }
}
