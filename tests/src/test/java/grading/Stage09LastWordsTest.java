package grading;

import static grading.Wiring.activate;
import static grading.Wiring.wire;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTrue;

import axon.Box;
import axon.Ipc;
import axon.Microprocess;
import axon.Scheduler;
import axon.ThreadedComponent;
import grading.support.Graded;
import grading.support.GradedTest;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import kamaelia.util.Recorder;
import org.junit.jupiter.api.Timeout;

/**
 * The race in how a threaded component's last messages leave, driven instead of waited
 * for. The proxy (on the scheduler's thread) must look up the real outboxes to move
 * messages into them; this test's component stops the proxy at its k-th look-up in one
 * step and, at that exact moment, lets the body send its last message and its shutdown,
 * and end. Trying every k puts the body's last words into every gap of the proxy's step,
 * whatever order the proxy's code does things in, so a proxy that reads whether the body
 * ended too late, or takes the signal queue too late, loses them every time, not now and
 * then.
 */
@Graded(stage = 9, order = 3, title = "threaded components, the last messages")
class Stage09LastWordsTest {
    /** How long the proxy, stopped in the middle of its step, waits for the body to end. */
    private static final long PATIENCE_SECONDS = 10;

    /** What the collector saw when the body's last words were sent at one point of the proxy's step. */
    record Outcome(boolean stopped, List<Object> collected, Ipc endedBy, boolean finished) {
    }

    /**
     * A body that sends "first", waits until the test lets it go, then sends "last" and its
     * shutdown, and ends. Once armed, the k-th look-up of a real outbox on the scheduler's
     * thread lets the body go and waits until it has ended.
     */
    static final class LastWords extends ThreadedComponent {
        final CountDownLatch waiting = new CountDownLatch(1);
        final CountDownLatch go = new CountDownLatch(1);
        private final Thread schedulerThread = Thread.currentThread();
        private volatile Thread bodyThread;
        private volatile int stopAt;
        private volatile int lookUps;
        volatile boolean stopped;

        @Override
        protected void body() throws InterruptedException {
            bodyThread = Thread.currentThread();
            send("first", "outbox");
            waiting.countDown();
            go.await(PATIENCE_SECONDS, TimeUnit.SECONDS);
            send("last", "outbox");
            passShutdownOn();
        }

        void arm(int k) {
            lookUps = 0;
            stopAt = k;
        }

        int lookUps() {
            return lookUps;
        }

        /** Called at each look-up of a real outbox: the k-th one, on the scheduler's thread, lets the body end. */
        private void lookedUp() {
            if (stopAt == 0 || Thread.currentThread() != schedulerThread) {
                return;
            }
            lookUps++;
            if (lookUps == stopAt && !stopped) {
                stopped = true;
                stopAt = 0;
                go.countDown();
                try {
                    bodyThread.join(TimeUnit.SECONDS.toMillis(PATIENCE_SECONDS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public Box outbox(String name) {
            lookedUp();
            return super.outbox(name);
        }

        @Override
        public List<Box> outboxes() {
            lookedUp();
            List<Box> real = super.outboxes();
            // AbstractList iterates through get(), so a for loop, a stream or a copy counts each outbox it takes.
            return new AbstractList<>() {
                @Override
                public Box get(int index) {
                    lookedUp();
                    return real.get(index);
                }

                @Override
                public int size() {
                    return real.size();
                }
            };
        }
    }

    /** Runs a body whose last words are sent at the proxy's k-th look-up of an outbox, in the step after "first". */
    static Outcome lastWordsAtLookUp(int k) throws InterruptedException {
        Scheduler scheduler = new Scheduler();
        LastWords talker = new LastWords();
        Recorder collector = new Recorder();
        wire(talker, collector);
        // Keeps cycles coming while the test steps the scheduler by hand: runCycles does nothing when no one is awake.
        AtomicBoolean armed = new AtomicBoolean(true);
        Microprocess keepAwake = new Microprocess() {
            @Override
            protected boolean step() {
                return armed.get();
            }
        };
        activate(scheduler, talker, collector, keepAwake);
        scheduler.runCycles(1);
        assertTrue(talker.waiting.await(PATIENCE_SECONDS, TimeUnit.SECONDS),
                "the body of a threaded component did not start within " + PATIENCE_SECONDS + " s of its first step");
        talker.arm(k);
        for (int cycle = 0; cycle < 100 && !talker.stopped && talker.lookUps() == 0; cycle++) {
            scheduler.runCycles(1);
            if (talker.lookUps() == 0) {
                Thread.sleep(1);
            }
        }
        talker.arm(0);
        talker.go.countDown();
        armed.set(false);
        scheduler.run();
        return new Outcome(talker.stopped, collector.collected(), collector.endedBy(), talker.isFinished());
    }

    @GradedTest(order = 1, value = "whenever the body sends its last messages during the proxy's step, they leave"
            + " before the component finishes, and before its shutdown")
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void lastWordsAtEveryPointOfTheProxysStep() throws InterruptedException {
        List<String> problems = new ArrayList<>();
        for (int k = 1; k <= 12; k++) {
            Outcome outcome = lastWordsAtLookUp(k);
            List<Object> expected = List.of("first", "last");
            if (!outcome.collected().equals(expected) || !new Ipc.ProducerFinished().equals(outcome.endedBy())) {
                boolean lastArrived = outcome.collected().contains("last");
                String what = outcome.endedBy() == null
                        ? (lastArrived ? "the shutdown was lost" : "the last message and the shutdown were lost")
                        + ": the proxy finished without moving out all the body sent, so it read bodyEnded after"
                        + " moving the queues (read it first)"
                        : lastArrived
                        ? "the messages arrived but the shutdown was " + outcome.endedBy()
                        : "the shutdown overtook the last message sent before it: moveOut must take the signal queue"
                        + " FIRST and put it after the other outboxes";
                problems.add("body ended at the proxy's look-up " + k + " of an outbox: the collector got "
                        + outcome.collected() + " then " + outcome.endedBy() + "; " + what);
            } else if (!outcome.finished()) {
                problems.add("body ended at the proxy's look-up " + k + ": the threaded component never finished");
            }
            if (!outcome.stopped()) {
                break; // the proxy's step had fewer look-ups than k: every gap has been tried
            }
        }
        if (!problems.isEmpty()) {
            fail(problems.get(0) + (problems.size() > 1 ? " (and so at " + (problems.size() - 1) + " other points)" : ""));
        }
    }
}
