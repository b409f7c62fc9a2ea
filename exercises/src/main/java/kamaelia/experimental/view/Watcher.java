package kamaelia.experimental.view;

import axon.Microprocess;
import axon.Scheduler;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import kamaelia.experimental.Snapshot;

/**
 * The live view's eyes inside the running system. The scheduler calls it on its own
 * thread between two cycles ({@link Scheduler#watchBetweenCycles}), when every component
 * holds still: that is the only place where it takes snapshots, and the only place where
 * it pauses the system.
 *
 * <h2>How the view asks</h2>
 * The view never touches the scheduler, a component or a box. From its own threads it
 * only calls {@link #ask}: the request waits in a queue that the scheduler's thread
 * reads between cycles. If the scheduler is waiting for its threads, with nothing awake,
 * the request also asks it for a cycle ({@link Scheduler#wakeFromThread}), so that the
 * answer does not wait for the system to do something.
 *
 * <h2>Cost</h2>
 * Between cycles, when nothing was asked, it reads one queue and returns: a few
 * nanoseconds, whatever the size of the system.
 *
 * <h2>Pausing</h2>
 * While paused, the watcher holds the scheduler's thread between two cycles, waiting
 * for the next request, so no cooperative component runs. "step" lets one cycle run,
 * "run" lets the system go on. Threaded components keep running on their own threads;
 * what they send waits in boxes until the system runs again.
 */
final class Watcher implements Consumer<Scheduler> {
    /** What the view can ask for. */
    enum Request { LOOK, PAUSE, STEP, RUN, CLOSE }

    /** How long a paused watcher waits for a request before it looks again (threads may have sent). */
    private static final long PAUSED_LOOK_MILLIS = 250;

    /** Never activated: a wake-up request for it only makes a waiting scheduler run a cycle. */
    private static final class Nudge extends Microprocess {
        @Override
        protected boolean step() {
            return false;
        }
    }

    private final Scheduler scheduler;
    private final Microprocess nudge = new Nudge();
    private final LinkedBlockingQueue<Request> requests = new LinkedBlockingQueue<>();
    private final BiConsumer<Snapshot, Map<String, Integer>> seen;
    private final AtomicBoolean lookAsked = new AtomicBoolean();
    private final AtomicBoolean nudged = new AtomicBoolean();
    private volatile boolean paused;
    private volatile boolean closed;

    /**
     * A watcher of {@code scheduler} that hands each snapshot it takes, with the count of
     * messages put into each box ({@link Traffic}), to {@code seen} (on the scheduler's thread).
     */
    Watcher(Scheduler scheduler, BiConsumer<Snapshot, Map<String, Integer>> seen) {
        this.scheduler = scheduler;
        this.seen = seen;
    }

    /** Asks for something, from any thread: the watcher does it before the scheduler's next cycle. */
    void ask(Request request) {
        if (closed || request == Request.LOOK && !lookAsked.compareAndSet(false, true)) {
            return;     // one look asked for is enough: requests never pile up while the scheduler is not running
        }
        requests.add(request);
        if (nudged.compareAndSet(false, true)) {
            scheduler.wakeFromThread(nudge);
        }
    }

    /** Whether the view has paused the system. */
    boolean paused() {
        return paused;
    }

    /** Called by the scheduler, on its thread, before each cycle. */
    @Override
    public void accept(Scheduler running) {
        if (!paused && requests.isEmpty()) {
            return;     // nothing asked: the usual case, and it must cost nothing
        }
        nudged.set(false);
        boolean stepOnce = false;
        for (Request request = requests.poll(); request != null; request = requests.poll()) {
            stepOnce |= handle(request);
        }
        if (!closed) {
            look();
        }
        while (paused && !stepOnce && !closed) {
            stepOnce = handle(waitForRequest());
            if (!closed) {
                look();
            }
        }
        if (closed) {
            scheduler.watchBetweenCycles(null);
        }
    }

    /** Takes a snapshot and the links' traffic, now, on the scheduler's thread. */
    void look() {
        seen.accept(Snapshot.of(scheduler), Traffic.of(scheduler));
    }

    /** Does one request; says whether it lets one cycle run. */
    private boolean handle(Request request) {
        switch (request) {
            case PAUSE -> paused = true;
            case RUN -> paused = false;
            case CLOSE -> closed = true;
            case STEP -> {
                paused = true;
                return true;
            }
            case LOOK -> lookAsked.set(false);     // taken: the next look may be asked for
        }
        return false;
    }

    /**
     * Waits a little for the next request, on the scheduler's thread: this is the pause.
     * An interrupt ends the pause, so that a scheduler that is being stopped is not held.
     */
    private Request waitForRequest() {
        try {
            Request request = requests.poll(PAUSED_LOOK_MILLIS, TimeUnit.MILLISECONDS);
            return request != null ? request : Request.LOOK;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Request.RUN;
        }
    }
}
