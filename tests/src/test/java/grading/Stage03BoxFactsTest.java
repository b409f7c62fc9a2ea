package grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import axon.Box;
import axon.BoxNotFound;
import grading.support.Graded;
import grading.support.GradedTest;
import java.util.List;

/** What a box knows of itself, and what BoxNotFound tells: both stated in the stage 3 chapter. */
@Graded(stage = 3, title = "a component with boxes, what a box knows and what a mistake tells")
class Stage03BoxFactsTest {

    @GradedTest(order = 1, value = "a box knows its owner, its name, whether it is an inbox or an outbox, and its"
            + " description")
    void aBoxKnowsItself() {
        Plain plain = new Plain();
        Box inbox = plain.inbox("inbox");
        Box outbox = plain.outbox("outbox");
        assertSame(plain, inbox.owner(), "\"a box also knows its owner\" (chapter, Boxes): inbox's owner");
        assertEquals("inbox", inbox.name(), "a box knows its name");
        assertEquals("outbox", outbox.name(), "a box knows its name");
        assertEquals(List.of(true, false, "inbox"), List.of(inbox.isInbox(), inbox.isOutbox(), inbox.kind()),
                "a box knows whether it is an inbox or an outbox: inbox's isInbox(), isOutbox(), kind()");
        assertEquals(List.of(false, true, "outbox"), List.of(outbox.isInbox(), outbox.isOutbox(), outbox.kind()),
                "a box knows whether it is an inbox or an outbox: outbox's isInbox(), isOutbox(), kind()");
        assertTrue(!inbox.description().isBlank() && !inbox.description().equals(outbox.description()),
                "a box knows the sentence that describes it, as declared with @Inbox/@Outbox: inbox said \""
                        + inbox.description() + "\", outbox said \"" + outbox.description() + "\"");
    }

    @GradedTest(order = 2, value = "BoxNotFound also lists the boxes the component does have")
    void boxNotFoundListsTheBoxes() {
        Plain plain = new Plain();
        BoxNotFound noInbox = assertThrows(BoxNotFound.class, () -> plain.inbox("inbx"),
                "a box name that the component does not declare throws BoxNotFound");
        String message = String.valueOf(noInbox.getMessage());
        assertTrue(message.contains("inbox") && message.contains("control"), "\"BoxNotFound also lists the boxes the"
                + " component does have\" (chapter, Mistakes are errors): inbox(\"inbx\") should list inbox and"
                + " control; it said: " + message);
        BoxNotFound noOutbox = assertThrows(BoxNotFound.class, () -> plain.outbox("outbx"),
                "an outbox name that the component does not declare throws BoxNotFound");
        String outMessage = String.valueOf(noOutbox.getMessage());
        assertTrue(outMessage.contains("outbox") && outMessage.contains("signal"), "\"BoxNotFound also lists the"
                + " boxes the component does have\": outbox(\"outbx\") should list outbox and signal; it said: "
                + outMessage);
    }
}
