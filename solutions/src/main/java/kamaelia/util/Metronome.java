package kamaelia.util;

import axon.Inbox;
import axon.NoSpaceInBox;
import axon.Outbox;
import axon.ThreadedComponent;
import java.time.Duration;
import java.util.Objects;

/**
 * Sends a {@link Tick} out of {@code outbox} every {@code period}, until a shutdown
 * message arrives on {@code control}: the clock of components that must look at the time
 * but may not wait, such as a {@link kamaelia.chassis.ServerCore} closing idle connections.
 *
 * <pre>{@code
 * link(metronome.outbox("outbox"), inbox("tick"));   // a tick wakes this component every second
 * }</pre>
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>Ticks are a reminder, not a count: when the receiver falls behind and the
 *       outbox's queue is full, a tick is dropped rather than waited for.</li>
 *   <li>A shutdown message on {@code control} ends it at once (within a period at most),
 *       and is passed on out of {@code signal}.</li>
 * </ul>
 */
@Inbox(name = "inbox", doc = "Not used")
@Outbox(name = "outbox", doc = "A Tick every period")
public class Metronome extends ThreadedComponent {
    /** The time has come to look at the time again. */
    public record Tick() {
    }

    private final Duration period;

    /**
     * A metronome that ticks every {@code period}.
     *
     * @throws IllegalArgumentException if the period is not positive
     */
    public Metronome(Duration period) {
        if (Objects.requireNonNull(period, "period").isNegative() || period.isZero()) {
            throw new IllegalArgumentException("a metronome's period must be more than zero, not " + period);
        }
        this.period = period;
    }

    @Override
    protected void body() throws InterruptedException {
        while (!shutdownRequested()) {
            pause(period); // or until a message arrives: a shutdown ends the wait at once
            if (!shutdownRequested()) {
                try {
                    send(new Tick(), "outbox", period);
                } catch (NoSpaceInBox full) {
                    // the receiver is behind: it will look at the time when it gets to the ticks it has
                }
            }
        }
        passShutdownOn();
    }
}
