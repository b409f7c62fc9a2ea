package kamaelia.chassis;

import axon.Chassis;
import axon.Component;
import axon.Todo;
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
    private final List<Component> stages;
    private boolean started = false;

    /** A pipeline of the given components, in order; at least one. */
    public Pipeline(Component... components) {
        if (components.length == 0) {
            throw new IllegalArgumentException("a Pipeline needs at least one component");
        }
        this.stages = List.of(components);
        // TODO stage 7: adopt every component as a child, link each to the next (outbox to inbox, signal to control), and pass this pipeline's boxes through at both ends
        throw new Todo(7);
    }

    @Override
    protected boolean step() {
        // TODO stage 7: at the first step activate the children on this pipeline's scheduler; finish when childrenDone(), otherwise sleep
        throw new Todo(7);
    }
}
