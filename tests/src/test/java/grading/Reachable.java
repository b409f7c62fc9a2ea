package grading;

import axon.Component;
import axon.Inbox;
import axon.Outbox;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Checks the contract "a component that finishes leaves nothing of itself reachable from
 * live components": the test keeps only weak references to the components that should be
 * gone, runs the garbage collector, and counts those still there. For one that is, it
 * says what still links to it, as far as the public API shows (its own links, a parent's
 * list of children).
 */
public final class Reachable {
    /**
     * How many finished components may still be reachable: a scheduler may keep a few in
     * a list it tidies now and then (the event-driven one does), which is no leak. A leak
     * keeps them all, hundreds in these tests.
     */
    static final int LINGERING = 40;

    private final List<WeakReference<Component>> watched = new CopyOnWriteArrayList<>();

    /** Watches {@code component}: it should become unreachable once it has finished. */
    public <T extends Component> T watch(T component) {
        watched.add(new WeakReference<>(component));
        return component;
    }

    /** How many components are watched. */
    public int count() {
        return watched.size();
    }

    /**
     * Runs the garbage collector until at most {@link #LINGERING} watched components are
     * still reachable, and then returns none; returns those still reachable when more than
     * that stay for {@code patience}. (A component once collected never comes back, so
     * waiting longer could only lower the count.)
     */
    public List<Component> survivors(Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            System.gc();
            List<Component> left = new ArrayList<>();
            for (WeakReference<Component> reference : watched) {
                Component component = reference.get();
                if (component != null) {
                    left.add(component);
                }
            }
            if (left.size() <= LINGERING) {
                return List.of();    // what the deadline would return too: none can come back once collected
            }
            if (System.nanoTime() > deadline) {
                return left;
            }
            left.clear();
            Thread.sleep(50);
        }
    }

    /** What can be seen of why {@code component} is still reachable: its links that were not undone. */
    public static String whyStillThere(Component component) {
        return Stream.concat(component.outboxes().stream(), component.inboxes().stream())
                .filter(box -> box.target() != null)
                .map(box -> "its " + box.kind() + " \"" + box.name() + "\" is still linked to " + box.target())
                .collect(Collectors.joining("; "));
    }

    /** A new {@link Noter} that watches with this. */
    public Noter noter() {
        return new Noter();
    }

    /**
     * Passes what arrives on {@code inbox} on out of {@code outbox}, unchanged; at its first
     * step its {@link Reachable} watches the component its outbox finally leads to (through
     * the public {@code Box.finalDestination()}: a test's probe, not how components are
     * written). Put it last in a server's protocol, and it watches the connection's socket.
     */
    @Inbox(name = "inbox", doc = "Anything")
    @Outbox(name = "outbox", doc = "The same, unchanged")
    public final class Noter extends Component {
        private boolean noted = false;

        @Override
        protected boolean step() {
            if (!noted && outbox("outbox").finalDestination() != outbox("outbox")) {
                noted = true;
                Reachable.this.watch(outbox("outbox").finalDestination().owner());
            }
            while (dataReady("inbox")) {
                send(recv("inbox"), "outbox");
            }
            if (shutdownRequested()) {
                passShutdownOn();
                return false;
            }
            pause();
            return true;
        }
    }
}
