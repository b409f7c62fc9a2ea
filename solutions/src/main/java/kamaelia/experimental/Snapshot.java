package kamaelia.experimental;

import axon.Box;
import axon.Component;
import axon.Microprocess;
import axon.Scheduler;
import axon.ThreadedComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A picture of a running system at one moment: every microprocess of a scheduler, the
 * boxes of each component with the messages waiting in them, the links between the
 * boxes, which chassis owns which child, who is asleep, and the services.
 *
 * <h2>Example</h2>
 * <pre>{@code
 * scheduler.runCycles(5);
 * Snapshot snapshot = Snapshot.of(scheduler);     // on the scheduler's thread, between cycles
 * System.out.println(snapshot.text());
 * Files.writeString(Path.of("system.svg"), snapshot.svg());
 * }</pre>
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>{@link #of(Scheduler)} reads live objects that only the scheduler's thread may
 *       touch: call it on that thread, between steps (as the {@link Introspector} does, or
 *       a program that steps the scheduler by hand), never from another thread while the
 *       scheduler runs.</li>
 *   <li>A snapshot is a record of plain values (names and numbers, no live objects): it
 *       never changes, and may be sent, kept and read anywhere.</li>
 *   <li>Nodes and links are listed in no particular order; {@link #text()} and
 *       {@link #svg()} show them in the order the microprocesses were created.</li>
 * </ul>
 *
 * @param scheduler the scheduler's name
 * @param cycles    how many cycles it had run
 * @param nodes     one per microprocess that has not finished
 * @param links     one per box that is linked to another
 * @param services  the scheduler's services, in the order they were registered
 */
public record Snapshot(String scheduler, long cycles, List<Node> nodes, List<Link> links, List<Service> services) {

    /** Copies the lists, so that the snapshot cannot change. */
    public Snapshot {
        nodes = List.copyOf(nodes);
        links = List.copyOf(links);
        services = List.copyOf(services);
    }

    /** What a microprocess is: a plain microprocess, a component, or a threaded component. */
    public enum Kind {
        MICROPROCESS, COMPONENT, THREADED_COMPONENT;

        /** The kind of a microprocess. */
        public static Kind of(Microprocess microprocess) {
            if (microprocess instanceof ThreadedComponent) {
                return THREADED_COMPONENT;
            }
            return microprocess instanceof Component ? COMPONENT : MICROPROCESS;
        }

        /** "microprocess", "component" or "threaded component". */
        public String words() {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }

    /**
     * One microprocess.
     *
     * @param name     its name, such as {@code Grep#5}
     * @param type     its class's simple name, such as {@code Grep}
     * @param kind     microprocess, component or threaded component
     * @param parent   the name of the component that owns it as a child, or {@code null}
     * @param asleep   whether the scheduler holds it asleep
     * @param inboxes  a component's inboxes, in declaration order (none for a plain microprocess)
     * @param outboxes a component's outboxes, in declaration order (none for a plain microprocess)
     */
    public record Node(String name, String type, Kind kind, String parent, boolean asleep, List<BoxState> inboxes,
            List<BoxState> outboxes) {

        /** Copies the lists, so that the node cannot change. */
        public Node {
            inboxes = List.copyOf(inboxes);
            outboxes = List.copyOf(outboxes);
        }

        /** The type of a microprocess: its class's simple name, or for an anonymous class the start of its name. */
        public static String typeOf(Microprocess microprocess) {
            String simple = microprocess.getClass().getSimpleName();
            if (!simple.isEmpty()) {
                return simple;
            }
            String name = microprocess.name();
            return name.contains("#") ? name.substring(0, name.indexOf('#')) : name;
        }
    }

    /**
     * One box of a component.
     *
     * @param name    the box's name
     * @param waiting how many messages are stored in the box itself
     */
    public record BoxState(String name, int waiting) {

        /** The state of a live box. */
        public static BoxState of(Box box) {
            return new BoxState(box.name(), box.size());
        }
    }

    /**
     * A link from one box to another, named by component and box.
     *
     * @param fromNode the name of the component whose box is linked
     * @param fromBox  the name of that box
     * @param toNode   the name of the component whose box it is linked to
     * @param toBox    the name of that box
     */
    public record Link(String fromNode, String fromBox, String toNode, String toBox) {

        /** The link from a live box to the box it is linked to. */
        public static Link of(Box from, Box to) {
            return new Link(from.owner().name(), from.name(), to.owner().name(), to.name());
        }

        @Override
        public String toString() {
            return fromNode + "." + fromBox + " -> " + toNode + "." + toBox;
        }
    }

    /**
     * A registered service: a name and the inbox it stands for.
     *
     * @param name the service's name
     * @param node the name of the component whose inbox it is
     * @param box  the inbox's name
     */
    public record Service(String name, String node, String box) {
    }

    // tag::walk[]
    /**
     * Takes a snapshot of everything a scheduler runs. Call it on the scheduler's thread,
     * between cycles: it reads the scheduler's lists, the components' boxes and their
     * links, none of which is thread-safe.
     */
    public static Snapshot of(Scheduler scheduler) {
        return of(scheduler, null);
    }

    /**
     * Takes a snapshot from inside a step: like {@link #of(Scheduler)}, and includes
     * {@code stepping}, the microprocess whose step is taking it (the scheduler does not
     * list a microprocess while it steps it).
     */
    public static Snapshot of(Scheduler scheduler, Microprocess stepping) {
        List<Microprocess> running = new ArrayList<>(scheduler.microprocesses());
        if (stepping != null && !running.contains(stepping)) {
            running.add(stepping);
        }
        // >>> stage 12 walk: one Node per microprocess in running (Node.typeOf, Kind.of, its parent among them, whether it is asleep, and for a component a BoxState of each inbox and outbox); one Link for each box of theirs whose target() is not null; one Service per name of scheduler.services()
        Set<Microprocess> asleep = new HashSet<>(scheduler.asleep());
        Map<Microprocess, String> parents = new HashMap<>();
        for (Microprocess microprocess : running) {
            if (microprocess instanceof Component component) {
                for (Component child : component.children()) {
                    parents.put(child, component.name());
                }
            }
        }
        List<Node> nodes = new ArrayList<>();
        List<Link> links = new ArrayList<>();
        for (Microprocess microprocess : running) {
            List<BoxState> inboxes = new ArrayList<>();
            List<BoxState> outboxes = new ArrayList<>();
            if (microprocess instanceof Component component) {
                for (Box box : component.inboxes()) {
                    inboxes.add(BoxState.of(box));
                    if (box.target() != null) {
                        links.add(Link.of(box, box.target()));
                    }
                }
                for (Box box : component.outboxes()) {
                    outboxes.add(BoxState.of(box));
                    if (box.target() != null) {
                        links.add(Link.of(box, box.target()));
                    }
                }
            }
            nodes.add(new Node(microprocess.name(), Node.typeOf(microprocess), Kind.of(microprocess),
                    parents.get(microprocess), asleep.contains(microprocess), inboxes, outboxes));
        }
        List<Service> services = new ArrayList<>();
        for (String name : scheduler.services().names()) {
            Box inbox = scheduler.services().retrieve(name);
            services.add(new Service(name, inbox.owner().name(), inbox.name()));
        }
        return new Snapshot(scheduler.name(), scheduler.cycles(), nodes, links, services);
        // <<< stage 12
    }
    // end::walk[]

    /** The node of the microprocess with this name, if it is in the snapshot. */
    public Optional<Node> node(String name) {
        return nodes.stream().filter(node -> node.name().equals(name)).findFirst();
    }

    /** How many of the nodes are asleep. */
    public long asleepCount() {
        return nodes.stream().filter(Node::asleep).count();
    }

    /**
     * The snapshot as text: a line per microprocess, children indented under their
     * parent, and under each the boxes that hold messages or are linked.
     * <pre>
     * Scheduler#1: 4 microprocesses, 3 asleep
     * Pipeline#4 (component, asleep)
     *   inbox -&gt; Source#1.inbox
     *   Source#1 (component, awake)
     *     outbox -&gt; Grep#2.inbox
     *   Grep#2 (component, asleep)
     *     inbox: 2 waiting
     * </pre>
     */
    public String text() {
        StringBuilder text = new StringBuilder();
        text.append(scheduler).append(": ").append(nodes.size())
                .append(nodes.size() == 1 ? " microprocess, " : " microprocesses, ")
                .append(asleepCount()).append(" asleep\n");
        for (Node node : inCreationOrder()) {
            if (node.parent() == null || node(node.parent()).isEmpty()) {
                describe(node, "", text);
            }
        }
        for (Service service : services) {
            text.append("service \"").append(service.name()).append("\" = ").append(service.node()).append('.')
                    .append(service.box()).append('\n');
        }
        return text.toString();
    }

    private void describe(Node node, String indent, StringBuilder text) {
        text.append(indent).append(node.name()).append(" (").append(node.kind().words()).append(", ")
                .append(node.asleep() ? "asleep" : "awake").append(")\n");
        List<BoxState> boxes = new ArrayList<>(node.inboxes());
        boxes.addAll(node.outboxes());
        for (BoxState box : boxes) {
            String target = links.stream()
                    .filter(link -> link.fromNode().equals(node.name()) && link.fromBox().equals(box.name()))
                    .map(link -> link.toNode() + "." + link.toBox()).findFirst().orElse(null);
            if (box.waiting() > 0 || target != null) {
                text.append(indent).append("  ").append(box.name());
                if (box.waiting() > 0) {
                    text.append(": ").append(box.waiting()).append(" waiting");
                }
                if (target != null) {
                    text.append(" -> ").append(target);
                }
                text.append('\n');
            }
        }
        for (Node child : children(node.name())) {
            describe(child, indent + "  ", text);
        }
    }

    /** The same as {@link #text()} without its last line break, so that a console shows the snapshot as text. */
    @Override
    public String toString() {
        return text().stripTrailing();
    }

    /** The picture of this snapshot, as an SVG document: see {@link SnapshotPicture}. */
    public String svg() {
        return SnapshotPicture.svg(this);
    }

    /** The nodes owned by the named node, in creation order. */
    public List<Node> children(String parent) {
        return inCreationOrder().stream().filter(node -> parent.equals(node.parent())).toList();
    }

    /** The nodes in the order their microprocesses were created: by the number in their names. */
    public List<Node> inCreationOrder() {
        return nodes.stream().sorted(Comparator.comparingLong(Snapshot::creationNumber)).toList();
    }

    private static long creationNumber(Node node) {
        String name = node.name();
        int hash = name.lastIndexOf('#');
        try {
            return hash < 0 ? Long.MAX_VALUE : Long.parseLong(name.substring(hash + 1));
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
