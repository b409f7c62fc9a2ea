package kamaelia.chassis;

import axon.Chassis;
import axon.Component;
import java.util.List;

/**
 * A chassis that wires its children in a line, like a shell pipeline
 * {@code a | b | c}, and looks from outside like one component.
 *
 * <h2>Wiring</h2>
 * Each child's {@code outbox} goes to the next child's {@code inbox}, and its
 * {@code signal} to the next child's {@code control}, so data and shutdown both flow
 * down the line. The pipeline's own {@code inbox} and {@code control} pass straight
 * through to the first child, and the last child's {@code outbox} and {@code signal}
 * leave through the pipeline's own.
 *
 * <pre>{@code
 * new Pipeline(new Source(lines), new Grep("error"), new ConsolePrinter()).activate(scheduler);
 * scheduler.run();
 * }</pre>
 *
 * <h2>Contract</h2>
 * The children are wired when the pipeline is constructed, and activated on the
 * pipeline's scheduler at its first step. The pipeline sleeps while its children work,
 * is woken as each one finishes, lets go of finished children (and their links), and
 * finishes when all of them have.
 */
@Chassis
public class Pipeline extends Component {
    // tag::exercise[]
    private final List<Component> stages;
    private boolean started = false;

    /** A pipeline of the given components, in order; at least one. */
    public Pipeline(Component... components) {
        if (components.length == 0) {
            throw new IllegalArgumentException("a Pipeline needs at least one component");
        }
        this.stages = List.of(components);
        // >>> stage 7 constructor: adopt every component as a child, link each to the next (outbox to inbox, signal to control), and pass this pipeline's boxes through at both ends
        for (Component child : stages) {
            addChild(child);
        }
        for (int i = 0; i + 1 < stages.size(); i++) {
            link(stages.get(i).outbox("outbox"), stages.get(i + 1).inbox("inbox"));
            link(stages.get(i).outbox("signal"), stages.get(i + 1).inbox("control"));
        }
        Component first = stages.getFirst();
        Component last = stages.getLast();
        link(inbox("inbox"), first.inbox("inbox"));
        link(inbox("control"), first.inbox("control"));
        link(last.outbox("outbox"), outbox("outbox"));
        link(last.outbox("signal"), outbox("signal"));
        // <<< stage 7
    }

    @Override
    protected boolean step() {
        // >>> stage 7 step: at the first step activate the children on this pipeline's scheduler; finish when childrenDone(), otherwise sleep
        if (!started) {
            for (Component child : stages) {
                child.activate(scheduler());
            }
            started = true;
        }
        if (childrenDone()) {
            return false;
        }
        pause();
        return true;
        // <<< stage 7
    }
    // end::exercise[]
}
