package kamaelia.chassis;

import axon.Box;
import axon.Chassis;
import axon.Component;
import axon.Ipc;
import axon.Todo;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A chassis that wires named children as a graph, described by a map of links.
 *
 * <h2>Describing the graph</h2>
 * Children are named; each link is written {@code "child.box" -> "child.box"}. The
 * name {@code self} means the graphline's own boxes: {@code "self.inbox" -> "x.inbox"}
 * passes what arrives at the graphline on to child x, and {@code "y.outbox" ->
 * "self.outbox"} lets child y's output leave through the graphline.
 *
 * <pre>{@code
 * new Graphline(
 *     Map.of("source", new Source(lines), "errors", new Grep("ERROR"), "out", new ConsolePrinter()),
 *     Map.of("source.outbox", "errors.inbox",
 *            "source.signal", "errors.control",
 *            "errors.outbox", "out.inbox",
 *            "errors.signal", "out.control"));
 * }</pre>
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>Every link is checked when the graphline is constructed: an unknown child name
 *       or box name is an {@link IllegalArgumentException} that names the link.</li>
 *   <li>Children are activated at the graphline's first step, in the iteration order of
 *       the children's map (use a {@code LinkedHashMap} when the order matters).</li>
 *   <li>Shutdown: if no link starts at {@code self.control}, a message arriving there is
 *       passed to the {@code control} of every child that has no link into its
 *       {@code control}. When every child has finished, the graphline finishes; if no link
 *       ends at {@code self.signal}, it first sends out of {@code signal} the shutdown
 *       message it received, or {@link Ipc.ProducerFinished}.</li>
 * </ul>
 */
@Chassis
public class Graphline extends Component {
    private final Map<String, Component> named;
    private final Map<String, String> links;
    private boolean started = false;

    /**
     * A graphline of named children wired by {@code links} ({@code "name.box"} to
     * {@code "name.box"}; {@code self} names the graphline).
     *
     * @throws IllegalArgumentException if a link names an unknown child or box
     */
    public Graphline(Map<String, ? extends Component> children, Map<String, String> links) {
        this.named = new LinkedHashMap<>(children);
        this.links = new LinkedHashMap<>(links);
        if (named.containsKey("self")) {
            throw new IllegalArgumentException("a Graphline child cannot be called \"self\": that name means the graphline");
        }
        // TODO stage 7: adopt the children, then link every entry of the map, finding each end with endpoint(...)
        throw new Todo(7);
    }

    /**
     * The box one end of a link names: a child's outbox (or this graphline's inbox) at
     * the start of a link, a child's inbox (or this graphline's outbox) at its end.
     *
     * @throws IllegalArgumentException naming the link, if the child or box is unknown
     */
    protected Box endpoint(String from, String to, String end, boolean start) {
        String link = "\"" + from + "\" -> \"" + to + "\"";
        int dot = end.indexOf('.');
        if (dot <= 0 || dot == end.length() - 1) {
            throw new IllegalArgumentException("Graphline link " + link + ": \"" + end
                    + "\" should be written child.box, for example \"source.outbox\"");
        }
        String name = end.substring(0, dot);
        String box = end.substring(dot + 1);
        boolean self = name.equals("self");
        Component component = self ? this : named.get(name);
        if (component == null) {
            throw new IllegalArgumentException("Graphline link " + link + ": there is no child called \"" + name
                    + "\"; the children are " + named.keySet() + " (and self, the graphline itself)");
        }
        boolean wantInbox = self == start;
        try {
            return wantInbox ? component.inbox(box) : component.outbox(box);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Graphline link " + link + ": " + e.getMessage(), e);
        }
    }

    @Override
    protected boolean step() {
        // TODO stage 7: activate the children at the first step; pass control on when self.control is not linked; when childrenDone(), send the shutdown on if self.signal is not linked, and finish; otherwise sleep
        throw new Todo(7);
    }

    /** Whether some link of this graphline ends at the given box. */
    private boolean isLinkedInto(Box box) {
        return linkages().stream().anyMatch(linkage -> linkage.sink() == box);
    }
}
