package grading;

import static grading.support.Setup.activated;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import axon.Box;
import axon.BoxNotFound;
import axon.Component;
import axon.EmptyBox;
import grading.support.Graded;
import grading.support.GradedTest;
import java.util.List;
import org.junit.jupiter.api.function.Executable;

@Graded(stage = 3, title = "a component with boxes")
class Stage03ComponentTest {

    @GradedTest(order = 1, value = "a box gives back its messages oldest first and counts what it holds")
    void boxIsFirstInFirstOut() {
        Box box = new Plain().inbox("inbox");
        assertTrue(box.isEmpty(), "a new box must be empty");
        box.put("one");
        box.put(2);
        box.put("three");
        assertEquals(3, box.size(), "after putting \"one\", 2 and \"three\", size() must count 3");
        assertEquals("one", taken(box, "first"), "take() must give the oldest message first: \"one\" was put first");
        assertEquals(2, taken(box, "second"), "the second take() must give the second message put, 2");
        assertEquals(1, box.size(), "after two of three messages were taken, size() must count 1");
        assertEquals("three", taken(box, "third"), "the third take() must give the last message put, \"three\"");
        assertTrue(box.isEmpty(), "a box whose every message was taken must be empty");
    }

    /** What the {@code which} take() of three gives; EmptyBox there means take() lost the messages behind the first. */
    private static Object taken(Box box, String which) {
        try {
            return box.take();
        } catch (EmptyBox e) {
            throw new AssertionError("the " + which + " take() threw EmptyBox, but three messages were put and fewer"
                    + " were taken: when take() gives back the oldest message, the next oldest (if any) must move up"
                    + " to be taken next, not be lost", e);
        }
    }

    @GradedTest(order = 2, value = "taking from an empty box throws EmptyBox, naming the component and the box")
    void emptyBoxIsAnError() {
        Plain plain = new Plain();
        Box box = plain.outbox("signal");
        var error = assertThrows(EmptyBox.class, box::take, "take() on an empty box must throw EmptyBox");
        assertNames(error, plain.name(), "signal");
    }

    @GradedTest(order = 3, value = "a component has inboxes inbox and control, and outboxes outbox and signal, by"
            + " default")
    void defaultBoxes() {
        Plain plain = new Plain();
        assertEquals(List.of("inbox", "control"), plain.inboxes().stream().map(Box::name).toList(),
                "the names of a plain component's inboxes, in order");
        assertEquals(List.of("outbox", "signal"), plain.outboxes().stream().map(Box::name).toList(),
                "the names of a plain component's outboxes, in order");
        assertTrue(plain.inbox("inbox").isInbox() && plain.outbox("outbox").isOutbox(),
                "inboxes must be made as inboxes and outboxes as outboxes");
        assertEquals(plain, plain.inbox("control").owner(), "a box must know the component it belongs to");
    }

    @GradedTest(order = 4, value = "boxes declared on a subclass come after the defaults and keep their descriptions")
    void declaredBoxes() {
        Probe probe = new Probe();
        assertEquals(List.of("inbox", "control", "extra"), probe.inboxes().stream().map(Box::name).toList(),
                "the inboxes of a component whose class declares \"extra\": the defaults first, then extra");
        assertEquals(List.of("outbox", "signal", "log"), probe.outboxes().stream().map(Box::name).toList(),
                "the outboxes of a component whose class declares \"log\": the defaults first, then log");
        assertEquals("An inbox a subclass adds, for tests", probe.inbox("extra").description(),
                "a declared inbox must keep the description its @Inbox gives");
        assertEquals("An outbox a subclass adds, for tests", probe.outbox("log").description(),
                "a declared outbox must keep the description its @Outbox gives");
    }

    @GradedTest(order = 5, value = "inbox(name) and outbox(name) give the same box every time")
    void boxesAreStable() {
        Probe probe = new Probe();
        assertTrue(probe.inbox("extra") == probe.inbox("extra"),
                "inbox(\"extra\") called twice must give the same Box object, not a new one each time");
        assertTrue(probe.outbox("log") == probe.outbox("log"),
                "outbox(\"log\") called twice must give the same Box object, not a new one each time");
        assertFalse(probe.inbox("inbox") == new Probe().inbox("inbox"), "two components must not share a box");
    }

    @GradedTest(order = 6, value = "an unknown box name throws BoxNotFound, naming the component and the box")
    void unknownNamesAreErrors() {
        Probe probe = new Probe();
        List<Executable> mistakes = List.of(
                () -> probe.inbox("inbx"),
                () -> probe.outbox("outbx"),
                () -> probe.receive("inbx"),
                () -> probe.ready("inbx"),
                () -> probe.sendOut("x", "outbx"),
                () -> probe.sendOut("x", "inbox"),
                () -> probe.receive("log"));
        for (Executable mistake : mistakes) {
            var error = assertThrows(BoxNotFound.class, mistake, "a box name the component does not declare (inbx,"
                    + " outbx, \"inbox\" used as an outbox, or the outbox \"log\" used as an inbox) must throw"
                    + " BoxNotFound: inbox(name) looks among the inboxes only, and outbox(name) among the outboxes");
            assertTrue(error.getMessage().contains(probe.name()), "the message should name the component: "
                    + error.getMessage());
            assertTrue(error.getMessage().contains("inbx") || error.getMessage().contains("outbx")
                    || error.getMessage().contains("\"inbox\"") || error.getMessage().contains("\"log\""),
                    "the message should name the box: " + error.getMessage());
        }
    }

    @GradedTest(order = 7, value = "send puts messages into the named outbox, in order")
    void sendFillsTheOutbox() {
        Probe probe = new Probe();
        probe.sendOut("a", "log");
        probe.sendOut("b", "log");
        probe.sendOut("c", "outbox");
        assertEquals(2, probe.outbox("log").size(), "two messages were sent to \"log\", so it must hold 2");
        assertEquals("a", probe.outbox("log").take(), "the first message sent to \"log\" must come out first");
        assertEquals("b", probe.outbox("log").take(), "the second message sent to \"log\" must come out second");
        assertEquals("c", probe.outbox("outbox").take(), "the message sent to \"outbox\" must be in outbox");
        assertTrue(probe.inbox("inbox").isEmpty(), "send must not touch the inboxes");
    }

    @GradedTest(order = 8, value = "recv takes the oldest message from the named inbox")
    void recvTakesOldestFirst() {
        Probe probe = new Probe();
        probe.inbox("extra").put("first");
        probe.inbox("extra").put("second");
        probe.inbox("inbox").put("elsewhere");
        assertEquals("first", probe.receive("extra"), "recv(\"extra\") must take the oldest message of extra");
        assertEquals("second", probe.receive("extra"), "the second recv(\"extra\") must take extra's next message");
        assertEquals("elsewhere", probe.receive("inbox"), "recv(\"inbox\") must take from inbox, not from extra");
    }

    @GradedTest(order = 9, value = "recv on an empty inbox throws EmptyBox, naming the component and the inbox")
    void recvOnEmptyIsAnError() {
        Probe probe = new Probe();
        var error = assertThrows(EmptyBox.class, () -> probe.receive("extra"),
                "recv on an empty inbox must throw EmptyBox");
        assertNames(error, probe.name(), "extra");
    }

    @GradedTest(order = 10, value = "send(message) and recv() use outbox and inbox")
    void defaultBoxNames() {
        Plain plain = new Plain();
        plain.sendOut("out");
        assertEquals("out", plain.outbox("outbox").take(), "send(message) must put it into \"outbox\"");
        plain.inbox("inbox").put("in");
        assertEquals("in", plain.receive(), "recv() must take from \"inbox\"");
    }

    @GradedTest(order = 11, value = "dataReady is true exactly while the named inbox holds a message")
    void dataReadyFollowsTheInbox() {
        Probe probe = new Probe();
        assertFalse(probe.ready("inbox"), "dataReady(\"inbox\") must be false while inbox is empty");
        probe.inbox("inbox").put("x");
        assertTrue(probe.ready("inbox"), "dataReady(\"inbox\") must be true while inbox holds a message");
        assertTrue(probe.ready(), "dataReady() must be true while \"inbox\" holds a message");
        assertFalse(probe.ready("control"), "a message in inbox must not make control ready");
        probe.inbox("inbox").put("y");
        assertTrue(probe.ready("inbox"), "dataReady(\"inbox\") must be true while inbox holds two messages: it asks"
                + " whether the inbox is empty, not whether it holds exactly one");
        probe.receive("inbox");
        assertTrue(probe.ready("inbox"), "dataReady(\"inbox\") must stay true while a message is left in inbox");
        probe.receive("inbox");
        assertFalse(probe.ready("inbox"), "dataReady(\"inbox\") must be false again once its messages were taken");
    }

    @GradedTest(order = 12, value = "dataReady() with no box name looks at inbox")
    void dataReadyWithoutAName() {
        assertFalse(activated(askingDataReady()).next(), "dataReady() must be false while inbox is empty");
        Component other = activated(askingDataReady());
        other.inbox("control").put("not in inbox");
        assertFalse(other.next(), "dataReady() looks at inbox only, not at control");
        Component ready = activated(askingDataReady());
        ready.inbox("inbox").put("here");
        assertTrue(ready.next(), "dataReady() must be true once inbox holds a message");
    }

    @GradedTest(order = 13, value = "anyReady is true when any inbox holds a message")
    void anyReadyLooksAtEveryInbox() {
        Probe probe = new Probe();
        assertFalse(probe.anything(), "anyReady() must be false while every inbox is empty");
        probe.inbox("extra").put("x");
        assertTrue(probe.anything(), "a message in the extra inbox must make anyReady true");
        probe.receive("extra");
        assertFalse(probe.anything(), "anyReady() must be false again once the only message was taken");
        probe.outbox("outbox").put("y");
        assertFalse(probe.anything(), "anyReady looks at inboxes only, not outboxes");
        probe.inbox("control").put("stop");
        assertTrue(probe.anything(), "a message in control must make anyReady true too: control is an inbox like"
                + " any other, and anyReady looks at every inbox");
    }

    /** A component whose step returns what dataReady() says. */
    private static Component askingDataReady() {
        return new Component() {
            @Override
            protected boolean step() {
                return dataReady();
            }
        };
    }

    static void assertNames(Throwable error, String component, String box) {
        String message = String.valueOf(error.getMessage());
        assertTrue(message.contains(component) && message.contains(box),
                "the message should name " + component + " and " + box + ", but was: " + message);
    }
}
