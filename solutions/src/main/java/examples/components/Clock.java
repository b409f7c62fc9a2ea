package examples.components;

import axon.Inbox;
import axon.Outbox;
import axon.ThreadedComponent;
import java.time.Duration;

/**
 * Sends "tick 1", "tick 2", ... out of {@code outbox}, one every {@code period}, until a
 * shutdown message arrives on {@code control}: something that keeps a system busy, to
 * look at while it runs.
 */
@Inbox(name = "inbox", doc = "Not used")
@Outbox(name = "outbox", doc = "tick 1, tick 2, ... one per period")
public class Clock extends ThreadedComponent {
    private final Duration period;

    /** A clock that ticks every {@code period}. */
    public Clock(Duration period) {
        this.period = period;
    }

    @Override
    protected void body() throws InterruptedException {
        for (int tick = 1; !shutdownRequested(); tick++) {
            pause(period);   // or until a message arrives: a shutdown ends the wait at once
            if (!shutdownRequested()) {
                send("tick " + tick, "outbox");
            }
        }
        passShutdownOn();
    }
}
