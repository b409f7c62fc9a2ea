package axon;

/**
 * Thrown when a threaded component sends a message and the queue of that outbox is
 * full: its thread has sent as many messages as the queue holds, and the scheduler has
 * not yet passed them on.
 *
 * <p>Nothing was sent, so sending the same message again later neither loses nor
 * repeats it. {@link ThreadedComponent#send(Object, String, java.time.Duration)} does
 * that for you: it waits for room. Like Axon's {@code noSpaceInBox}, and like
 * {@link java.util.Queue#add} on a full queue.
 */
public final class NoSpaceInBox extends IllegalStateException {
    /**
     * @param box      the outbox whose queue is full
     * @param capacity how many messages the queue holds
     */
    public NoSpaceInBox(Box box, int capacity) {
        super(box.owner().name() + "'s " + box.kind() + " \"" + box.name() + "\" is full: it holds " + capacity
                + " messages that the scheduler has not passed on yet. Nothing was sent: send again when there is"
                + " room, or use send(message, \"" + box.name() + "\", timeout), which waits for it.");
    }
}
