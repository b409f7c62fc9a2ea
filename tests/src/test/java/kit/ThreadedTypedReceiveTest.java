package kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import axon.Scheduler;
import axon.ThreadedComponent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The threaded component's typed wait, {@code recv(inbox, type, timeout)}: given code
 * built on the learner's {@code recv(inbox, timeout)}, with the check of
 * {@code recv(inbox, type)} (whose graded tests are stage 3's). Here on the reference:
 * the message comes back typed, {@code null} passes through, and a message of another
 * type is taken and named in an error that names the component, the box and both types.
 */
@Tag("kit")
@Timeout(20)
@DisplayName("Kit: a threaded component receives with a type and a timeout")
class ThreadedTypedReceiveTest {
    private static final Duration PATIENCE = Duration.ofSeconds(5);

    /** Receives three times as a String, then says what each receive gave or threw. */
    static final class Reader extends ThreadedComponent {
        final List<Object> seen = new CopyOnWriteArrayList<>();

        @Override
        protected void body() throws InterruptedException {
            String first = recv("inbox", String.class, PATIENCE);
            seen.add(first.toUpperCase());
            try {
                seen.add(recv("inbox", String.class, PATIENCE));
            } catch (ClassCastException e) {
                seen.add(e);
            }
            seen.add(String.valueOf(recv("inbox", String.class, Duration.ofMillis(50))));
            passShutdownOn();
        }
    }

    @Test
    @DisplayName("recv(inbox, String.class, timeout) gives a String, names the box and the type of a wrong message,"
            + " and gives null when nothing comes")
    void typedWait() {
        Scheduler scheduler = new Scheduler();
        Reader reader = new Reader();
        reader.inbox("inbox").put("hello");
        reader.inbox("inbox").put(42);
        reader.activate(scheduler);
        scheduler.run();

        assertEquals("HELLO", reader.seen.get(0), "the first message, typed as a String: " + reader.seen);
        ClassCastException wrong = assertInstanceOf(ClassCastException.class, reader.seen.get(1),
                "an Integer where a String was asked for must throw ClassCastException: " + reader.seen);
        String message = wrong.getMessage();
        assertTrue(message.contains(reader.name()) && message.contains("\"inbox\"") && message.contains("String")
                && message.contains("java.lang.Integer"), "the error must name the component, the box and both"
                + " types, as recv(inbox, type) does; it said: " + message);
        assertEquals("null", reader.seen.get(2), "with nothing left to come, the wait must end with null: "
                + reader.seen);
        assertTrue(reader.inbox("inbox").isEmpty(), "the wrong message is taken all the same");
    }
}
