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
    // tag::store[]
    /** The oldest message stored here, or null when the box is empty. */
    private Object first;
    /** The messages stored behind {@code first}, oldest first; null until two wait at once, as most boxes never hold more than one. */
    private ArrayDeque<Object> rest;
    // end::store[]

    // tag::link-fields[]
    /** The box this one is linked to, or null. */
    private Box target;
    /** The boxes linked to this one; null until the first is. */
    private List<Box> sources;
    /** Where put() stores messages: the last box of the chain that starts here. */
    private Box sink = this;
    // end::link-fields[]

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

    // tag::put[]
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
        // >>> stage 5 put: store the message in the last box of the chain of links, not here
        //| store(message);
        sink.store(message);
        // >>> stage 6 wake-owner: a message that lands in an inbox wakes the inbox's owner
        //|
        if (sink.inbox) {
            sink.owner.wake();
        }
        // <<< stage 6
        // <<< stage 5
        puts++; // counted for the live view (see putCount)
        Trace.put(this, message); // records where the message went, when a trace is on (see Trace)
    }
    // end::put[]

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

    // tag::take-size[]
    /**
     * Removes and returns the oldest message stored in this box.
     *
     * @throws EmptyBox if this box holds no message
     */
    public Object take() {
        BoxGuard.refuseOffSchedulerThread(this); // a box is for the scheduler's thread only (see BoxGuard)
        Trace.take(this); // when a trace is on (see Trace)
        // >>> stage 3 take: take the oldest message (first), or throw new EmptyBox(this) when there is none; the next oldest, if any, moves up from rest into first
        if (first == null) {
            throw new EmptyBox(this);
        }
        Object oldest = first;
        first = rest == null ? null : rest.pollFirst();
        return oldest;
        // <<< stage 3
    }

    /** The number of messages stored in this box itself. */
    public int size() {
        BoxGuard.refuseOffSchedulerThread(this); // a box is for the scheduler's thread only (see BoxGuard)
        // >>> stage 3 size: count the messages stored here: none while first is null, else first and those in rest (none while rest is null)
        if (first == null) {
            return 0;
        }
        return rest == null ? 1 : 1 + rest.size();
        // <<< stage 3
    }
    // end::take-size[]

    /** Whether this box itself stores no message. */
    public boolean isEmpty() {
        return size() == 0; // size() refuses a thread that is not the scheduler's (see BoxGuard)
    }

    /** The box this one is linked to, or {@code null} when it is not linked. */
    public Box target() {
        return target;
    }

    // tag::final-destination[]
    /** The last box of the chain of links that starts here: this box when it is not linked. */
    public Box finalDestination() {
        // >>> stage 5 final-destination: the box where put() stores messages
        //| return this;
        return sink;
        // <<< stage 5
    }
    // end::final-destination[]

    // tag::linking[]
    /** Links this box to {@code next}; {@link Linkage#link(Box, Box)} has checked that this is allowed. */
    void linkTo(Box next) {
        // >>> stage 5 link-to: record the link both ways (next.sources is null until its first link), then make this box and every box linked into it deliver to the end of next's chain; move waiting messages along
        target = next;
        if (next.sources == null) {
            next.sources = new ArrayList<>(1);
        }
        next.sources.add(this);
        redirect(this, next.sink);
        // >>> stage 6 link-wakes: messages that the link moved into an inbox wake the inbox's owner, as put() does
        //|
        Box end = finalDestination();
        if (end.isInbox() && !end.isEmpty()) {
            end.owner().wake();
        }
        // <<< stage 6
        // <<< stage 5
    }

    /** Removes this box's link, so that it stores its messages itself again. */
    void unlink() {
        // >>> stage 5 unlink: forget the link both ways, then make this box and every box linked into it deliver here again
        if (target == null) {
            return;
        }
        target.sources.remove(this);
        target = null;
        redirect(this, this);
        // <<< stage 5
    }

    // >>> stage 5 redirect: helpers for linking, if you want them
    //|
    /** Points {@code box} and every box linked into it, directly or not, at {@code end}. */
    private static void redirect(Box box, Box end) {
        box.sink = end;
        if (box != end && box.first != null) {
            end.store(box.first);
            if (box.rest != null) {
                box.rest.forEach(end::store);
            }
            box.first = null;
            box.rest = null;
        }
        if (box.sources != null) {
            for (Box source : box.sources) {
                redirect(source, end);
            }
        }
    }
    // <<< stage 5
    // end::linking[]

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
