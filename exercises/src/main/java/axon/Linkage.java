package axon;

/**
 * A link from one box to another: messages put into the source are delivered to the
 * sink.
 *
 * <h2>Three kinds of link</h2>
 * <ul>
 *   <li>outbox to inbox: the ordinary link between two components;</li>
 *   <li>inbox to inbox: a parent passes what arrives in its own inbox straight on to a
 *       child's inbox;</li>
 *   <li>outbox to outbox: a parent lets a child's output leave through the parent's own
 *       outbox.</li>
 * </ul>
 * The last two are <em>passthrough</em> links; with them a parent looks, from outside,
 * like one component. Links chain: delivery goes straight to the last box of a chain.
 * An inbox never links to an outbox.
 *
 * <h2>Example</h2>
 * <pre>{@code
 * Linkage linkage = Linkage.link(producer.outbox("outbox"), consumer.inbox("inbox"));
 * ...
 * linkage.unlink();
 * }</pre>
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>A box has at most one link out of it; linking it again throws
 *       {@link BoxAlreadyLinked}. Many boxes may link into the same box.</li>
 *   <li>Linking an inbox to an outbox, a box to itself, or closing a loop of links
 *       throws {@link IllegalArgumentException}.</li>
 *   <li>Messages waiting in the source when it is linked move on to the sink's end of
 *       the chain, in order, ahead of anything sent later.</li>
 *   <li>After {@link #unlink()}, messages put into the source stay there until it is
 *       linked again.</li>
 * </ul>
 */
public final class Linkage {
    private final Box source;
    private final Box sink;
    private boolean active = true;

    private Linkage(Box source, Box sink) {
        this.source = source;
        this.sink = sink;
        Trace.link(source, sink); // when a trace is on (see Trace)
    }

    /**
     * Links {@code source} to {@code sink}.
     *
     * @throws BoxAlreadyLinked if the source is linked already
     * @throws IllegalArgumentException for an inbox-to-outbox link, a link from a box
     *         to itself, or a link that would close a loop
     */
    public static Linkage link(Box source, Box sink) {
        // TODO stage 5: refuse what the contract forbids, then source.linkTo(sink) and return a new Linkage
        throw new Todo(5);
    }

    /** Undoes this link. Unlinking twice does nothing more. */
    public void unlink() {
        Trace.unlink(this); // when a trace is on (see Trace)
        // TODO stage 5: undo the link once
        throw new Todo(5);
    }

    /** The box messages are put into. */
    public Box source() {
        return source;
    }

    /** The box they are delivered to (or, if it is linked on, through). */
    public Box sink() {
        return sink;
    }

    /** Whether the link is still in place. */
    public boolean isActive() {
        return active;
    }

    @Override
    public String toString() {
        return source + " -> " + sink;
    }
}
