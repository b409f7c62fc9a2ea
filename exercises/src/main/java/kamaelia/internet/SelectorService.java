package kamaelia.internet;

import axon.Box;
import axon.Scheduler;
import java.util.Optional;

/**
 * Finds the {@link Selector} of a scheduler, the service that wakes socket components
 * when their sockets are ready, and starts one if there is none: the way Axon's
 * {@code Selector.getSelectorServices()} does.
 *
 * <pre>{@code
 * link(outbox("selector"), SelectorService.inbox(scheduler()));       // at the first step
 * send(new Selector.Watch(channel, SelectionKey.OP_READ, inbox("ready")), "selector");
 * }</pre>
 *
 * A component links an outbox to the service and sends its first {@link Selector.Watch}
 * in the same step: a selector that has nothing left to watch ends, and the next
 * component to ask starts a new one.
 */
public final class SelectorService {
    /** The name the selector's requests inbox is registered under. */
    public static final String NAME = "selector";

    private SelectorService() {
    }

    /**
     * The inbox of this scheduler's selector service, to send {@link Selector.Watch} and
     * {@link Selector.Forget} requests to. If the scheduler has no selector, one is
     * created, activated and registered under {@link #NAME}. Call it on the scheduler's
     * thread, from a component's step.
     */
    public static Box inbox(Scheduler scheduler) {
        Optional<Box> running = scheduler.services().find(NAME);
        if (running.isPresent()) {
            return running.get();
        }
        Selector selector = new Selector();
        selector.activate(scheduler);
        scheduler.services().register(NAME, selector.inbox("inbox"));
        return selector.inbox("inbox");
    }
}
