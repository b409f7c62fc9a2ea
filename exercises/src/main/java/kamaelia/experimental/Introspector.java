package kamaelia.experimental;

import kamaelia.util.MessageHandler;
import axon.Inbox;
import axon.Outbox;

/**
 * Looks at the running system from inside: for each request it receives, it sends a
 * {@link Snapshot} of everything its scheduler runs.
 *
 * <pre>{@code
 * new Graphline(
 *     Map.of("ask", new Source(List.of("look")), "look", new Introspector(), "show", new ConsolePrinter()),
 *     Map.of("ask.outbox", "look.inbox", "ask.signal", "look.control",
 *            "look.outbox", "show.inbox", "look.signal", "show.control")).activate(scheduler);
 * }</pre>
 *
 * <h2>Why a component</h2>
 * A snapshot reads the scheduler's lists and every component's boxes, which only the
 * scheduler's thread may touch. The introspector is cooperative, so it takes the snapshot
 * in its own step, on that thread, while every other component is between two steps:
 * the picture is consistent. Anything on another thread (an {@link Interpreter}'s
 * snippet, a test) asks it with a message and gets the snapshot back in a box.
 *
 * <h2>Contract</h2>
 * Any message on {@code inbox} asks for one snapshot, sent out of {@code outbox} in the
 * same step. A shutdown message on {@code control} ends it, after it has answered what
 * arrived before, and is passed on.
 */
@Inbox(name = "inbox", doc = "Requests for a snapshot: any message asks for one")
@Outbox(name = "outbox", doc = "A Snapshot of the whole running system for each request")
public class Introspector extends MessageHandler {

    @Override
    protected void handle(Object request) {
        // this: while the scheduler steps the introspector, it is not in the scheduler's lists
        send(Snapshot.of(scheduler(), this), "outbox");
    }
}
