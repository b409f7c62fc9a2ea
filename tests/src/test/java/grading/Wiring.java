package grading;

import axon.Component;
import axon.Linkage;
import axon.Microprocess;
import axon.Scheduler;
import java.util.LinkedHashMap;
import java.util.Map;
import kamaelia.util.Recorder;

/**
 * Wiring for tests: two components linked the way a Pipeline links neighbours, components
 * activated in a given order, and a Graphline's two maps, written the way the handbook
 * draws them and kept in the order they are written ({@code Map.of} has none, so a test
 * would activate children and make links in a different order on each run):
 * <pre>{@code
 * new Graphline(children(entry("source", source), entry("grep", grep)),
 *         links("source.outbox -> grep.inbox", "source.signal -> grep.control"));
 * }</pre>
 */
public final class Wiring {
    private Wiring() {
    }

    /** Links {@code from}'s outbox to {@code to}'s inbox and its signal to {@code to}'s control. */
    public static void wire(Component from, Component to) {
        Linkage.link(from.outbox("outbox"), to.inbox("inbox"));
        Linkage.link(from.outbox("signal"), to.inbox("control"));
    }

    /**
     * A new collector at the end of {@code component}: wired to its outbox and signal, then
     * both activated on {@code scheduler}, the component first (so it must not be active
     * yet). The collector records what the component sends and what ended it.
     */
    static Recorder collectorOf(Scheduler scheduler, Component component) {
        Recorder collector = new Recorder();
        wire(component, collector);
        activate(scheduler, component, collector);
        return collector;
    }

    /** Activates {@code microprocesses} on {@code scheduler}, in the order given. */
    public static void activate(Scheduler scheduler, Microprocess... microprocesses) {
        for (Microprocess microprocess : microprocesses) {
            microprocess.activate(scheduler);
        }
    }

    /** Named children, in the order given. */
    @SafeVarargs
    static Map<String, Component> children(Map.Entry<String, ? extends Component>... named) {
        Map<String, Component> children = new LinkedHashMap<>();
        for (Map.Entry<String, ? extends Component> child : named) {
            children.put(child.getKey(), child.getValue());
        }
        return children;
    }

    /** Links written {@code "child.box -> child.box"}, in the order given. */
    static Map<String, String> links(String... arrows) {
        Map<String, String> links = new LinkedHashMap<>();
        for (String arrow : arrows) {
            String[] ends = arrow.split("->");
            if (ends.length != 2) {
                throw new IllegalArgumentException("a link is written \"from.box -> to.box\", not \"" + arrow + "\"");
            }
            links.put(ends[0].strip(), ends[1].strip());
        }
        return links;
    }
}
