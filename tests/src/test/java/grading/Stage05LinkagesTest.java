package grading;

import static grading.support.Setup.schedulerOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import axon.Box;
import axon.BoxAlreadyLinked;
import axon.Linkage;
import axon.Scheduler;
import examples.components.Consumer;
import examples.components.Producer;
import grading.support.Graded;
import grading.support.GradedTest;
import grading.support.Holding;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;

@Graded(stage = 5, title = "linkages")
class Stage05LinkagesTest {
    // The components the tests link, new for each test: a sender and a receiver for one link,
    // a, b and c for chains, a parent and its child for links through a parent's boxes.
    private Probe sender;
    private Probe receiver;
    private Probe a;
    private Probe b;
    private Probe c;
    private Probe parent;
    private Probe child;

    @BeforeEach
    void newComponents() {
        sender = new Probe();
        receiver = new Probe();
        a = new Probe();
        b = new Probe();
        c = new Probe();
        parent = new Probe();
        child = new Probe();
    }

    @GradedTest(order = 1, value = "a message sent into a linked outbox lands in the inbox at once, with no scheduler"
            + " cycle")
    void linkDeliversAtOnce() {
        Linkage linkage = Linkage.link(sender.outbox("outbox"), receiver.inbox("inbox"));
        sender.sendOut("hello", "outbox");
        assertEquals(0, sender.outbox("outbox").size(), "the message must not stay in the outbox");
        assertTrue(receiver.ready("inbox"), "the message sent into the linked outbox must be in the inbox at once,"
                + " with no scheduler cycle");
        assertEquals("hello", receiver.receive("inbox"), "the linked inbox must hold the message that was sent");
        assertSame(sender.outbox("outbox"), linkage.source(), "the linkage's source() must be the outbox linked");
        assertSame(receiver.inbox("inbox"), linkage.sink(), "the linkage's sink() must be the inbox linked");
        assertSame(receiver.inbox("inbox"), sender.outbox("outbox").target(),
                "after link(outbox, inbox), the outbox's target() must be that inbox");
    }

    @GradedTest(order = 2, value = "messages already waiting in an outbox move on when it is linked, ahead of later"
            + " ones")
    void waitingMessagesMoveOn() {
        sender.sendOut("early", "outbox");
        sender.sendOut("less early", "outbox");
        Linkage.link(sender.outbox("outbox"), receiver.inbox("inbox"));
        sender.sendOut("late", "outbox");
        assertEquals(3, receiver.inbox("inbox").size(), "the two messages waiting before the link and the one sent"
                + " after must all be in the inbox (" + Holding.of(sender.outbox("outbox"), receiver.inbox("inbox"))
                + "): linking must move the messages already stored in the source box along the new link");
        assertEquals(List.of("early", "less early", "late"), List.of(receiver.receive("inbox"),
                receiver.receive("inbox"), receiver.receive("inbox")), "the inbox's messages: the two that waited in"
                + " the outbox must arrive first, oldest first, as they were sent, then the one sent after linking");
        assertEquals(0, sender.outbox("outbox").size(), "the messages that waited in the outbox reached the inbox"
                + " but are in the outbox still: linking moves them on, it does not copy them, so the source box"
                + " must hold none afterwards");
    }

    @GradedTest(order = 3, value = "a box links to one destination: a second link is a BoxAlreadyLinked error naming"
            + " the box")
    void secondLinkIsAnError() {
        Linkage.link(sender.outbox("outbox"), new Probe().inbox("inbox"));
        var error = assertThrows(BoxAlreadyLinked.class,
                () -> Linkage.link(sender.outbox("outbox"), new Probe().inbox("inbox")),
                "linking an outbox that is already linked must throw BoxAlreadyLinked");
        assertTrue(error.getMessage().contains(sender.outbox("outbox").toString()),
                "the message should name the box: " + error.getMessage());
    }

    @GradedTest(order = 4, value = "an inbox cannot be linked to an outbox, and a link may not close a loop")
    void forbiddenLinks() {
        assertThrows(IllegalArgumentException.class, () -> Linkage.link(a.inbox("inbox"), b.outbox("outbox")),
                "linking an inbox to an outbox must throw IllegalArgumentException");
        assertThrows(IllegalArgumentException.class, () -> Linkage.link(a.outbox("outbox"), a.outbox("outbox")),
                "linking a box to itself must throw IllegalArgumentException");
        Linkage.link(a.outbox("outbox"), b.outbox("outbox"));
        assertThrows(IllegalArgumentException.class, () -> Linkage.link(b.outbox("outbox"), a.outbox("outbox")),
                "with a->b linked, linking b->a closes a loop and must throw IllegalArgumentException");
        assertEquals(null, b.outbox("outbox").target(), "a refused link must leave nothing behind");
        Linkage.link(b.outbox("outbox"), c.outbox("outbox"));
        assertThrows(IllegalArgumentException.class, () -> Linkage.link(c.outbox("outbox"), a.outbox("outbox")),
                "with a->b and b->c linked, linking c->a closes a loop of three boxes and must throw"
                        + " IllegalArgumentException: walk the whole chain from the sink, box by box along target(),"
                        + " not just its first step");
        Linkage.link(a.inbox("inbox"), b.inbox("inbox"));
        assertThrows(IllegalArgumentException.class, () -> Linkage.link(b.inbox("inbox"), a.inbox("inbox")),
                "with inbox a->b linked, linking inbox b->a closes a loop of inboxes and must throw"
                        + " IllegalArgumentException: any link that closes a loop is refused, whatever the kind of"
                        + " its boxes");
    }

    @GradedTest(order = 5, value = "many outboxes may link into one inbox, which gets everything in the order it was"
            + " sent")
    void fanIn() {
        Linkage.link(a.outbox("outbox"), receiver.inbox("inbox"));
        Linkage.link(b.outbox("outbox"), receiver.inbox("inbox"));
        a.sendOut("1", "outbox");
        b.sendOut("2", "outbox");
        a.sendOut("3", "outbox");
        assertEquals(3, receiver.inbox("inbox").size(), "the inbox two outboxes link into must hold all 3 messages");
        assertEquals(List.of("1", "2", "3"),
                List.of(receiver.receive("inbox"), receiver.receive("inbox"), receiver.receive("inbox")),
                "the inbox's messages, in the order they were sent from either outbox");
        Linkage.link(receiver.inbox("inbox"), c.inbox("inbox"));
        a.sendOut("4", "outbox");
        b.sendOut("5", "outbox");
        assertEquals(List.of(2, 0), List.of(c.inbox("inbox").size(), receiver.inbox("inbox").size()),
                "a's and b's outboxes link into receiver's inbox, which was then linked on to c's inbox: the messages"
                + " of both must reach c's inbox (" + Holding.of(a.outbox("outbox"), b.outbox("outbox"),
                receiver.inbox("inbox"), c.inbox("inbox")) + "). A box remembers every box linked into it (its"
                + " sources, a list made at the first link and added to at each later one), and a new link"
                + " redirects them all");
    }

    @GradedTest(order = 6, value = "outbox to outbox: a child's output leaves through its parent's outbox, stored only"
            + " at the end")
    void passthroughOut() {
        Probe next = new Probe();
        Linkage.link(child.outbox("outbox"), parent.outbox("outbox"));
        Linkage.link(parent.outbox("outbox"), next.inbox("inbox"));
        child.sendOut("up and out", "outbox");
        assertEquals(0, child.outbox("outbox").size(), "the child's linked outbox must not keep the message");
        assertEquals(0, parent.outbox("outbox").size(), "the parent's outbox is only a way through");
        assertEquals(1, next.inbox("inbox").size(), "the message must be stored in the inbox at the end of the chain");
        assertEquals("up and out", next.receive("inbox"), "the inbox at the end of the chain must hold the message");
        assertSame(next.inbox("inbox"), child.outbox("outbox").finalDestination(),
                "the child's outbox's finalDestination() must be the inbox at the end of the chain");
    }

    @GradedTest(order = 7, value = "inbox to inbox: what arrives for the parent goes to the child, and the parent sees"
            + " none of it")
    void passthroughIn() {
        Linkage.link(parent.inbox("inbox"), child.inbox("inbox"));
        parent.inbox("inbox").put("for the child");
        assertFalse(parent.ready("inbox"), "the parent's inbox passes messages on, it does not keep them");
        assertTrue(child.ready("inbox"), "a message put into the parent's inbox must land in the child's inbox");
        assertEquals("for the child", child.receive("inbox"), "the child's inbox must hold the parent's message");
    }

    @GradedTest(order = 8, value = "a chain delivers to its last box whichever link was made first")
    void chainsInAnyOrder() {
        Linkage.link(b.outbox("outbox"), c.outbox("outbox"));
        Linkage.link(c.outbox("outbox"), c.inbox("extra"));
        Linkage.link(a.outbox("outbox"), b.outbox("outbox"));
        a.sendOut("from a", "outbox");
        b.sendOut("from b", "outbox");
        assertEquals(2, c.inbox("extra").size(), "links made b->c, c->extra, then a->b: both messages must reach"
                + " extra, the last box of the chain (" + Holding.of(a.outbox("outbox"), b.outbox("outbox"),
                c.outbox("outbox"), c.inbox("extra")) + "): a link sends to the end of the sink's chain, not to the"
                + " sink itself, and redirects the boxes already linked into the source too");
        assertEquals("from a", c.receive("extra"), "the first message in extra must be the one a sent first");
        assertEquals("from b", c.receive("extra"), "the second message in extra must be the one b sent");
        assertEquals(0, a.outbox("outbox").size() + b.outbox("outbox").size() + c.outbox("outbox").size(),
                "the outboxes along the chain must store nothing");
        Probe d = new Probe();
        Probe e = new Probe();
        Probe f = new Probe();
        linkedInOrder(d.outbox("outbox"), e.outbox("outbox"), f.outbox("outbox"), f.inbox("extra"));
        d.sendOut("from d", "outbox");
        assertEquals(1, f.inbox("extra").size(), "outboxes d->e, e->f, then f->extra linked in the order of the"
                + " chain: d's message must reach extra (" + Holding.of(d.outbox("outbox"), e.outbox("outbox"),
                f.outbox("outbox"), f.inbox("extra")) + "): the last link redirects every box linked into f's"
                + " outbox, directly or through others, so d's outbox too, two links upstream");
    }

    /** Links each box to the next, first to last, and gives the last link made. */
    private static Linkage linkedInOrder(Box... boxes) {
        Linkage last = null;
        for (int i = 0; i + 1 < boxes.length; i++) {
            last = Linkage.link(boxes[i], boxes[i + 1]);
        }
        return last;
    }

    @GradedTest(order = 9, value = "after unlink, new messages stay in the source box and delivered ones stay"
            + " delivered")
    void unlinkStopsDelivery() {
        Linkage linkage = Linkage.link(sender.outbox("outbox"), receiver.inbox("inbox"));
        sender.sendOut("before", "outbox");
        linkage.unlink();
        sender.sendOut("after", "outbox");
        assertFalse(linkage.isActive(), "isActive() must be false after unlink()");
        assertEquals(1, receiver.inbox("inbox").size(), "only the message sent before unlink() may reach the inbox");
        assertEquals("before", receiver.receive("inbox"), "the message delivered before unlink() must stay delivered");
        assertEquals(1, sender.outbox("outbox").size(), "the message sent after unlink() must stay in the outbox");
        assertEquals("after", sender.outbox("outbox").take(), "the outbox must keep the message sent after unlink()");
        assertEquals(null, sender.outbox("outbox").target(), "an unlinked outbox's target() must be null");
        linkage.unlink();
        Linkage.link(sender.outbox("outbox"), new Probe().inbox("inbox"));
    }

    @GradedTest(order = 10, value = "unlinking the middle of a chain splits it: upstream messages then stop at the cut")
    void unlinkInTheMiddle() {
        Linkage.link(a.outbox("outbox"), b.outbox("outbox"));
        Linkage middle = Linkage.link(b.outbox("outbox"), c.inbox("inbox"));
        middle.unlink();
        a.sendOut("stops at b", "outbox");
        assertEquals(0, c.inbox("inbox").size(), "after b->c was unlinked, a's message must not reach c ("
                + Holding.of(a.outbox("outbox"), b.outbox("outbox"), c.inbox("inbox")) + "): unlink must point the"
                + " unlinked box, and every box linked into it (here a's outbox), back at the unlinked box");
        assertEquals(1, b.outbox("outbox").size(), "after b->c was unlinked, a's message must stop in b's outbox");
        assertSame(b.outbox("outbox"), a.outbox("outbox").finalDestination(),
                "after b->c was unlinked, a's finalDestination() must be b's outbox");
        Probe d = new Probe();
        Probe e = new Probe();
        Probe f = new Probe();
        linkedInOrder(d.outbox("outbox"), e.outbox("outbox"), f.outbox("outbox"), f.inbox("extra")).unlink();
        assertSame(f.outbox("outbox"), d.outbox("outbox").finalDestination(), "outboxes d->e, e->f and f->extra"
                + " linked, then f->extra unlinked: d's outbox's finalDestination() must be f's outbox: unlink points"
                + " every box linked into the cut box back at it, directly or through others, so d's outbox too, two"
                + " links upstream");
    }

    @GradedTest(order = 11, value = "a component's links are undone by unlinkAll")
    void componentUnlinksItsOwn() {
        parent.wire(parent.inbox("inbox"), child.inbox("inbox"));
        parent.wire(child.outbox("outbox"), parent.outbox("outbox"));
        assertEquals(2, parent.linkages().size(), "the component made 2 links, so linkages() must list 2");
        parent.unwireAll();
        assertEquals(List.of(), parent.linkages(), "after unlinkAll(), linkages() must be empty");
        parent.inbox("inbox").put("kept");
        assertEquals(1, parent.inbox("inbox").size(), "after unlinkAll(), the parent's inbox must keep its messages");
        assertEquals(0, child.inbox("inbox").size(), "after unlinkAll(), nothing may pass on to the child's inbox");
    }

    @GradedTest(order = 12, value = "Producer linked to Consumer needs no postman")
    void producerConsumerLinked() {
        List<Object> printed = new ArrayList<>();
        Producer producer = new Producer("hi", 3);
        Consumer consumer = new Consumer(printed::add);
        Linkage.link(producer.outbox("outbox"), consumer.inbox("inbox"));
        Scheduler scheduler = schedulerOf(producer, consumer);
        scheduler.runCycles(5);
        assertEquals(List.of("hi 1", "hi 2", "hi 3"), printed,
                "what the consumer printed in 5 cycles: every message the producer made, in order");
    }

    @GradedTest(order = 13, value = "after unlink, new messages stay in the source box even when its old destination"
            + " is linked on")
    void unlinkedBoxIsForgottenByItsOldDestination() {
        Linkage.link(a.outbox("outbox"), b.inbox("inbox")).unlink();
        Linkage.link(b.inbox("inbox"), c.inbox("inbox"));
        a.sendOut("stays", "outbox");
        assertEquals(1, a.outbox("outbox").size(), "a's outbox was unlinked from b's inbox, which was then linked on to"
                + " c's inbox: a's message must stay in a's outbox (" + Holding.of(a.outbox("outbox"), b.inbox("inbox"),
                c.inbox("inbox")) + "). Unlink must remove the box from its old target's sources too, or linking the"
                + " target on redirects the unlinked box with it");
    }

    @GradedTest(order = 14, value = "unlinking twice does nothing more: it never undoes a link made after the first"
            + " unlink")
    void secondUnlinkLeavesANewLinkAlone() {
        unlinkedTwice(sender, a.inbox("inbox"), b.inbox("inbox"), "another inbox");
        unlinkedTwice(receiver, c.inbox("inbox"), c.inbox("inbox"), "the same inbox");
    }

    /** Links from's outbox to first, unlinks, links it to then, unlinks the old linkage again: then gets what is sent. */
    private static void unlinkedTwice(Probe from, Box first, Box then, String which) {
        Linkage old = Linkage.link(from.outbox("outbox"), first);
        old.unlink();
        Linkage.link(from.outbox("outbox"), then);
        old.unlink();
        from.sendOut("new", "outbox");
        assertEquals(1, then.size(), "the old linkage was unlinked, the outbox linked again to " + which + ", then"
                + " the old linkage unlinked a second time: that must do nothing, so the message must reach the new"
                + " destination (" + Holding.of(from.outbox("outbox"), then) + "); a Linkage undoes its own link"
                + " once, and never a newer one, even one between the same boxes");
    }
}
