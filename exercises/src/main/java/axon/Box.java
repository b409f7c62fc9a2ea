package axon;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A named inbox or outbox of a component: a first-in, first-out queue of messages.
 *
 * <h2>What it is</h2>
 * Components never call each other. A component puts messages into its own outboxes
 * and takes them from its own inboxes; whoever wired it up decides where they go.
 * Messages are kept in the order they were put, and taken from the front.
 *
 * <h2>Linking</h2>
 * A box can be linked to one other box (see {@link Linkage#link(Box, Box)}). From then
 * on, {@link #put(Object)} delivers straight into the last box of the chain of links
 * that starts here: the message is stored once, in that final box, with no hop through
 * the boxes in between. Messages waiting in a box when it is linked move on to the end
 * of the chain. {@link #size()} and {@link #take()} only ever see messages stored in this
 * box itself, so a parent whose inbox is linked on to a child's inbox sees nothing
 * there: the child has it.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>{@link #put(Object)} never refuses a message and never blocks. {@code null} is
 *       not a message. From stage 6 on, a message that lands in an inbox wakes the
 *       inbox's owner.</li>
 *   <li>{@link #take()} returns the oldest message stored here, or throws
 *       {@link EmptyBox} when there is none.</li>
 * </ul>
 * Not thread-safe: one scheduler thread uses it (from stage 9 on, a box used from a
 * component's own thread is refused: see {@code BoxGuard}).
 */
public final class Box {
    private final Component owner;
    private final String name;
    private final String description;
    private final boolean inbox;
    /**
     * How many messages have been put into this box, modulo 65,536: the live view reads its
     * change between two looks to flash a link per message that crossed it. A short fits in
     * the padding of a box object, so it costs no memory (bench: bytes per idle component).
     */
    private short puts;
    /** The oldest message stored here, or null when the box is empty. */
    private Object first;
    /** The messages stored behind {@code first}, oldest first; null until two wait at once, as most boxes never hold more than one. */
    private ArrayDeque<Object> rest;

    /** The box this one is linked to, or null. */
    private Box target;
    /** The boxes linked to this one; null until the first is. */
    private List<Box> sources;
    /** Where put() stores messages: the last box of the chain that starts here. */
    private Box sink = this;

    Box(Component owner, String name, String description, boolean inbox) {
        this.owner = owner;
        this.name = name;
        this.description = description;
        this.inbox = inbox;
    }

    /** The component this box belongs to. */
    public Component owner() {
        return owner;
    }

    /** The box's name, unique among its owner's inboxes (or outboxes). */
    public String name() {
        return name;
    }

    /** What travels through this box, as declared by its component. */
    public String description() {
        return description;
    }

    /** Whether this is an inbox (and not an outbox). */
    public boolean isInbox() {
        return inbox;
    }

    /** Whether this is an outbox (and not an inbox). */
    public boolean isOutbox() {
        return !inbox;
    }

    /** {@code "inbox"} or {@code "outbox"}. */
    public String kind() {
        return inbox ? "inbox" : "outbox";
    }

    /**
     * Adds a message at the back: to this box, or, if it is linked, to the last box of
     * its chain of links.
     *
     * @throws NullPointerException if the message is null
     */
    public void put(Object message) {
        BoxGuard.refuseOffSchedulerThread(this); // a box is for the scheduler's thread only (see BoxGuard)
        if (message == null) { // a plain test: a message supplier given to requireNonNull would be made at every put
            throw new NullPointerException("null cannot be sent: " + this + " takes messages, not nothing");
        }
        // TODO stage 5: store the message in the last box of the chain of links, not here
        store(message);
        puts++; // counted for the live view (see putCount)
        Trace.put(this, message); // records where the message went, when a trace is on (see Trace)
    }

    /** Stores a message at the back of this box itself: in {@code first} when the box is empty, else behind it in {@code rest}. */
    private void store(Object message) {
        if (first == null) {
            first = message;
        } else {
            if (rest == null) {
                rest = new ArrayDeque<>(2); // made when a second message waits, kept, grows as needed
            }
            rest.addLast(message);
        }
    }

    /**
     * Removes and returns the oldest message stored in this box.
     *
     * @throws EmptyBox if this box holds no message
     */
    public Object take() {
        BoxGuard.refuseOffSchedulerThread(this); // a box is for the scheduler's thread only (see BoxGuard)
        Trace.take(this); // when a trace is on (see Trace)
        // TODO stage 3: take the oldest message (first), or throw new EmptyBox(this) when there is none; the next oldest, if any, moves up from rest into first
        throw new Todo(3);
    }

    /** The number of messages stored in this box itself. */
    public int size() {
        BoxGuard.refuseOffSchedulerThread(this); // a box is for the scheduler's thread only (see BoxGuard)
        // TODO stage 3: count the messages stored here: none while first is null, else first and those in rest (none while rest is null)
        throw new Todo(3);
    }

    /** Whether this box itself stores no message. */
    public boolean isEmpty() {
        return size() == 0; // size() refuses a thread that is not the scheduler's (see BoxGuard)
    }

    /** The box this one is linked to, or {@code null} when it is not linked. */
    public Box target() {
        return target;
    }

    /** The last box of the chain of links that starts here: this box when it is not linked. */
    public Box finalDestination() {
        // TODO stage 5: the box where put() stores messages
        return this;
    }

    /** Links this box to {@code next}; {@link Linkage#link(Box, Box)} has checked that this is allowed. */
    void linkTo(Box next) {
        // TODO stage 5: record the link both ways (next.sources is null until its first link), then make this box and every box linked into it deliver to the end of next's chain; move waiting messages along
        throw new Todo(5);
    }

    /** Removes this box's link, so that it stores its messages itself again. */
    void unlink() {
        // TODO stage 5: forget the link both ways, then make this box and every box linked into it deliver here again
        throw new Todo(5);
    }

    // TODO stage 5: helpers for linking, if you want them

    /**
     * How many messages have been put into this box (with {@link #put}), modulo 65,536. A
     * message put here crosses this box's link, if it has one, so the live view shows a
     * link's traffic from the change of this count. Read it on the scheduler's thread.
     */
    public int putCount() {
        return puts & 0xFFFF;
    }

    /** A copy of what is stored here, oldest first, for {@link Trace} to look at. */
    ArrayDeque<Object> stored() {
        ArrayDeque<Object> copy = new ArrayDeque<>(rest == null ? List.of() : rest);
        if (first != null) {
            copy.addFirst(first);
        }
        return copy;
    }

    @Override
    public String toString() {
        return owner.name() + "." + name;
    }
}
