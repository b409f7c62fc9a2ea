package kamaelia.util;

import axon.Inbox;
import axon.Outbox;
import axon.ThreadedComponent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;

/**
 * Reads lines of text, from the keyboard or any input stream, and sends each one out of
 * {@code outbox}: the start of an interactive pipeline, like Kamaelia's
 * {@code ConsoleReader}.
 *
 * <pre>{@code
 * new Pipeline(new ConsoleReader(System.in), new Interpreter(), new ConsolePrinter()).activate(scheduler);
 * }</pre>
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>Each line is sent without its line ending, in order. At the end of the input
 *       (Ctrl-D at a terminal, Ctrl-Z then Enter on Windows, the end of a file or pipe) it
 *       sends {@link axon.Ipc.ProducerFinished} out of {@code signal} and ends.</li>
 *   <li>A shutdown message on {@code control} ends it too, but only once the line being
 *       read has come: a read from the console cannot be interrupted.</li>
 * </ul>
 * It is a {@link ThreadedComponent}: reading waits for a person to type.
 */
@Inbox(name = "inbox", doc = "Not used")
@Outbox(name = "outbox", doc = "Each line read, without its line ending, in order")
public class ConsoleReader extends ThreadedComponent {

    private final BufferedReader in;

    /** Reads lines from {@code in}, in the platform's character set. */
    public ConsoleReader(InputStream in) {
        this.in = new BufferedReader(new InputStreamReader(in));
    }

    @Override
    protected void body() throws IOException, InterruptedException {
        for (String line = in.readLine(); line != null && !shutdownRequested(); line = in.readLine()) {
            send(line, "outbox");
        }
        passShutdownOn();
    }
}
