package examples.capstone;

import axon.Inbox;
import axon.Ipc;
import axon.Outbox;
import axon.ThreadedComponent;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A way in from outside the system: code that is not a component (a shutdown hook, a
 * test, a button in a window) calls {@link #press()}, from any thread, and the button
 * sends {@link Ipc.ShutdownMicroprocess} out of {@code outbox}. Link that to the
 * {@code control} of what it should stop, and link the end of the system (its
 * {@code signal}) to the button's {@code control}, so that the button ends with the
 * system if nobody presses it.
 *
 * <pre>{@code
 * StopButton stop = new StopButton();
 * Runtime.getRuntime().addShutdownHook(new Thread(stop::press));   // Ctrl-C
 * }</pre>
 * Only the scheduler's thread may touch boxes, so a thread outside cannot simply put a
 * message into an inbox: the button's own thread sends it, through the thread-safe
 * queues of a {@link ThreadedComponent}. A press is noticed within
 * {@link #LOOK_EVERY}.
 */
@Inbox(name = "inbox", doc = "Not used")
@Outbox(name = "outbox", doc = "One ShutdownMicroprocess when the button is pressed")
public class StopButton extends ThreadedComponent {
    /** How often the button's thread looks at its control inbox while it waits for a press. */
    public static final Duration LOOK_EVERY = Duration.ofMillis(25);

    private final CountDownLatch pressed = new CountDownLatch(1);

    /** Presses the button: safe from any thread, at any time; pressing again does nothing more. */
    public void press() {
        pressed.countDown();
    }

    @Override
    protected void body() throws InterruptedException {
        while (!shutdownRequested()) {
            if (pressed.await(LOOK_EVERY.toMillis(), TimeUnit.MILLISECONDS)) {
                send(new Ipc.ShutdownMicroprocess(), "outbox");
                break;
            }
        }
        passShutdownOn();
    }
}
