package grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import axon.Box;
import axon.Component;
import axon.Microprocess;
import axon.Scheduler.Policy;
import axon.Scheduler;
import grading.support.Graded;
import grading.support.GradedTest;
import grading.support.SelfWaking;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import kamaelia.chassis.Pipeline;
import kamaelia.util.PureTransformer;
import kamaelia.util.Recorder;
import kamaelia.util.Source;
import kamaelia.util.ThreadedTransformer;
import org.junit.jupiter.api.Timeout;

@Graded(stage = 10, title = "the event-driven scheduler")
class Stage10EventDrivenSchedulerTest {

    /** The scheduler under test, new for each test. */
    private final Scheduler scheduler = new Scheduler(Policy.EVENT_DRIVEN);
    /** What the microprocesses of a test did, in the order they did it. */
    private final List<String> log = new ArrayList<>();

    /** Activates the microprocesses on the test's scheduler, in order. */
    private void activate(Microprocess... microprocesses) {
        for (Microprocess microprocess : microprocesses) {
            microprocess.activate(scheduler);
        }
    }

    @GradedTest(order = 1, value = "run() steps every microprocess, once per cycle in activation order, until each has"
            + " finished")
    void runsInOrder() {
        new Counting("a", 3, log).activate(scheduler);
        new Counting("b", 2, log).activate(scheduler);
        new Counting("c", 3, log).activate(scheduler);
        scheduler.run();
        assertEquals(List.of("a1", "b1", "c1", "a2", "b2", "c2", "a3", "c3"), log, "the steps in the order they ran"
                + " (a wants 3 steps, b 2, c 3): each cycle steps each ready microprocess once, in activation order");
        assertEquals(List.of(), scheduler.microprocesses(), "finished microprocesses must be forgotten");
    }

    @GradedTest(order = 2, value = "a microprocess activated during a cycle is first stepped in the next cycle, after"
            + " the others")
    void arrivalsWait() {
        new Spawner(log, new Counting("d", 2, log)).activate(scheduler);
        new Counting("b", 3, log).activate(scheduler);
        boolean more = scheduler.runCycles(1);
        assertEquals(List.of("s1", "b1"), log, "the newcomer must wait for the next cycle");
        assertTrue(more, "after the first cycle step() must say that something is awake: the newcomer"
                + " waits among the arrivals, and the others want to run again");
        scheduler.run();
        assertEquals(List.of("s1", "b1", "s2", "b2", "d1", "s3", "b3", "d2"), log, "the steps in the order they ran:"
                + " s activates d during its first step, so d1 must come in the next cycle, after s2 and b2");
    }

    @GradedTest(order = 3, value = "a component that pauses leaves the ready queue; a delivery brings it back for the"
            + " next cycle")
    void deliveryBringsBack() {
        Sleepy sleepy = new Sleepy();
        sleepy.activate(scheduler);
        assertFalse(scheduler.runCycles(10), "nothing is ready once the only component sleeps");
        assertEquals(1, sleepy.steps, "a paused component was stepped again without being woken");
        assertEquals(List.of(sleepy), scheduler.asleep(), "asleep() must list the paused component");
        sleepy.inbox("inbox").put("hello");
        assertEquals(List.of(), scheduler.asleep(), "a delivery must wake the component at once");
        assertFalse(scheduler.runCycles(10), "once the woken component has run and paused again, nothing is ready,"
                + " so runCycles must return false");
        assertEquals(2, sleepy.steps, "a woken component must be stepped once, then sleep again");
        assertEquals(List.of("hello"), sleepy.received, "the woken component must receive the message delivered");
    }

    @GradedTest(order = 4, value = "a component woken during a cycle joins the next cycle after those already queued,"
            + " as on the round-robin scheduler")
    void wokenJoinNextCycleAtTheBack() {
        Component sleeper = new Component() {
            @Override
            protected boolean step() {
                log.add("s");
                while (dataReady("inbox")) {
                    recv("inbox");
                }
                pause();
                return true;
            }
        };
        Microprocess poker = new Microprocess() {
            private int steps;

            @Override
            protected boolean step() {
                steps++;
                log.add("a" + steps);
                if (steps == 2) {
                    sleeper.inbox("inbox").put("poke");
                }
                return steps < 3;
            }
        };
        activate(sleeper, poker);
        new Counting("b", 3, log).activate(scheduler);
        scheduler.runCycles(3);
        assertEquals(List.of("s", "a1", "b1", "a2", "b2", "a3", "b3", "s"), log, "the steps in the order they ran:"
                + " the sleeper s, poked by a during cycle 2, must be stepped once in cycle 3, after the others");
    }

    @GradedTest(order = 5, value = "a wake-up that comes after pause() in the same step is not lost")
    void wakeInSameStep() {
        SelfWaking selfWaking = new SelfWaking(5, self -> self.inbox("inbox").put("late news"));
        selfWaking.activate(scheduler);
        scheduler.runCycles(10);
        assertEquals(List.of("step 1", "step 2"), selfWaking.log(),
                "the message that arrived after pause() must keep the component awake for one more step");
    }

    @GradedTest(order = 6, value = "idle components are never stepped: ten thousand sleepers cost nothing while a"
            + " message goes round a ring")
    void sleepersAreNeverStepped() {
        List<Sleepy> idle = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            Sleepy sleepy = new Sleepy();
            idle.add(sleepy);
            sleepy.activate(scheduler);
        }
        Ring ring = new Ring(5, 500);
        ring.activateOn(scheduler);
        Quietly.run(scheduler); // the sleepers are left asleep, as they should be
        assertEquals(500, ring.passes(), "the message must go round the ring 500 times");
        assertEquals(10_000, idle.stream().mapToInt(s -> s.steps).sum(),
                "each idle component may be stepped once, when it starts, and never again");
    }

    @GradedTest(order = 7, value = "the steps per message do not grow with the number of members: one step per kick,"
            + " with 10 or 10,000 members")
    void stepsPerMessageDoNotGrow() {
        for (int members : new int[] {10, 10_000}) {
            Hackysack game = new Hackysack(members, 2_000, 42);
                game.activateOn(scheduler);
            scheduler.runCycles(1); // every member looks at its empty inbox once, then sleeps
            long before = game.steps();
            game.start();
            scheduler.run();
            assertEquals(2_000, game.kicks, "the game must make its 2,000 kicks");
            long steps = game.steps() - before;
            long leaving = members - 1; // the last kicker leaves in the step of its kick
            assertEquals(2_000, steps - leaving, "with " + members + " members, each kick must cost exactly one"
                    + " step, of the member that receives the sack");
        }
    }

    @GradedTest(order = 8, value = "microprocesses() lists the ready ones, then the sleepers; a finished one is"
            + " forgotten")
    void listsWhatIsThere() {
        Sleepy sleepy = new Sleepy();
        Counting busy = new Counting(5);
        Counting brief = new Counting(1);
        activate(sleepy, busy, brief);
        scheduler.runCycles(1);
        assertEquals(List.of(busy, sleepy), scheduler.microprocesses(), "after one cycle microprocesses() must"
                + " list the ready one (busy), then the sleeper; the finished one (brief) is forgotten");
        assertEquals(List.of(sleepy), scheduler.asleep(), "after one cycle asleep() must list the one that paused");
        assertTrue(brief.isFinished(), "a microprocess whose only step returned false must be finished");
    }

    @GradedTest(order = 9, value = "a finished microprocess is not kept for ever: of 2,000 that come and go, at most a"
            + " few can still be reached")
    @Timeout(10)
    void finishedOnesAreLetGo() throws InterruptedException {
        Reachable watched = new Reachable();
        for (int i = 0; i < 2_000; i++) {
            watched.watch(new Component() {
                @Override
                protected boolean step() {
                    return false;
                }
            }).activate(scheduler);
        }
        new Sleepy().activate(scheduler);      // keeps the scheduler's lists in use after the others have gone
        Quietly.run(scheduler);
        List<Component> left = watched.survivors(Duration.ofSeconds(2));
        assertEquals(List.of(), left.stream().map(Component::name).toList(), left.size() + " of 2,000 finished"
                + " microprocesses can still be reached from the scheduler, so a long-running system whose"
                + " microprocesses come and go runs out of memory: ActivatedList.finished() must tidy the finished"
                + " ones out of its list now and then, and it hears of them only if the scheduler's cycle (your"
                + " stage 6 code) calls sleepers.finished(current) for each microprocess that finishes");
    }

    @GradedTest(order = 10, value = "a child that finishes wakes its parent: a Pipeline runs unchanged on the"
            + " event-driven scheduler")
    void pipelineRuns() {
        Recorder collector = new Recorder();
        new Pipeline(new Source(List.of("a", "b", "c")), new PureTransformer(s -> ((String) s).toUpperCase()),
                collector).activate(scheduler);
        scheduler.run();
        assertEquals(List.of("A", "B", "C"), collector.collected(), "what reached the pipeline's last child on the"
                + " event-driven scheduler");
        assertEquals(List.of(), scheduler.microprocesses(), "the pipeline and its children must all finish, none"
                + " left asleep");
    }

    @GradedTest(order = 11, value = "threaded components run unchanged: run() waits for their threads, then returns")
    @Timeout(10)
    void threadsRun() {
        Recorder collector = new Recorder();
        List<Object> numbers = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            numbers.add(i);
        }
        new Pipeline(new Source(numbers), new ThreadedTransformer(n -> (Integer) n * 2), collector)
                .activate(scheduler);
        scheduler.run();
        List<Object> doubled = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            doubled.add(i * 2);
        }
        assertEquals(doubled, collector.collected(), "what the threaded transformer passed on, on the event-driven"
                + " scheduler: every number doubled, in order");
    }

    @GradedTest(order = 12, value = "a scheduler made with new Scheduler() takes its policy from -Daxon.scheduler, so"
            + " earlier stages can run on yours")
    void policyFromProperty() {
        String before = System.getProperty("axon.scheduler");
        try {
            System.setProperty("axon.scheduler", "event-driven");
            Scheduler fromProperty = new Scheduler();
            assertSame(Policy.EVENT_DRIVEN, fromProperty.policy(), "with -Daxon.scheduler=event-driven, new"
                    + " Scheduler() must use the event-driven policy");
            new Counting("x", 2, log).activate(fromProperty);
            fromProperty.run();
            assertEquals(List.of("x1", "x2"), log, "a microprocess must run to its end on the scheduler made with"
                    + " the system property");
        } finally {
            if (before == null) {
                System.clearProperty("axon.scheduler");
            } else {
                System.setProperty("axon.scheduler", before);
            }
        }
    }

    @GradedTest(order = 13, value = "asleep() lists the sleepers in the order they were activated, however often they"
            + " woke")
    void sleepersInActivationOrder() {
        Sleepy first = new Sleepy();
        Sleepy second = new Sleepy();
        Sleepy third = new Sleepy();
        activate(first, second, third);
        scheduler.runCycles(1);
        second.inbox("inbox").put("wake up");
        first.inbox("inbox").put("wake up");
        scheduler.runCycles(1);
        List<String> expected = List.of(first.name(), second.name(), third.name());
        List<String> asleep = scheduler.asleep().stream().map(Microprocess::name).toList();
        assertEquals(expected, asleep, "with the event-driven policy, Scheduler.asleep() lists the sleepers in the"
                + " order they were activated (first, second, third), not the order they fell asleep or its reverse:"
                + (asleep.equals(expected.reversed()) ? " the list is reversed, so activated(m) must add m at the"
                + " end of the list, not at the front" : " activated(m) adds m at the end of the list, and asleep()"
                + " keeps the list's order"));
    }

    /** A ring of components that pass one message round, a number of times. */
    static final class Ring {
        private final List<Passer> members = new ArrayList<>();
        private final int laps;
        private int passes;

        Ring(int size, int laps) {
            this.laps = laps;
            for (int i = 0; i < size; i++) {
                members.add(new Passer());
            }
        }

        void activateOn(Scheduler scheduler) {
            for (int i = 0; i < members.size(); i++) {
                members.get(i).next = members.get((i + 1) % members.size()).inbox("inbox");
                members.get(i).activate(scheduler);
            }
            members.get(0).inbox("inbox").put("token");
        }

        int passes() {
            return passes / members.size();
        }

        /** Passes what it receives to the next member, until the ring has done its laps. */
        final class Passer extends Component {
            private Box next;

            @Override
            protected boolean step() {
                while (dataReady("inbox")) {
                    Object token = recv("inbox");
                    passes++;
                    if (passes < laps * members.size()) {
                        next.put(token);
                    }
                }
                pause();
                return true;
            }
        }
    }

    /** Hackysack: whoever has the sack kicks it to a random other member; after the last kick everyone leaves. */
    static final class Hackysack {
        private final List<Member> members = new ArrayList<>();
        private final int limit;
        private final Random random;
        int kicks;

        Hackysack(int size, int limit, long seed) {
            this.limit = limit;
            this.random = new Random(seed);
            for (int i = 0; i < size; i++) {
                members.add(new Member(i));
            }
        }

        void activateOn(Scheduler scheduler) {
            members.forEach(m -> m.activate(scheduler));
        }

        void start() {
            members.get(0).inbox("inbox").put("sack");
        }

        long steps() {
            return members.stream().mapToLong(m -> m.steps).sum();
        }

        final class Member extends Component {
            private final int index;
            int steps;

            Member(int index) {
                this.index = index;
            }

            @Override
            protected boolean step() {
                steps++;
                while (dataReady("inbox")) {
                    if (recv("inbox").equals("exit")) {
                        return false;
                    }
                    kicks++;
                    if (kicks == limit) {
                        members.forEach(m -> m.inbox("inbox").put("exit"));
                    } else {
                        int other = random.nextInt(members.size() - 1);
                        members.get(other >= index ? other + 1 : other).inbox("inbox").put("sack");
                    }
                }
                pause();
                return true;
            }
        }
    }
}
