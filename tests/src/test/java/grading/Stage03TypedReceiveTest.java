package grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import axon.Component;
import grading.support.Graded;
import grading.support.GradedTest;

/**
 * Receiving with a type, {@code recv(inbox, type)}: the chapter's "Mistakes are errors" says
 * that a message of another type throws a ClassCastException that names the box and both
 * types. The typed form is given code built on the learner's {@code recv(inbox)}.
 */
@Graded(stage = 3, title = "a component with boxes, receiving with a type")
class Stage03TypedReceiveTest {

    /** A component whose test reaches its protected typed recv. */
    static final class Typed extends Component {
        @Override
        protected boolean step() {
            return true;
        }

        <T> T receive(String inbox, Class<T> type) {
            return recv(inbox, type);
        }
    }

    @GradedTest(order = 1, value = "recv(inbox, type) takes the oldest message of the named inbox, as that type")
    void typedRecvTakesTheMessage() {
        Typed typed = new Typed();
        typed.inbox("inbox").put("first");
        typed.inbox("inbox").put("second");
        String text = typed.receive("inbox", String.class);
        assertEquals("first", text, "recv(\"inbox\", String.class) must give back the oldest message of inbox,"
                + " \"first\", typed as a String");
        assertEquals(1, typed.inbox("inbox").size(), "recv(\"inbox\", String.class) must take exactly one message"
                + " out of inbox, leaving \"second\"");
    }

    @GradedTest(order = 2, value = "recv(inbox, type) on a message of another type throws ClassCastException, naming"
            + " the box and both types")
    void typedRecvRefusesAnotherType() {
        Typed typed = new Typed();
        typed.inbox("inbox").put("not a number");
        ClassCastException error = assertThrows(ClassCastException.class,
                () -> typed.receive("inbox", Integer.class),
                "\"recv(inbox, type) on an inbox that holds a message of another type throws a ClassCastException\""
                        + " (chapter, Mistakes are errors): here inbox holds a String and Integer was asked for");
        String message = String.valueOf(error.getMessage());
        assertTrue(message.contains("inbox") && message.contains("Integer") && message.contains("String"),
                "the ClassCastException must name the box (inbox) and both types (Integer asked for, String"
                        + " arrived), as the chapter says; it said: " + message);
        assertTrue(typed.inbox("inbox").isEmpty(), "the message of the wrong type is taken all the same (recv's javadoc):"
                + " inbox must be empty afterwards");
    }
}
