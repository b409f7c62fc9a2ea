package kamaelia.util;

import axon.Component;
import axon.Inbox;
import axon.Outbox;
import java.io.PrintStream;

/**
 * Prints every message it receives on a line of its own, like the end of a shell
 * pipeline. Ends when a shutdown message arrives on {@code control}, after printing
 * what arrived before it, and passes the message on.
 */
@Inbox(name = "inbox", doc = "Messages to print, one per line")
@Outbox(name = "outbox", doc = "Not used")
public class ConsolePrinter extends Component {
    private final PrintStream out;

    /** A printer writing to standard output. */
    public ConsolePrinter() {
        this(System.out);
    }

    /** A printer writing to {@code out}. */
    public ConsolePrinter(PrintStream out) {
        this.out = out;
    }

    @Override
    protected boolean step() {
        while (dataReady("inbox")) {
            out.println(recv("inbox"));
        }
        out.flush();
        if (shutdownRequested()) {
            passShutdownOn();
            return false;
        }
        pause();
        return true;
    }
}
