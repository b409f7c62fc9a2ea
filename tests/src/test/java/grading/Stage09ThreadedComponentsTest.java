package grading;

import static grading.Waits.PATIENCE;
import static grading.Wiring.activate;
import static grading.Wiring.collectorOf;
import static grading.Wiring.wire;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import axon.Box;
import axon.BoxNotFound;
import axon.Component;
import axon.ComponentFailed;
import axon.EmptyBox;
import axon.Inbox;
import axon.Ipc;
import axon.Linkage;
import axon.NoSpaceInBox;
import axon.Outbox;
import axon.Scheduler;
import axon.ThreadedComponent;
import grading.support.Graded;
import grading.support.GradedTest;
import grading.support.OnTimeout;
import grading.support.StillAlive;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.IntStream;
import kamaelia.chassis.Pipeline;
import kamaelia.util.Recorder;
import kamaelia.util.Source;
import kamaelia.util.ThreadedTransformer;
import org.junit.jupiter.api.Timeout;

@Graded(stage = 9, order = 1, title = "threaded components")
class Stage09ThreadedComponentsTest {
    /** The scheduler of a test, new for each test. */
    private final Scheduler scheduler = new Scheduler();

    static List<Integer> numbers(int count) {
        return IntStream.range(0, count).boxed().toList();
    }

    /** Checks that every microprocess of the test's scheduler has finished. */
    /** The numbers 0 to count - 1 arrived at the collector, each once and in order, and then the ProducerFinished. */
    private static void assertEveryNumberOnceInOrder(int count, Recorder collector) {
        List<Object> collected = collector.collected();
        assertEquals(count, collected.size(), "every message must arrive exactly once");
        assertEquals(numbers(count), collected, "messages must arrive in the order they were sent");
        assertEquals(new Ipc.ProducerFinished(), collector.endedBy(), "the ProducerFinished sent after the data must"
                + " arrive too");
    }

    private void assertEverythingFinished() {
        assertEquals(List.of(), scheduler.microprocesses(), "every component must have finished");
    }

    /**
     * Wires {@code body} to a new collector, activates both and runs one cycle, which must
     * start the body's thread: {@code started} is what the body counts down first.
     */
    private Recorder startedIntoCollector(ThreadedComponent body, CountDownLatch started) throws InterruptedException {
        Recorder collector = collectorOf(scheduler, body);
        scheduler.runCycles(1);
        assertTrue(started.await(2, TimeUnit.SECONDS), "the body never started: does the first step start the thread?");
        return collector;
    }

    /** A threaded component that sends the numbers 0..count-1, waiting for room when it must, then ends. */
    static class Counter extends ThreadedComponent {
        private final int count;
        final List<Thread> threads = new CopyOnWriteArrayList<>();

        Counter(int count, int queueSize) {
            super(queueSize);
            this.count = count;
        }

        @Override
        protected void body() throws InterruptedException {
            threads.add(Thread.currentThread());
            for (int i = 0; i < count; i++) {
                send(i, "outbox"); // waits for room as long as it takes
            }
            passShutdownOn();
        }
    }

    /** A threaded component that sends back what it receives, waiting as long as it takes. */
    static class Echo extends ThreadedComponent {
        final List<Thread> threads = new CopyOnWriteArrayList<>();

        Echo() {
            super();
        }

        Echo(int queueSize) {
            super(queueSize);
        }

        @Override
        protected void body() throws InterruptedException {
            threads.add(Thread.currentThread());
            while (!shutdownRequested()) {
                Object message = recv("inbox", PATIENCE);
                if (message != null) {
                    send(message, "outbox", PATIENCE);
                }
            }
            while (dataReady("inbox")) {
                send(recv("inbox"), "outbox", PATIENCE);
            }
            passShutdownOn();
        }
    }

    @GradedTest(order = 1, value = "a threaded component's body runs on a virtual thread of its own, and what it sends"
            + " arrives in order")
    void bodyRunsOnItsOwnThread() {
        Counter counter = new Counter(3, ThreadedComponent.DEFAULT_QUEUE_SIZE);
        Recorder collector = collectorOf(scheduler, counter);
        scheduler.run();
        assertEquals(List.of(0, 1, 2), collector.collected(), "what the body sent must reach the component linked to"
                + " its outbox, in order");
        assertEquals(new Ipc.ProducerFinished(), collector.endedBy(), "the body's passShutdownOn() must arrive too");
        assertEquals(1, counter.threads.size(), "the body must run exactly once");
        Thread thread = counter.threads.getFirst();
        assertNotSame(Thread.currentThread(), thread, "the body must run on a thread of its own, not the scheduler's");
        assertTrue(thread.isVirtual(), "the body's thread should be a virtual thread");
        assertTrue(counter.isFinished() && collector.isFinished(), "the threaded component must finish when its body"
                + " returns, and the collector after it: threaded " + counter.isFinished() + ", collector "
                + collector.isFinished());
        assertEverythingFinished();
    }

    @GradedTest(order = 2, value = "messages delivered to a threaded component reach its body in order, and"
            + " recv(inbox, timeout) waits for them")
    void messagesReachTheBody() {
        Source source = new Source(numbers(50));
        ThreadedTransformer times10 = new ThreadedTransformer(n -> (Integer) n * 10);
        Recorder collector = new Recorder();
        wire(source, times10);
        wire(times10, collector);
        activate(scheduler, source, times10, collector);
        scheduler.run();
        assertEquals(numbers(50).stream().map(n -> n * 10).toList(), collector.collected(), "what came out of the"
                + " threaded transformer: every number times 10, in order. Nothing at all means nothing crossed"
                + " between the real boxes and the thread's queues: does ThreadProxy.moveIn take each inbox's messages"
                + " (inbox.take()) into its queue and ring the doorbell, and does moveOut put what the thread sent"
                + " into the real outboxes?");
        assertEquals(new Ipc.ProducerFinished(), collector.endedBy(), "the ProducerFinished that follows the data"
                + " must pass through the threaded component too");
        assertEverythingFinished();
    }

    @GradedTest(order = 3, value = "inside the thread, dataReady, recv and send use the thread's own queues, with"
            + " errors that name the box")
    void threadSideBoxes() {
        List<String> seen = new CopyOnWriteArrayList<>();
        ThreadedComponent probe = new ThreadedComponent() {
            @Override
            protected void body() {
                seen.add("dataReady=" + dataReady("inbox") + " anyReady=" + anyReady());
                try {
                    recv("inbox");
                    seen.add("recv on an empty inbox returned");
                } catch (EmptyBox e) {
                    seen.add("EmptyBox " + e.getMessage().contains(name()) + " " + e.getMessage().contains("inbox"));
                }
                try {
                    send("lost", "nowhere");
                    seen.add("send to an unknown outbox returned");
                } catch (BoxNotFound e) {
                    seen.add("BoxNotFound " + e.getMessage().contains("nowhere"));
                }
                send("hello", "outbox");
                passShutdownOn();
            }
        };
        Recorder collector = collectorOf(scheduler, probe);
        scheduler.run();
        assertEquals(List.of("dataReady=false anyReady=false", "EmptyBox true true", "BoxNotFound true"), seen,
                "what the body saw: empty boxes that are not ready, EmptyBox naming the component and the box, and"
                + " BoxNotFound for an unknown name");
        assertEquals(List.of("hello"), collector.collected(), "what the body sent must arrive");
    }

    @GradedTest(order = 7, value = "what a body sends just before it ends leaves before the component finishes, and"
            + " before its shutdown")
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void lastWordsArriveBeforeTheEnd() {
        // Each of 16 bodies sends for a while, so that its last messages are sent while the proxy is busy moving the
        // earlier ones: that is when a proxy that looks at bodyEnded too late, or moves signal too early, loses them.
        int burst = 5000;
        List<Recorder> collectors = IntStream.range(0, 16)
                .mapToObj(i -> collectorOf(scheduler, new Counter(burst, ThreadedComponent.DEFAULT_QUEUE_SIZE))).toList();
        scheduler.run();
        for (Recorder collector : collectors) {
            int got = collector.collected().size();
            String why = collector.endedBy() == null
                    ? "the shutdown was lost too: the proxy finished without moving out all the body sent, so it read"
                    + " bodyEnded after moving the queues (read it first)"
                    : "the shutdown overtook them: moveOut must take the signal queue FIRST and put it after the other"
                    + " outboxes";
            assertEquals(numbers(burst), collector.collected(), got == burst
                    ? "every message a body sent arrived, but not in the order it sent them"
                    : "of the " + burst + " messages a body sent before it ended, " + got + " arrived, the last "
                    + (burst - got) + " did not; " + why);
            assertEquals(new Ipc.ProducerFinished(), collector.endedBy(), "every message arrived, but the shutdown"
                    + " the body sent last was lost: the proxy finished before moving it out (read bodyEnded first)");
        }
        assertEverythingFinished();
    }

    @GradedTest(order = 12, value = "the thread's boxes are safe between threads: 20 000 messages in and out at once"
            + " arrive exactly once, in order")
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void boxesAreSafeBetweenThreads() {
        int count = 20_000;
        Component bursts = new Component() {
            private int next;

            @Override
            protected boolean step() {
                for (int i = 0; i < 500 && next < count; i++) {
                    send(next++, "outbox");
                }
                if (next == count) {
                    passShutdownOn();
                    return false;
                }
                return true;
            }
        };
        Echo first = new Echo();
        Echo second = new Echo(16);
        Recorder collector = new Recorder();
        wire(bursts, first);
        wire(first, second);
        wire(second, collector);
        activate(scheduler, bursts, first, second, collector);
        scheduler.run();
        assertEveryNumberOnceInOrder(count, collector);
    }

    @GradedTest(order = 13, value = "a message that arrives just as the thread goes to wait still wakes it: 4000 round"
            + " trips, none lost")
    @OnTimeout("the round trips did not finish in time: a ring or a wake-up was lost, or something waits by sleeping"
            + " and looking again instead of blocking (the doorbell's waitForRing must await the condition, run() must"
            + " take() from wakeRequests)")
    void noLostWakeUps() {
        int roundTrips = 4000;
        int jitterNanos = 10_000;
        List<Object> replies = new ArrayList<>();
        Component pinger = new Component() {
            private int sent;

            @Override
            protected boolean step() {
                if (sent == 0) {
                    send(sent++, "outbox");
                }
                while (dataReady("inbox")) {
                    replies.add(recv("inbox"));
                    if (sent < roundTrips) {
                        send(sent++, "outbox");
                    } else if (sent == roundTrips) {
                        send(new Ipc.ShutdownMicroprocess(), "signal");
                        sent++;
                    }
                }
                if (shutdownRequested()) {
                    return false;
                }
                pause();
                return true;
            }
        };
        // After each reply the echo dawdles a random few microseconds before it waits again, so that the next
        // message arrives at different moments of its going to wait: before the check, in between, after.
        ThreadedComponent echo = new ThreadedComponent() {
            @Override
            protected void body() throws InterruptedException {
                Random random = new Random(9);
                while (!shutdownRequested()) {
                    Object message = recv("inbox", PATIENCE);
                    if (message != null) {
                        send(message, "outbox", PATIENCE);
                        long until = System.nanoTime() + random.nextInt(jitterNanos);
                        while (System.nanoTime() < until) {
                            Thread.onSpinWait();
                        }
                    }
                }
                passShutdownOn();
            }
        };
        wire(pinger, echo);
        wire(echo, pinger);
        activate(scheduler, pinger, echo);
        scheduler.run();
        assertEquals(numbers(roundTrips), replies, "the replies the pinger got: one per ping, in order");
        assertTrue(echo.isFinished(), "the echo must end on the shutdown message");
    }

    @GradedTest(order = 5, value = "pause(timeout) inside the thread returns at once if messages arrived since it last"
            + " paused")
    void pauseRemembersARing() throws InterruptedException {
        CountDownLatch looked = new CountDownLatch(1);
        CountDownLatch delivered = new CountDownLatch(1);
        CountDownLatch pauseReturned = new CountDownLatch(1);
        ThreadedComponent waiter = new ThreadedComponent() {
            @Override
            protected void body() throws InterruptedException {
                boolean ready = dataReady("inbox");     // the check: nothing yet
                looked.countDown();
                delivered.await();                      // a message arrives between the check...
                if (!ready) {
                    pause(PATIENCE);                    // ...and the pause, which must not wait for it
                }
                pauseReturned.countDown();
                while (!shutdownRequested()) {
                    pause(PATIENCE);
                }
                passShutdownOn();
            }
        };
        Recorder collector = startedIntoCollector(waiter, looked);
        waiter.inbox("inbox").put("knock knock");
        scheduler.runCycles(2);
        delivered.countDown();
        boolean returned = pauseReturned.await(2, TimeUnit.SECONDS);
        waiter.inbox("control").put(new Ipc.ShutdownMicroprocess());
        if (!returned) {
            scheduler.run();
            fail("pause(timeout) waited although a message had been moved in after the thread's last pause:"
                    + " the ring was lost");
        }
        scheduler.run();
        assertEquals(new Ipc.ShutdownMicroprocess(), collector.endedBy(), "the shutdown must reach the body and be"
                + " passed on out of signal");
    }

    @GradedTest(order = 6, value = "a thread waiting in recv(inbox, timeout) hears a shutdown request at once and"
            + " passes it on")
    void shutdownEndsAWait() throws InterruptedException {
        CountDownLatch waiting = new CountDownLatch(1);
        ThreadedComponent waiter = new ThreadedComponent() {
            @Override
            protected void body() throws InterruptedException {
                waiting.countDown();
                while (!shutdownRequested()) {
                    recv("inbox", PATIENCE);
                }
                passShutdownOn();
            }
        };
        Recorder collector = startedIntoCollector(waiter, waiting);
        waiter.inbox("control").put(new Ipc.ShutdownMicroprocess());
        scheduler.run();
        assertEquals(new Ipc.ShutdownMicroprocess(), collector.endedBy(), "the shutdown must reach the waiting body"
                + " and be passed on out of signal");
        assertTrue(waiter.isFinished(), "the threaded component must finish once its body has returned");
    }

    @GradedTest(order = 4, value = "sendWithoutWaiting on a full queue throws NoSpaceInBox naming the box and its"
            + " component, and sends nothing")
    void noSpaceInBox() throws InterruptedException {
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch refused = new CountDownLatch(1);
        AtomicReference<RuntimeException> error = new AtomicReference<>();
        ThreadedComponent producer = new ThreadedComponent(2) {
            @Override
            protected void body() throws InterruptedException {
                go.await();
                sendWithoutWaiting("a", "outbox");
                sendWithoutWaiting("b", "outbox");
                try {
                    sendWithoutWaiting("c", "outbox");
                } catch (RuntimeException e) {
                    error.set(e);
                }
                refused.countDown();
                send("c", "outbox", PATIENCE);
                passShutdownOn();
            }
        };
        Recorder collector = collectorOf(scheduler, producer);
        scheduler.runCycles(1);
        go.countDown();
        assertTrue(refused.await(2, TimeUnit.SECONDS), "the body never got past its third send");
        scheduler.run();
        assertInstanceOf(NoSpaceInBox.class, error.get(), "a sendWithoutWaiting to a full queue must throw"
                + " NoSpaceInBox");
        String message = error.get().getMessage();
        assertTrue(message.contains(producer.name()) && message.contains("outbox"),
                "the message must name the component and the box: " + message);
        assertEquals(List.of("a", "b", "c"), collector.collected(),
                "a refused send must send nothing; sending again later must send it once");
    }

    @GradedTest(order = 14, value = "with small queues a fast producer loses nothing: 10 000 messages arrive exactly"
            + " once, in order")
    void backPressureLosesNothing() {
        Counter producer = new Counter(10_000, 4);
        Echo relay = new Echo(4);
        Recorder collector = new Recorder();
        wire(producer, relay);
        wire(relay, collector);
        activate(scheduler, producer, relay, collector);
        scheduler.run();
        assertEveryNumberOnceInOrder(10_000, collector);
    }

    /**
     * A threaded component with queues of 4 that waits for {@code go}, receives until a
     * shutdown comes, then sends on everything it received and passes the shutdown on.
     */
    static class Slow extends ThreadedComponent {
        private final CountDownLatch go;

        Slow(CountDownLatch go) {
            super(4);
            this.go = go;
        }

        @Override
        protected void body() throws InterruptedException {
            go.await();
            List<Object> received = new ArrayList<>();   // it only receives until the shutdown comes
            while (!shutdownRequested()) {
                Object message = recv("inbox", PATIENCE);
                if (message != null) {
                    received.add(message);
                }
            }
            while (dataReady("inbox")) {
                received.add(recv("inbox"));
            }
            for (Object message : received) {
                send(message, "outbox", PATIENCE);
            }
            passShutdownOn();
        }
    }

    /** {@link Slow} with one more inbox, declared after control, to which nothing is sent. */
    @Inbox(name = "extra", doc = "Nothing arrives here")
    static class SlowWithAnotherInbox extends Slow {
        SlowWithAnotherInbox(CountDownLatch go) {
            super(go);
        }
    }

    /**
     * Puts ten messages and then a shutdown into a new {@link Slow} (queues of 4), made by
     * {@code slowWith} from the latch its body waits for, before its body receives, and
     * checks that the shutdown waits on control while 6 messages wait in inbox, then that
     * everything is handled in order.
     */
    private void assertControlWaitsBehindData(Function<CountDownLatch, Slow> slowWith, String controlTooSoon) {
        CountDownLatch go = new CountDownLatch(1);
        Slow slow = slowWith.apply(go);
        Recorder collector = collectorOf(scheduler, slow);
        for (int i = 0; i < 10; i++) {
            slow.inbox("inbox").put(i);
        }
        slow.inbox("control").put(new Ipc.ShutdownMicroprocess());
        scheduler.runCycles(3);
        int leftInInbox = slow.inbox("inbox").size();
        int leftInControl = slow.inbox("control").size();
        go.countDown();
        scheduler.run();
        assertEquals(6, leftInInbox, "a queue of 4 takes 4 of the 10 messages; the other 6 must wait in the inbox");
        assertEquals(1, leftInControl, controlTooSoon);
        assertEquals(numbers(10), collector.collected(), "everything that arrived before the shutdown must be handled");
        assertEquals(new Ipc.ShutdownMicroprocess(), collector.endedBy(), "the shutdown must be passed on after the"
                + " data");
    }

    @GradedTest(order = 8, value = "what does not fit in a thread's queue waits in the real inbox, and control waits"
            + " until the rest has gone in")
    void boundedQueuesAndControlLast() {
        assertControlWaitsBehindData(Slow::new, "the shutdown must wait on control while data is still"
                + " waiting before it");
    }

    @GradedTest(order = 18, value = "control waits while any inbox still holds messages, not only the last one"
            + " declared")
    void controlWaitsBehindEveryInbox() {
        assertControlWaitsBehindData(SlowWithAnotherInbox::new, "the shutdown went into the thread's queue"
                + " while 6 messages still waited in inbox: this component has another inbox, \"extra\", declared"
                + " after control and empty, and it seems only the last inbox looked at decided. Control may go in"
                + " only once every other inbox has been moved entirely: remember whether ANY inbox was left"
                + " with messages");
    }

    /** A threaded component that sends one message out of its outbox "extra", one out of "outbox", and ends. */
    @Outbox(name = "extra", doc = "A second output")
    static class TwoOutputs extends ThreadedComponent {
        @Override
        protected void body() {
            send("by extra", "extra");
            send("by outbox", "outbox");
            passShutdownOn();
        }
    }

    @GradedTest(order = 19, value = "what the body sends out of an outbox of its own, besides outbox, leaves through"
            + " that outbox")
    void everyOutboxIsMovedOut() {
        TwoOutputs body = new TwoOutputs();
        Recorder collector = collectorOf(scheduler, body);
        scheduler.run();
        assertEquals(List.of("by outbox"), collector.collected(), "what the body sent out of outbox must arrive");
        Box extra = body.outbox("extra");
        List<Object> left = new ArrayList<>();
        while (!extra.isEmpty()) {
            left.add(extra.take());
        }
        assertEquals(List.of("by extra"), left, "the body sent \"by extra\" out of its outbox \"extra\", and it never"
                + " reached that real outbox (nothing is linked to it, so it must wait there): the proxy's moveOut()"
                + " must move the queue of every outbox the component declares, not only outbox and signal");
    }

    @GradedTest(order = 9, value = "an exception in the thread ends run() with ComponentFailed naming the component,"
            + " and stops the other threads")
    void failureNamesTheComponent() {
        ThreadedComponent failing = new ThreadedComponent() {
            @Override
            protected void body() throws InterruptedException {
                recv("inbox", PATIENCE);
                throw new IllegalStateException("disk on fire");
            }
        };
        Echo bystander = new Echo();
        Source source = new Source(List.of("spark"));
        Linkage.link(source.outbox("outbox"), failing.inbox("inbox"));
        activate(scheduler, bystander, source, failing);
        ComponentFailed failed = assertThrows(ComponentFailed.class, scheduler::run,
                "run() must end with ComponentFailed when a body throws");
        assertTrue(failed.getMessage().contains(failing.name()), "the message must name the component: "
                + failed.getMessage());
        assertInstanceOf(IllegalStateException.class, failed.getCause(), "the cause must be what the body threw");
        assertEquals("disk on fire", failed.getCause().getMessage(), "the cause must be the body's own exception");
        assertEquals(1, bystander.threads.size(), "the other threaded component's body must have run once");
        Thread other = bystander.threads.getFirst();
        assertFalse(other.isAlive(), () -> "the other threads must have ended when run() ends"
                + StillAlive.where(other));
    }

    @GradedTest(order = 10, value = "no thread outlives the run: after a shutdown every component has finished and"
            + " every thread has ended")
    void noThreadOutlivesShutdown() {
        List<Thread> threads = new CopyOnWriteArrayList<>();
        CountDownLatch ticked = new CountDownLatch(5);
        ThreadedComponent ticker = new ThreadedComponent(8) {
            @Override
            protected void body() throws InterruptedException {
                threads.add(Thread.currentThread());
                for (int n = 0; !shutdownRequested(); n++) {
                    send(n, "outbox", PATIENCE);
                    ticked.countDown();
                    pause(Duration.ofMillis(1));
                }
                passShutdownOn();
            }
        };
        Echo relay = new Echo(8);
        Recorder collector = new Recorder();
        Pipeline pipeline = new Pipeline(ticker, relay, collector);
        Stopper stopper = new Stopper() {
            @Override
            protected void body() throws InterruptedException {
                threads.add(Thread.currentThread());
                ticked.await();
                super.go.countDown();
                super.body();
            }
        };
        Linkage.link(stopper.outbox("outbox"), pipeline.inbox("control"));
        activate(scheduler, pipeline, stopper);
        scheduler.run();
        assertEquals(new Ipc.ShutdownMicroprocess(), collector.endedBy(), "the shutdown sent to the pipeline must"
                + " reach its last child");
        assertTrue(collector.collected().size() >= 5, "at least the 5 ticks sent before the shutdown must arrive;"
                + " arrived: " + collector.collected());
        assertEquals(numbers(collector.collected().size()), collector.collected(), "ticks must arrive in order");
        assertEverythingFinished();
        threads.addAll(relay.threads);
        assertEquals(3, threads.size(), "the three threaded components' bodies must each have run on a thread");
        for (Thread thread : threads) {
            assertFalse(thread.isAlive(), () -> thread + " is still alive after run() returned"
                    + StillAlive.where(thread));
        }
    }

    @GradedTest(order = 11, value = "while only threads work, the scheduler waits for a wake-up instead of spinning,"
            + " and returns when they end")
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void idleSchedulerWaits() throws Throwable {
        CountDownLatch working = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        ThreadedComponent worker = new ThreadedComponent() {
            @Override
            protected void body() throws InterruptedException {
                send("started", "outbox");
                working.countDown();
                done.await();   // a long piece of work, as far as the scheduler knows
                send("finished", "outbox");
                passShutdownOn();
            }
        };
        Recorder collector = collectorOf(scheduler, worker);
        InBackground running = InBackground.run(scheduler);
        try {
            for (int i = 0; !working.await(10, TimeUnit.MILLISECONDS); i++) {
                running.rethrow();
                assertTrue(i < 200, "the body never started: does the first step start the thread?");
            }
            Thread.sleep(50); // let "started" be passed on and the scheduler settle
            ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
            long cyclesBefore = scheduler.cycles();
            long cpuBefore = cpu.getThreadCpuTime(running.thread().threadId());
            Thread.sleep(250); // a window to measure: the scheduler has nothing to do in it
            long cycles = scheduler.cycles() - cyclesBefore;
            long cpuMillis = (cpu.getThreadCpuTime(running.thread().threadId()) - cpuBefore) / 1_000_000;
            running.rethrow();
            done.countDown();
            assertTrue(running.awaitEnd(Duration.ofSeconds(2)), "run() must return once the last thread has ended");
            assertTrue(cycles <= 5, "while nothing was awake the scheduler ran " + cycles + " cycles in 250 ms: it"
                    + " must wait for a wake-up request, not keep stepping");
            assertTrue(cpuBefore < 0 || cpuMillis < 60, "while nothing was awake the scheduler's thread used "
                    + cpuMillis + " ms of processor time in 250 ms: it must block, not spin");
            assertEquals(List.of("started", "finished"), collector.collected(), "what the body sent before and"
                    + " after its wait");
        } finally {
            done.countDown();
            running.stop();
        }
    }

    @GradedTest(order = 16, value = "once a ring has been heard, recv(inbox, timeout) with nothing arriving waits"
            + " again: the thread never spins")
    void aRingIsHeardOnce() {
        Duration wait = Duration.ofMillis(200);
        List<Object> first = new CopyOnWriteArrayList<>();
        List<Long> waitedMillis = new CopyOnWriteArrayList<>();
        ThreadedComponent listener = new ThreadedComponent() {
            @Override
            protected void body() throws InterruptedException {
                first.add(String.valueOf(recv("inbox", PATIENCE)));
                for (int i = 0; i < 4; i++) {
                    long start = System.nanoTime();
                    Object nothing = recv("inbox", wait);
                    waitedMillis.add((System.nanoTime() - start) / 1_000_000);
                    if (nothing != null) {
                        first.add(nothing);
                    }
                }
            }
        };
        listener.inbox("inbox").put("the one message");
        listener.activate(scheduler);
        scheduler.run();
        assertEquals(List.of("the one message"), first, "the body must receive the one message, and nothing else");
        long atOnce = waitedMillis.stream().filter(ms -> ms < wait.toMillis() / 2).count();
        assertTrue(atOnce <= 1, "after the one message, recv(\"inbox\", " + wait.toMillis() + " ms) with nothing"
                + " arriving returned after " + waitedMillis + " ms: it must wait for the timeout. A ring is taken"
                + " by the wait that hears it (waitForRing sets rang = false); a ring that stays makes every later"
                + " wait return at once, and the thread spins on its carrier");
    }

    @GradedTest(order = 17, value = "recv(inbox, timeout) takes a message that is already waiting at once, without"
            + " pausing")
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void recvTakesWhatIsThereAtOnce() throws Throwable {
        CountDownLatch allThree = new CountDownLatch(3);
        List<Object> got = new CopyOnWriteArrayList<>();
        ThreadedComponent taker = new ThreadedComponent() {
            @Override
            protected void body() throws InterruptedException {
                while (got.size() < 3 && !shutdownRequested()) {
                    Object message = recv("inbox", PATIENCE);
                    if (message != null) {
                        got.add(message);
                        allThree.countDown();
                    }
                }
            }
        };
        for (String message : List.of("one", "two", "three")) {
            taker.inbox("inbox").put(message);
        }
        taker.activate(scheduler);
        InBackground running = InBackground.run(scheduler);
        boolean atOnce;
        try {
            atOnce = allThree.await(3, TimeUnit.SECONDS);
            if (!atOnce) {
                taker.inbox("control").put(new Ipc.ShutdownMicroprocess());
            }
            running.awaitEnd(Duration.ofSeconds(5));
        } finally {
            running.stop();
        }
        assertTrue(atOnce, "three messages were waiting before the body started, and recv(\"inbox\", 30 s) took only "
                + got + " within 3 s: recv(inbox, timeout) must take a waiting message at once. It pauses only when"
                + " the inbox is empty; a pause with messages already there waits for a ring that has been heard");
        assertEquals(List.of("one", "two", "three"), got, "what the body received, in order");
    }
}
