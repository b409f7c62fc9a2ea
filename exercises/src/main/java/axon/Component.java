package axon;

import java.util.ArrayList;
import java.util.List;

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
 * Declare one of the four defaults again only to say what its sentence cannot: the
 * kind of data an {@code inbox} takes, or that a box is not used. {@code control} and
 * {@code signal} keep theirs in nearly every component: what a component does with a
 * shutdown message is part of its contract, in its class's documentation.
 *
 * <h2>Example</h2>
 * <pre>{@code
 * @Inbox(name = "inbox", doc = "Text to shout")
 * @Outbox(name = "outbox", doc = "The same text in capitals")
 * class Shouter extends Component {
 *     protected boolean step() {
 *         while (dataReady("inbox")) {
 *             String text = recv("inbox", String.class);
 *             send(text.toUpperCase(), "outbox");
 *         }
 *         return true;
 *     }
 * }
 * }</pre>
 * The {@code while (dataReady(...)) { recv(...) }} loop is the one idiom for draining
 * an inbox: it handles everything that has arrived, then lets the others run.
 *
 * <h2>Shutting down (stage 6)</h2>
 * A component ends when its {@code step()} returns {@code false}. By convention it ends
 * when it runs out of work or when a shutdown message ({@link Ipc}) arrives on
 * {@code control}, and either way it passes a shutdown message on out of
 * {@code signal}, so that the components wired after it end too. The idiom, the same in
 * every component:
 * <pre>{@code
 * protected boolean step() {
 *     while (dataReady("inbox")) {
 *         ... handle recv("inbox") ...
 *     }
 *     if (shutdownRequested()) {
 *         passShutdownOn();
 *         return false;
 *     }
 *     pause();          // nothing to do: sleep until a message arrives
 *     return true;
 * }
 * }</pre>
 *
 * <h2>Children (stage 6; chassis from stage 7)</h2>
 * A component can own others ({@link #addChild}), wire their boxes and activate them;
 * when a child finishes, its parent is woken. Only such a parent, a chassis, may hold
 * references to other components.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>Boxes are created when the component is constructed, one for each declared
 *       name; only outboxes added with {@link #addOutbox} come and go later.</li>
 *   <li>Asking for a box that is not declared throws {@link BoxNotFound}, naming the
 *       component and the box.</li>
 *   <li>{@code recv} on an empty inbox throws {@link EmptyBox}, naming both too.</li>
 * </ul>
 */
@Inbox(name = "inbox", doc = "Data to work on: the component's standard input")
@Inbox(name = "control", doc = "Requests to shut down: the component's signals")
@Outbox(name = "outbox", doc = "Data produced: the component's standard output")
@Outbox(name = "signal", doc = "Shutdown passed on to whoever comes next")
public abstract class Component extends Microprocess {
    /**
     * The inboxes, in declaration order: a few, so a list searched by name is all it takes.
     * They never change, so the list is an unmodifiable copy, the smallest list there is.
     */
    private List<Box> inboxes = List.of();
    /** The outboxes, in declaration order; replaced by a new list on the rare {@link #addOutbox}. */
    private List<Box> outboxes = List.of();
    /** The links this component made, in order; a list is made at the first, as most components make none. */
    private List<Linkage> linkages = List.of();
    /** The children, in the order they were added; a list is made at the first, as most components have none. */
    private List<Component> children = List.of();
    /** The shutdown message that arrived on control, once one has. */
    private Ipc shutdown;
    /**
     * The inbox called {@code inbox} and the outbox called {@code outbox}, which every
     * component has and most sends and receives name: kept here too, so that they can be
     * found without a search (null until the constructor has made the boxes).
     */
    private Box standardInbox;
    private Box standardOutbox;

    /** Creates a component with the boxes declared on its class and superclasses. */
    protected Component() {
        // TODO stage 3: make one Box for each declared inbox and outbox (BoxDeclarations.inboxesOf(getClass()) gives name -> description); keep them, in order, in inboxes and outboxes (List.copyOf of a list you filled), and the ones called inbox and outbox in standardInbox and standardOutbox too
        throw new Todo(3);
    }

    /**
     * The inbox with the given name.
     *
     * @throws BoxNotFound if this component has no such inbox
     */
    public Box inbox(String name) {
        // TODO stage 3: look the inbox up with named(inboxes, name), or take standardInbox when the name is "inbox"; throw new BoxNotFound(this, "inbox", name, namesOf(inboxes)) if there is none
        throw new Todo(3);
    }

    /**
     * The outbox with the given name.
     *
     * @throws BoxNotFound if this component has no such outbox
     */
    public Box outbox(String name) {
        // TODO stage 3: look the outbox up, like inbox(name)
        throw new Todo(3);
    }

    /** The box called {@code name} among {@code boxes}, or {@code null} if there is none. */
    private static Box named(List<Box> boxes, String name) {
        for (Box box : boxes) {
            if (box.name().equals(name)) {
                return box;
            }
        }
        return null;
    }

    /** The names of {@code boxes}, in order: for error messages. */
    private static List<String> namesOf(List<Box> boxes) {
        return boxes.stream().map(Box::name).toList();
    }

    /**
     * Adds an outbox while the component runs, for components whose wiring changes as
     * they go, such as a fan-out that gains an outbox per subscriber.
     *
     * @throws IllegalArgumentException if an outbox of that name exists
     */
    protected Box addOutbox(String name, String description) {
        if (named(outboxes, name) != null) {
            throw new IllegalArgumentException(name() + " already has an outbox called \"" + name + "\"");
        }
        Box box = new Box(this, name, description, false);
        List<Box> more = new ArrayList<>(outboxes);
        more.add(box);
        outboxes = List.copyOf(more);
        return box;
    }

    /** Removes an outbox added with {@link #addOutbox}, undoing its link if it has one. */
    protected void removeOutbox(String name) {
        Box box = outbox(name);
        for (Linkage linkage : List.copyOf(linkages)) {
            if (linkage.source() == box) {
                linkage.unlink();
                linkages.remove(linkage);
            }
        }
        if (box.target() != null) {
            throw new IllegalStateException(box + " is still linked to " + box.target() + ", by a link that "
                    + name() + " did not make with its own link(source, sink): if this component made it with"
                    + " Linkage.link, make it with link(...) instead, so that it is remembered and undone here;"
                    + " otherwise whoever made it must unlink it first");
        }
        outboxes = outboxes.stream().filter(other -> other != box).toList();
        if (box == standardOutbox) {
            standardOutbox = null; // no longer found, by name or otherwise
        }
    }

    /** All inboxes, in declaration order. */
    public List<Box> inboxes() {
        return List.copyOf(inboxes);
    }

    /** All outboxes, in declaration order (those added with {@link #addOutbox} last). */
    public List<Box> outboxes() {
        return List.copyOf(outboxes);
    }

    /**
     * Puts a message into one of this component's outboxes.
     *
     * @throws BoxNotFound if there is no such outbox
     */
    protected void send(Object message, String outbox) {
        // TODO stage 3: put the message into the named outbox
        throw new Todo(3);
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
        // TODO stage 3: take the oldest message from the named inbox
        throw new Todo(3);
    }

    /** Takes the oldest message from {@code inbox}. */
    protected Object recv() {
        return recv("inbox");
    }

    /**
     * Takes the oldest message from one of this component's inboxes, as a {@code type}:
     * {@code String text = recv("inbox", String.class);} says what the component expects,
     * where a cast would not say which box the wrong message came from.
     *
     * @throws BoxNotFound if there is no such inbox
     * @throws EmptyBox if the inbox holds no message
     * @throws ClassCastException if the message is not a {@code type}; the message is taken
     *         all the same, and the error names the box and the type that arrived
     */
    protected final <T> T recv(String inbox, Class<T> type) {
        return received(recv(inbox), inbox, type);
    }

    /**
     * A message just taken from {@code inbox}, as a {@code type}: the check of every typed
     * {@code recv}.
     *
     * @throws ClassCastException if the message is not a {@code type}, naming this component,
     *         the box and the type that arrived
     */
    final <T> T received(Object message, String inbox, Class<T> type) {
        if (!type.isInstance(message)) {
            throw new ClassCastException(name() + " expected a message of type " + type.getSimpleName()
                    + " on its inbox \"" + inbox + "\" but got one of type " + message.getClass().getName()
                    + " (" + message + "), which has been taken. Send only " + type.getSimpleName()
                    + " messages to that box, or receive with recv(\"" + inbox + "\") and test each message"
                    + " with instanceof."
                    + (type.isPrimitive() ? " (" + type + " is a primitive type: use its wrapper, such as"
                    + " Integer.class.)" : ""));
        }
        return type.cast(message);
    }

    /**
     * Whether the named inbox holds a message.
     *
     * @throws BoxNotFound if there is no such inbox
     */
    protected boolean dataReady(String inbox) {
        // TODO stage 3: true when the named inbox is not empty
        throw new Todo(3);
    }

    /** Whether {@code inbox} holds a message. */
    protected boolean dataReady() {
        return dataReady("inbox");
    }

    /** Whether any of this component's inboxes holds a message. */
    protected boolean anyReady() {
        // TODO stage 3: true when at least one inbox is not empty
        throw new Todo(3);
    }

    /**
     * Takes every message waiting on {@code control} and says whether a shutdown message
     * ({@link Ipc.ProducerFinished} or {@link Ipc.ShutdownMicroprocess}) has arrived, now
     * or at an earlier call. Other messages on {@code control} are dropped. The message
     * is kept for {@link #passShutdownOn()}; a {@code ShutdownMicroprocess} replaces a
     * {@code ProducerFinished} kept before it, as the stronger request.
     */
    protected boolean shutdownRequested() {
        // TODO stage 6: drain control with dataReady("control") and recv("control") (not the box itself); keep the shutdown message (ShutdownMicroprocess wins over ProducerFinished); say whether one has arrived
        throw new Todo(6);
    }

    /** The shutdown message kept by {@link #shutdownRequested()}, or {@code null} if none has arrived. */
    protected final Ipc shutdownMessage() {
        return shutdown;
    }

    /**
     * Sends the shutdown message that arrived on {@code control} out of {@code signal};
     * if none arrived (the component ran out of work by itself), sends
     * {@link Ipc.ProducerFinished}.
     */
    protected void passShutdownOn() {
        send(shutdown != null ? shutdown : new Ipc.ProducerFinished(), "signal");
    }

    /**
     * Adopts a child: when the child finishes, this component lets go of it (as
     * {@link #removeChild} does) and is woken. The child still has to be wired and
     * activated.
     */
    protected void addChild(Component child) {
        if (children.isEmpty()) {
            children = new ArrayList<>();
        }
        children.add(child);
        child.whenFinished(() -> {
            removeChild(child);
            wake();
        });
    }

    /** Forgets a child and undoes every link this component made to or from its boxes. */
    protected void removeChild(Component child) {
        if (children.contains(child)) {
            children.remove(child);
        }
        for (Linkage linkage : List.copyOf(linkages)) {
            if (linkage.source().owner() == child || linkage.sink().owner() == child) {
                linkage.unlink();
                linkages.remove(linkage);
            }
        }
    }

    /** Whether every child has finished. It only looks: a finished child has already been let go. */
    protected boolean childrenDone() {
        for (Component child : children) {
            if (!child.isFinished()) {
                return false;
            }
        }
        return true;
    }

    /** This component's children, in the order they were added. */
    public List<Component> children() {
        return List.copyOf(children);
    }

    /**
     * Links two boxes (see {@link Linkage#link(Box, Box)}) and remembers the link as
     * this component's, so that it can be undone with {@link #unlinkAll()}. A parent
     * uses this to wire its children, and its own boxes to theirs.
     */
    protected Linkage link(Box source, Box sink) {
        Linkage linkage = Linkage.link(source, sink);
        if (linkages.isEmpty()) {
            linkages = new ArrayList<>();
        }
        linkages.removeIf(old -> !old.isActive()); // links undone by someone else are forgotten here
        linkages.add(linkage);
        return linkage;
    }

    /** Undoes every link this component made with {@link #link(Box, Box)}. */
    protected void unlinkAll() {
        for (Linkage linkage : linkages) {
            linkage.unlink();
        }
        linkages = List.of();
    }

    /** The links this component made and has not undone. */
    public List<Linkage> linkages() {
        return linkages.stream().filter(Linkage::isActive).toList();
    }
}
