package axon;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A component: a microprocess that talks to the world only through named boxes.
 *
 * <h2>What it is</h2>
 * A component takes messages from its inboxes and puts messages into its outboxes. It
 * does not know where its outboxes lead or who fills its inboxes: its parent (or the
 * program that built it) wires the boxes together, the way a shell wires programs
 * together with pipes. By default a component has two inboxes, {@code inbox} for data
 * and {@code control} for shutdown requests, and two outboxes, {@code outbox} for data
 * and {@code signal} to pass shutdown on. Declare more with {@link Inbox} and
 * {@link Outbox} on the class, each with a sentence saying what travels through it.
 *
 * <h2>Example</h2>
 * <pre>{@code
 * @Inbox(name = "inbox", doc = "Text to shout")
 * @Outbox(name = "outbox", doc = "The same text in capitals")
 * class Shouter extends Component {
 *     protected boolean step() {
 *         while (dataReady("inbox")) {
 *             String text = (String) recv("inbox");
 *             send(text.toUpperCase(), "outbox");
 *         }
 *         return true;
 *     }
 * }
 * }</pre>
 * The {@code while (dataReady(...)) { recv(...) }} loop is the one idiom for draining
 * an inbox: it handles everything that has arrived, then lets the others run.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>Boxes are created when the component is constructed, one for each declared
 *       name, and never change afterwards.</li>
 *   <li>Asking for a box that is not declared throws {@link BoxNotFound}, naming the
 *       component and the box.</li>
 *   <li>{@code recv} on an empty inbox throws {@link EmptyBox}, naming both too.</li>
 * </ul>
 */
// tag::defaults[]
@Inbox(name = "inbox", doc = "Data to work on: the component's standard input")
@Inbox(name = "control", doc = "Requests to shut down: the component's signals")
@Outbox(name = "outbox", doc = "Data produced: the component's standard output")
@Outbox(name = "signal", doc = "Shutdown passed on to whoever comes next")
// end::defaults[]
public abstract class Component extends Microprocess {
    // tag::declaring[]
    private final Map<String, Box> inboxes = new LinkedHashMap<>();
    private final Map<String, Box> outboxes = new LinkedHashMap<>();
    private final List<Linkage> linkages = new ArrayList<>();

    /** Creates a component with the boxes declared on its class and superclasses. */
    protected Component() {
        // >>> stage 3: make one Box for each declared inbox and outbox (BoxDeclarations.inboxesOf(getClass()) gives name -> description)
        // tag::answer-constructor[]
        BoxDeclarations.inboxesOf(getClass())
                .forEach((name, doc) -> inboxes.put(name, new Box(this, name, doc, true)));
        BoxDeclarations.outboxesOf(getClass())
                .forEach((name, doc) -> outboxes.put(name, new Box(this, name, doc, false)));
        // end::answer-constructor[]
        // <<< stage 3
    }

    /**
     * The inbox with the given name.
     *
     * @throws BoxNotFound if this component has no such inbox
     */
    public Box inbox(String name) {
        // >>> stage 3: look the inbox up; throw new BoxNotFound(this, "inbox", name, inboxes.keySet()) if there is none
        // tag::answer-inbox[]
        Box box = inboxes.get(name);
        if (box == null) {
            throw new BoxNotFound(this, "inbox", name, inboxes.keySet());
        }
        return box;
        // end::answer-inbox[]
        // <<< stage 3
    }

    /**
     * The outbox with the given name.
     *
     * @throws BoxNotFound if this component has no such outbox
     */
    public Box outbox(String name) {
        // >>> stage 3: look the outbox up, like inbox(name)
        // tag::answer-outbox[]
        Box box = outboxes.get(name);
        if (box == null) {
            throw new BoxNotFound(this, "outbox", name, outboxes.keySet());
        }
        return box;
        // end::answer-outbox[]
        // <<< stage 3
    }
    // end::declaring[]

    /** All inboxes, in declaration order. */
    public Collection<Box> inboxes() {
        return Collections.unmodifiableCollection(inboxes.values());
    }

    /** All outboxes, in declaration order. */
    public Collection<Box> outboxes() {
        return Collections.unmodifiableCollection(outboxes.values());
    }

    // tag::messaging[]
    /**
     * Puts a message into one of this component's outboxes.
     *
     * @throws BoxNotFound if there is no such outbox
     */
    protected void send(Object message, String outbox) {
        // >>> stage 3: put the message into the named outbox
        // tag::answer-send[]
        outbox(outbox).put(message);
        // end::answer-send[]
        // <<< stage 3
    }

    /** Puts a message into {@code outbox}. */
    protected void send(Object message) {
        send(message, "outbox");
    }

    /**
     * Takes the oldest message from one of this component's inboxes.
     *
     * @throws BoxNotFound if there is no such inbox
     * @throws EmptyBox if the inbox holds no message
     */
    protected Object recv(String inbox) {
        // >>> stage 3: take the oldest message from the named inbox
        // tag::answer-recv[]
        return inbox(inbox).take();
        // end::answer-recv[]
        // <<< stage 3
    }

    /** Takes the oldest message from {@code inbox}. */
    protected Object recv() {
        return recv("inbox");
    }

    /**
     * Whether the named inbox holds a message.
     *
     * @throws BoxNotFound if there is no such inbox
     */
    protected boolean dataReady(String inbox) {
        // >>> stage 3: true when the named inbox is not empty
        // tag::answer-data-ready[]
        return !inbox(inbox).isEmpty();
        // end::answer-data-ready[]
        // <<< stage 3
    }

    /** Whether {@code inbox} holds a message. */
    protected boolean dataReady() {
        return dataReady("inbox");
    }

    /** Whether any of this component's inboxes holds a message. */
    protected boolean anyReady() {
        // >>> stage 3: true when at least one inbox is not empty
        // tag::answer-any-ready[]
        for (Box box : inboxes.values()) {
            if (!box.isEmpty()) {
                return true;
            }
        }
        return false;
        // end::answer-any-ready[]
        // <<< stage 3
    }
    // end::messaging[]

    // tag::link[]
    /**
     * Links two boxes (see {@link Linkage#link(Box, Box)}) and remembers the link as
     * this component's, so that it can be undone with {@link #unlinkAll()}. A parent
     * uses this to wire its children, and its own boxes to theirs.
     */
    protected Linkage link(Box source, Box sink) {
        Linkage linkage = Linkage.link(source, sink);
        linkages.add(linkage);
        return linkage;
    }

    /** Undoes every link this component made with {@link #link(Box, Box)}. */
    protected void unlinkAll() {
        for (Linkage linkage : linkages) {
            linkage.unlink();
        }
        linkages.clear();
    }
    // end::link[]

    /** The links this component made and has not undone. */
    public List<Linkage> linkages() {
        linkages.removeIf(linkage -> !linkage.isActive());
        return List.copyOf(linkages);
    }
}
