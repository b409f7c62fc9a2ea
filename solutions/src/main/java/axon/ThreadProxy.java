package axon;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The scheduler's side of a {@link ThreadedComponent}: its proxy. The scheduler steps a
 * threaded component like any other, and each step is a step of the proxy, on the
 * scheduler's thread: it moves what arrived in the component's real inboxes into the
 * thread's queues, moves what the thread sent from its queues into the real outboxes,
 * and sleeps until a delivery or the thread wakes it. It also starts the thread at the
 * first step, and makes sure the thread has ended when the component finishes.
 *
 * <h2>Two sides, two classes</h2>
 * The proxy sees the component only as a {@link Microprocess} (to pause it, name it and
 * wake it), its real boxes, and the thread's queues: it works on the boxes themselves
 * ({@code isEmpty}, {@code take}, {@code put}). The body's side, {@code dataReady},
 * {@code recv} and {@code send} on the queues, is {@link ThreadedComponent}'s, and is
 * not even in sight here. What the two sides share: the queues, the {@link Doorbell}
 * the proxy rings after it moved messages in, and {@link #wakeProxy()}, with which the
 * thread asks for the proxy to be stepped.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>{@link #step()} runs on the scheduler's thread only; {@link #queueOf},
 *       {@link #doorbell()} and {@link #wakeProxy()} are safe from any thread.</li>
 *   <li>Messages cross in the order they arrived, box by box, and none is lost or
 *       repeated. {@code control} goes in only after everything that arrived before it;
 *       {@code signal} goes out only after everything the thread sent before it.</li>
 *   <li>When the component finishes or fails, or the run ends early, the thread has
 *       ended (or was interrupted and waited for).</li>
 * </ul>
 */
final class ThreadProxy {
    /** The component's work, run once on its thread: {@link ThreadedComponent#body()}. */
    interface Body {
        void run() throws Exception;
    }

    /** How long the scheduler waits for a thread it stops before it gives up on it. */
    private static final Duration STOP_PATIENCE = Duration.ofSeconds(1);

    // tag::fields[]
    /** The component, as the scheduler knows it: a microprocess to pause, to name and to wake. */
    private final Microprocess owner;
    /** The component's real boxes, fixed when it was built, in declaration order. */
    private final List<Box> inboxes;
    private final List<Box> outboxes;
    /** The real boxes that carry shutdown: they cross last. */
    private final Box control;
    private final Box signal;
    /**
     * The thread's side of each real box, inbox or outbox: what the proxy moved in, for
     * the thread to take, or what the thread sent, for the proxy to move out. Filled once,
     * before the thread starts, and never changed: safe to read from both threads.
     */
    private final Map<Box, BlockingQueue<Object>> queues = new HashMap<>();
    /** Rung by the proxy after it moved messages in; the thread waits for it in pause(timeout). */
    private final Doorbell doorbell = new Doorbell();

    private final Body body;
    private Thread thread;
    /** Set by the thread when the body has returned or thrown; read by the proxy. */
    private volatile boolean bodyEnded;
    /** What the body threw, if it did; written before bodyEnded. */
    private volatile Throwable failure;
    /** Whether the thread has asked for the proxy to be woken, and the proxy has not run since. */
    private final AtomicBoolean wakeAsked = new AtomicBoolean();
    // end::fields[]

    /**
     * A proxy for {@code owner}, with a queue of {@code queueSize} messages for each of its
     * boxes, that runs {@code body} on a thread of its own.
     */
    ThreadProxy(Microprocess owner, List<Box> inboxes, List<Box> outboxes, int queueSize, Body body) {
        this.owner = owner;
        this.inboxes = List.copyOf(inboxes);
        this.outboxes = List.copyOf(outboxes);
        this.control = named(inboxes, "control");
        this.signal = named(outboxes, "signal");
        this.body = body;
        for (Box box : this.inboxes) {
            queues.put(box, new LinkedBlockingQueue<>(queueSize));
        }
        for (Box box : this.outboxes) {
            queues.put(box, new LinkedBlockingQueue<>(queueSize));
        }
    }

    private static Box named(List<Box> boxes, String name) {
        return boxes.stream().filter(box -> box.name().equals(name)).findFirst().orElseThrow();
    }

    // tag::step[]
    /**
     * One step, on the scheduler's thread: starts the thread at the first step, then moves
     * messages between the real boxes and the thread's queues, and makes sure the thread
     * has ended once the component is done.
     *
     * @return {@code false} once the body has ended and everything it sent has left
     * @throws ComponentFailed if the body threw
     */
    boolean step() {
        if (thread == null) {
            startThread();
        }
        wakeAsked.set(false); // from here on, anything the thread does asks for another step
        boolean again = false;
        try {
            again = relay();
        } finally {
            if (!again) {
                stopThread();
            }
        }
        return again;
    }
    // end::step[]

    // tag::relay[]
    /**
     * Reads whether the body has ended, moves messages in and out, then finishes (or
     * fails) if the body had ended, and otherwise sleeps until the thread or a delivery
     * wakes the component.
     *
     * @return {@code false} once the body has ended and everything it sent has left
     * @throws ComponentFailed if the body threw
     */
    private boolean relay() {
        // >>> stage 9 relay: read bodyEnded FIRST; moveIn(); moveOut(); if the body had ended, throw new ComponentFailed(owner, failure) if it failed, else return false; otherwise owner.pause() and return true
        boolean ended = bodyEnded; // first: whatever the body sent before it ended is in the queues now
        moveIn();
        moveOut();
        if (ended) {
            if (failure != null) {
                throw new ComponentFailed(owner, failure);
            }
            return false;
        }
        owner.pause();
        return true;
        // <<< stage 9
    }
    // end::relay[]

    // tag::move-in[]
    /**
     * Moves what has arrived in the real inboxes into the thread's queues, oldest first,
     * while they have room; what does not fit waits in the real inbox. {@code control}
     * comes last, and only once every other inbox has been moved entirely. Rings the
     * doorbell if anything moved.
     */
    private void moveIn() {
        // >>> stage 9 move-in: move each inbox but control into its queue (queues.get(inbox)) while the queue has room (remainingCapacity()) and the inbox is not empty (isEmpty(), take()); then control, if nothing was left behind; doorbell.ring() if anything moved. The proxy works on the Box: dataReady and recv are the thread's, in ThreadedComponent
        int moved = 0;
        boolean leftBehind = false;
        for (Box inbox : inboxes) {
            if (inbox != control) {
                moved += moveIn(inbox);
                leftBehind = leftBehind || !inbox.isEmpty();
            }
        }
        if (!leftBehind) {
            moved += moveIn(control);
        }
        if (moved > 0) {
            doorbell.ring();
        }
        // <<< stage 9
    }
    // end::move-in[]

    // >>> stage 9 move-in-helper: helpers for the proxy, if you want them
    //|
    /** Moves messages from one real inbox into its queue while the queue has room; returns how many. */
    private int moveIn(Box inbox) {
        BlockingQueue<Object> queue = queues.get(inbox);
        int moved = 0;
        while (!inbox.isEmpty() && queue.remainingCapacity() > 0) {
            queue.add(inbox.take());
            moved++;
        }
        return moved;
    }
    // <<< stage 9

    // tag::move-out[]
    /**
     * Moves what the thread has sent into the real outboxes, in the order it was sent.
     * What the thread sent on {@code signal} is taken first and put last, so that
     * everything it sent before (on any outbox) leaves before it.
     */
    private void moveOut() {
        // >>> stage 9 move-out: take what is in the signal queue FIRST (drainTo a list); then move every other outbox's queue into it (put); then put the signal messages
        List<Object> signals = new ArrayList<>();
        queues.get(signal).drainTo(signals); // first: what was sent before these is in the other queues now
        for (Box outbox : outboxes) {
            if (outbox != signal) {
                List<Object> sent = new ArrayList<>();
                queues.get(outbox).drainTo(sent);
                sent.forEach(outbox::put);
            }
        }
        signals.forEach(signal::put);
        // <<< stage 9
    }
    // end::move-out[]

    // tag::start-stop[]
    private void startThread() {
        thread = Thread.ofVirtual().name(owner.name()).unstarted(this::runBody);
        owner.scheduler().threadStarted(owner, this::stopThread);
        thread.start();
    }

    /** Runs on the thread: the body, then the news that it has ended. */
    private void runBody() {
        BoxGuard.enterThread(owner);
        try {
            body.run();
        } catch (Throwable t) {
            failure = t;
        } finally {
            BoxGuard.leaveThread();
            bodyEnded = true;
            wakeProxy();
        }
    }

    /**
     * Called on the scheduler's thread when the component finishes, or when the run ends
     * early: interrupts the thread if the body is still running, and waits for it to end.
     */
    private void stopThread() {
        if (thread == null || !owner.scheduler().threadEnded(owner)) {
            return;
        }
        if (!bodyEnded) {
            thread.interrupt();
        }
        boolean interrupted = false;
        try {
            if (!thread.join(STOP_PATIENCE)) {
                System.err.println(owner.name() + ": its thread did not stop within " + STOP_PATIENCE.toMillis()
                        + " ms of being interrupted: does body() ignore interrupts and shutdown requests?");
            }
        } catch (InterruptedException e) {
            interrupted = true;
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Asks the scheduler, from the thread, to step the proxy soon. Cheap when a request is
     * already pending: a thread that sends a thousand messages asks a handful of times.
     */
    void wakeProxy() {
        if (wakeAsked.compareAndSet(false, true)) {
            owner.scheduler().wakeFromThread(owner);
        }
    }
    // end::start-stop[]

    /** The thread's queue for one of the component's real boxes. Safe from any thread. */
    BlockingQueue<Object> queueOf(Box box) {
        return queues.get(box);
    }

    /** The doorbell the proxy rings after it moved messages in. */
    Doorbell doorbell() {
        return doorbell;
    }
}
