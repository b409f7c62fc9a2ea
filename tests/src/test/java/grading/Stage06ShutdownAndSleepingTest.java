package grading;

import static grading.AllFinished.assertAllFinished;
import static grading.support.Setup.chain;
import static grading.support.Setup.schedulerOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import axon.Component;
import axon.Ipc;
import axon.Linkage;
import axon.Scheduler;
import grading.support.Graded;
import grading.support.GradedTest;
import grading.support.SelfWaking;
import java.util.ArrayList;
import java.util.List;
import kamaelia.util.PureTransformer;
import kamaelia.util.Recorder;
import kamaelia.util.Source;

@Graded(stage = 6, title = "shutdown and sleeping")
class Stage06ShutdownAndSleepingTest {

    @GradedTest(order = 1, value = "a component that pauses is not stepped again until something wakes it")
    void pausedIsNotStepped() {
        Sleepy sleepy = new Sleepy();
        Scheduler scheduler = schedulerOf(sleepy);
        scheduler.runCycles(10);
        assertEquals(1, sleepy.steps, "a paused component was stepped again without being woken");
        assertTrue(sleepy.isPaused(), "a component that called pause() in its step must be paused after it");
        assertEquals(List.of(sleepy), scheduler.asleep(), "the scheduler's asleep() must list the paused component");
    }

    @GradedTest(order = 2, value = "a message delivered to any of its inboxes wakes a sleeping component, which runs"
            + " at the next cycle")
    void deliveryWakes() {
        Sleepy sleepy = new Sleepy();
        Scheduler scheduler = schedulerOf(sleepy);
        scheduler.runCycles(3);
        sleepy.inbox("extra").put("wake up");
        assertFalse(sleepy.isPaused(), "a delivery must wake the component at once");
        scheduler.runCycles(3);
        assertNotEquals(1, sleepy.steps, "the delivery woke the component, but no cycle stepped it afterwards: a"
                + " woken microprocess must go back to its scheduler (scheduler.wake(this)) to run in the next cycle");
        assertEquals(2, sleepy.steps, "a woken component must be stepped once, then sleep again; it was stepped "
                + (sleepy.steps - 1) + " times after the delivery");
        assertEquals(List.of("wake up"), sleepy.received, "the woken component must receive the message delivered");
        sleepy.inbox("control").put("and again");
        scheduler.runCycles(3);
        assertEquals(3, sleepy.steps, "a message on control must wake the component too");
    }

    @GradedTest(order = 16, value = "a message wakes a sleeping component even when its inbox already held one")
    void deliveryWakesWhateverTheInboxHeld() {
        List<String> pairs = new ArrayList<>();
        Component pairing = new Component() {
            @Override
            protected boolean step() {
                if (inbox("inbox").size() >= 2) {
                    pairs.add(recv() + " and " + recv());
                }
                pause();
                return true;
            }
        };
        Scheduler scheduler = schedulerOf(pairing);
        pairing.inbox("inbox").put("left");
        scheduler.runCycles(3);
        assertTrue(pairing.isPaused(), "a component that works on pairs paused with one message in its inbox");
        pairing.inbox("inbox").put("right");
        assertFalse(pairing.isPaused(), "a second message landed in the sleeping component's inbox, which already"
                + " held one, and did not wake it: every message that lands in an inbox wakes its owner, not only one"
                + " that lands in an empty inbox");
        scheduler.runCycles(3);
        assertEquals(List.of("left and right"), pairs, "the woken component must have taken its pair");
    }

    @GradedTest(order = 3, value = "a message sent through a link wakes the component it lands in, not the one that"
            + " sent it")
    void deliveryWakesTheReceiver() {
        Sleepy receiver = new Sleepy();
        Probe sender = new Probe();
        Probe passingOn = new Probe();
        Linkage.link(sender.outbox("outbox"), passingOn.inbox("inbox"));
        Linkage.link(passingOn.inbox("inbox"), receiver.inbox("inbox"));
        Scheduler scheduler = schedulerOf(receiver);
        scheduler.runCycles(3);
        sender.sendOut("for the sleeper", "outbox");
        assertFalse(receiver.isPaused(), "a message sent out of " + sender.outbox("outbox") + ", linked to "
                + passingOn.inbox("inbox") + ", which is linked on to " + receiver.inbox("inbox") + ", must wake "
                + receiver.name() + ", the owner of the inbox at the end of the chain, where it lands; waking the"
                + " sender's owner, the owner of the box put() was called on, or the owner of the box it is linked"
                + " to, leaves the receiver asleep");
        scheduler.runCycles(3);
        assertEquals(List.of("for the sleeper"), receiver.received, "the woken receiver must be stepped and take"
                + " the message");
    }

    @GradedTest(order = 4, value = "messages that a new link moves into a sleeping component's inbox wake it")
    void linkingWakes() {
        Probe sender = new Probe();
        sender.sendOut("first", "outbox");
        sender.sendOut("second", "outbox"); // both wait in the outbox, linked nowhere yet
        Sleepy receiver = new Sleepy();
        Scheduler scheduler = schedulerOf(receiver);
        scheduler.runCycles(3); // the receiver finds nothing and falls asleep

        Linkage.link(sender.outbox("outbox"), receiver.inbox("inbox"));
        scheduler.runCycles(3);
        assertEquals(List.of("first", "second"), receiver.received, "linking " + sender.outbox("outbox")
                + ", which held two messages, to " + receiver.inbox("inbox") + " moves them into that inbox;"
                + " a message that lands in an inbox wakes its owner, also when a link moves it there, so "
                + receiver.name() + " must be woken and take both at its next step (asleep now: "
                + scheduler.asleep() + ")");
    }

    @GradedTest(order = 13, value = "messages that a new link moves along a chain wake the owner of the inbox at its"
            + " end, not the owner of the box linked to")
    void linkingWakesTheEndOfTheChain() {
        Probe parent = new Probe();
        Sleepy receiver = new Sleepy();
        Scheduler scheduler = schedulerOf(receiver);
        Linkage.link(parent.outbox("outbox"), receiver.inbox("inbox")); // a parent's outbox, passed through
        scheduler.runCycles(3); // the receiver finds nothing and falls asleep
        Probe child = new Probe();
        child.sendOut("from the child", "outbox"); // waits in the child's outbox, linked nowhere yet
        Linkage.link(child.outbox("outbox"), parent.outbox("outbox"));
        scheduler.runCycles(3);
        assertEquals(List.of("from the child"), receiver.received, "linking " + child.outbox("outbox") + ", which"
                + " held a message, to " + parent.outbox("outbox") + ", itself linked to " + receiver.inbox("inbox")
                + ", moves the message to the end of the chain, " + receiver.inbox("inbox") + ": the owner of that"
                + " inbox (finalDestination()) must be woken, not the owner of the box linked to (asleep now: "
                + scheduler.asleep() + ")");
    }

    @GradedTest(order = 5, value = "a wake-up that comes after pause() in the same step is not lost")
    void wakeAfterPauseInSameStep() {
        SelfWaking selfWaking = new SelfWaking(5, self -> self.sendToOutbox("note to self"));
        Linkage.link(selfWaking.outbox("outbox"), selfWaking.inbox("inbox"));
        schedulerOf(selfWaking).runCycles(5);
        assertEquals(List.of("step 1", "step 2"), selfWaking.log(), "the component paused, then in the same step"
                + " sent itself a message through a link: that delivery must keep it awake for one more step");
    }

    @GradedTest(order = 6, value = "wake() on an awake or finished microprocess changes nothing")
    void wakeIsHarmless() {
        Counting counting = new Counting(2);
        Scheduler scheduler = schedulerOf(counting);
        counting.wake();
        scheduler.run();
        assertEquals(2, counting.steps, "wake() on an awake microprocess must not step it more: it wants 2 steps");
        counting.wake();
        assertAllFinished(scheduler, "a finished microprocess was woken back into the scheduler");
        scheduler.run();
        assertEquals(2, counting.steps, "wake() on a finished microprocess must not step it again");
    }

    @GradedTest(order = 7, value = "run() ends when only sleepers are left, lists them in asleep() and names them on"
            + " standard error")
    void runEndsWithSleepers() {
        Sleepy sleepy = new Sleepy();
        Counting counting = new Counting(3);
        Scheduler scheduler = schedulerOf(sleepy, counting);
        String err = Quietly.run(scheduler);
        assertEquals(3, counting.steps, "run() must step the awake microprocess to its end (3 steps) beside a"
                + " sleeper");
        assertEquals(List.of(sleepy), scheduler.asleep(), "after run(), asleep() must list the one sleeper left");
        assertTrue(err.contains(sleepy.name()),
                "run() should name the sleeping component on standard error");
    }

    @GradedTest(order = 8, value = "a child that finishes wakes its parent")
    void childEndWakesParent() {
        List<String> log = new ArrayList<>();
        Counting child = new Counting("child", 3, log);
        Component parent = new Component() {
            private boolean started;

            @Override
            protected boolean step() {
                log.add(child.isFinished() ? "parent sees the child finished" : "parent waits");
                if (!started) {
                    started = true;
                    child.whenFinished(this::wake);
                }
                if (child.isFinished()) {
                    return false;
                }
                pause();
                return true;
            }
        };
        Scheduler scheduler = schedulerOf(parent, child);
        scheduler.run();
        assertEquals(List.of("parent waits", "child1", "child2", "child3", "parent sees the child finished"), log,
                "what ran, in order: the paused parent must be woken when its child finishes, and run once more");
    }

    @GradedTest(order = 14, value = "a microprocess that pauses in the step that ends it has finished: its finish"
            + " actions run and it is not left asleep")
    void pausingInTheLastStepStillFinishes() {
        List<String> log = new ArrayList<>();
        Component last = new Component() {
            @Override
            protected boolean step() {
                pause();
                return false;
            }
        };
        last.whenFinished(() -> log.add("finish actions ran"));
        Scheduler scheduler = schedulerOf(last);
        Quietly.run(scheduler);
        assertEquals(List.of("finish actions ran"), log, "a step that called pause() and then returned false ended"
                + " the microprocess, yet its finish actions did not run: when next() returns false the scheduler"
                + " runs finishedNow(), whatever pause() asked; only a step that did not finish can fall asleep, so"
                + " look at what next() returned before asking fallAsleep()");
        assertTrue(last.isFinished(), "a microprocess whose step returned false must have finished");
        assertEquals(List.of(), scheduler.asleep(), "a finished microprocess must not be listed as asleep, even if it"
                + " paused in its last step");
    }

    @GradedTest(order = 9, value = "shutdownRequested() takes what is on control and says whether a shutdown message"
            + " came")
    void shutdownRequested() {
        Recorder collector = new Recorder();
        Scheduler scheduler = schedulerOf(collector);
        collector.inbox("control").put("not a shutdown");
        scheduler.runCycles(3);
        assertFalse(collector.isFinished(), "a message that is not an Ipc shutdown must not end a component");
        assertTrue(collector.inbox("control").isEmpty(), "shutdownRequested() must take what is on control");
        collector.inbox("control").put(new Ipc.ProducerFinished());
        collector.inbox("control").put(new Ipc.ShutdownMicroprocess());
        scheduler.runCycles(3);
        assertTrue(collector.isFinished(), "a component must end once a shutdown message arrives on control");
        assertEquals(new Ipc.ShutdownMicroprocess(), collector.endedBy(),
                "ShutdownMicroprocess is the stronger request and must win");
        assertEquals(new Ipc.ShutdownMicroprocess(), collector.outbox("signal").take(),
                "the shutdown message must be passed on out of signal");
        Recorder other = new Recorder();
        other.activate(scheduler);
        other.inbox("control").put(new Ipc.ShutdownMicroprocess());
        other.inbox("control").put(new Ipc.ProducerFinished());
        scheduler.runCycles(3);
        assertEquals(new Ipc.ShutdownMicroprocess(), other.endedBy(), "ShutdownMicroprocess then ProducerFinished"
                + " arrived on control: ShutdownMicroprocess wins whichever came first, so a ProducerFinished must"
                + " not replace one already kept");
        assertTrue(other.inbox("control").isEmpty(), "ShutdownMicroprocess then ProducerFinished arrived on control,"
                + " and the ProducerFinished is still there: shutdownRequested() takes every message waiting on"
                + " control, and does not stop at the first shutdown message");
    }

    @GradedTest(order = 15, value = "shutdownRequested() keeps saying true once a shutdown message has come, and a"
            + " later ProducerFinished does not replace a ShutdownMicroprocess")
    void shutdownRequestedRemembers() {
        List<Boolean> answers = new ArrayList<>();
        List<Ipc> kept = new ArrayList<>();
        Component asking = new Component() {
            @Override
            protected boolean step() {
                answers.add(shutdownRequested());
                kept.add(shutdownMessage());
                return answers.size() < 3;
            }
        };
        schedulerOf(asking);
        asking.inbox("control").put(new Ipc.ShutdownMicroprocess());
        asking.next();
        asking.next();
        asking.inbox("control").put(new Ipc.ProducerFinished());
        asking.next();
        assertEquals(List.of(true, true, true), answers, "shutdownRequested() at three steps, ShutdownMicroprocess on"
                + " control before the first: a shutdown message that came at an earlier call still counts, so"
                + " answer whether one has been kept (shutdown != null), not whether one was taken in this call");
        Ipc stop = new Ipc.ShutdownMicroprocess();
        assertEquals(List.of(stop, stop, stop), kept, "the shutdown message kept at each of three steps:"
                + " ShutdownMicroprocess came before the first, ProducerFinished before the third, and"
                + " ShutdownMicroprocess wins whichever came first, at one call or at different calls: keep what"
                + " came in the field shutdown, and let a ProducerFinished replace nothing but null");
    }

    @GradedTest(order = 10, value = "ProducerFinished cascades along signal-to-control links, after all the data, and"
            + " the run ends")
    void producerFinishedCascades() {
        Source source = new Source(List.of("a", "b", "c"));
        PureTransformer upper = new PureTransformer(s -> ((String) s).toUpperCase());
        Recorder collector = new Recorder();
        chain(source, upper, collector);
        Scheduler scheduler = schedulerOf(source, upper, collector);
        scheduler.run();
        assertEquals(List.of("A", "B", "C"), collector.collected(), "the last component must receive all the data"
                + " before the ProducerFinished that follows it");
        assertEquals(new Ipc.ProducerFinished(), collector.endedBy(), "the last component must be ended by the"
                + " ProducerFinished passed on along signal-to-control links");
        assertTrue(source.isFinished() && upper.isFinished() && collector.isFinished(), "every component of the"
                + " chain must have finished: source " + source.isFinished() + ", upper " + upper.isFinished()
                + ", collector " + collector.isFinished());
        assertAllFinished(scheduler, "everything must finish, nothing left asleep");
    }

    @GradedTest(order = 11, value = "ShutdownMicroprocess sent to the first component stops the whole chain")
    void shutdownStopsTheChain() {
        PureTransformer first = new PureTransformer(x -> x);
        PureTransformer second = new PureTransformer(x -> x);
        Recorder collector = new Recorder();
        chain(first, second, collector);
        Scheduler scheduler = schedulerOf(first, second, collector);
        scheduler.runCycles(5);
        first.inbox("inbox").put("last words");
        first.inbox("control").put(new Ipc.ShutdownMicroprocess());
        scheduler.run();
        assertEquals(List.of("last words"), collector.collected(), "the message sent before the shutdown must reach"
                + " the end of the chain");
        assertEquals(new Ipc.ShutdownMicroprocess(), collector.endedBy(), "the last component must be ended by the"
                + " ShutdownMicroprocess passed on along the chain");
        assertAllFinished(scheduler, "every component must have finished, none left asleep");
    }

    @GradedTest(order = 12, value = "idle components cost nothing: a thousand sleepers are not stepped while one"
            + " component works")
    void sleepersAreFree() {
        Scheduler scheduler = new Scheduler();
        List<Sleepy> sleepers = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            Sleepy sleepy = new Sleepy();
            sleepers.add(sleepy);
            sleepy.activate(scheduler);
        }
        Counting worker = new Counting(50);
        worker.activate(scheduler);
        Quietly.run(scheduler);
        assertEquals(50, worker.steps, "the worker must be stepped its 50 times beside 1000 sleepers");
        assertEquals(1000, sleepers.stream().mapToInt(s -> s.steps).sum(), "each sleeper must be stepped once");
    }
}
