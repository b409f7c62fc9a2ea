package examples.components;

import axon.Inbox;
import axon.Outbox;
import axon.ThreadedComponent;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Types snippets into an {@link kamaelia.experimental.Interpreter} as a person would: shows each one
 * after a prompt, sends it, waits for its answer and shows that, then types the next.
 * For demos and examples, where a script stands in for the keyboard.
 *
 * <p>Each snippet is sent as one message, so it must be complete (it may hold line
 * breaks): the interpreter then answers each with exactly one message. After the last
 * answer it sends {@link axon.Ipc.ProducerFinished} out of {@code signal} and ends; a
 * shutdown message on {@code control} stops it early and is passed on.
 */
@Inbox(name = "inbox", doc = "The interpreter's answers, one per snippet, as text")
@Outbox(name = "outbox", doc = "The snippets, one at a time, each after the answer to the one before")
public class Typist extends ThreadedComponent {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final List<String> snippets;
    private final Consumer<String> show;

    /** Types {@code snippets}, showing the transcript with {@code show}, a line at a time. */
    public Typist(List<String> snippets, Consumer<String> show) {
        this.snippets = List.copyOf(snippets);
        this.show = show;
    }

    @Override
    protected void body() throws InterruptedException {
        for (String snippet : snippets) {
            if (shutdownRequested()) {
                break;
            }
            show.accept("> " + snippet.replace("\n", "\n  "));
            send(snippet, "outbox", PATIENCE);
            String answer = recv("inbox", String.class, PATIENCE);   // null: told to stop, or no answer in time
            if (answer == null) {
                break;
            }
            show.accept(answer);
        }
        passShutdownOn();
    }
}
