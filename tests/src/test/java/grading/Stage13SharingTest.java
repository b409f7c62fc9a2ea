package grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import axon.Component;
import axon.Microprocess;
import axon.Scheduler;
import axon.ThreadedComponent;
import axon.stm.BusyRetry;
import axon.stm.ConcurrentUpdate;
import axon.stm.Store;
import axon.stm.Value;
import axon.stm.Values;
import examples.components.DiningPhilosophers;
import grading.support.Graded;
import grading.support.GradedTest;
import grading.support.HintedFailure;
import grading.support.WaitedInVain;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kamaelia.chassis.Pipeline;
import kamaelia.util.Recorder;
import org.junit.jupiter.api.Timeout;
import org.opentest4j.AssertionFailedError;

@Graded(stage = 13, title = "constrained data sharing")
class Stage13SharingTest {
    /** How long a component keeps retrying a busy store before the test calls the store stuck. */
    static final Duration STUCK = Duration.ofSeconds(5);

    /** The store of a test, new for each test. */
    private final Store store = new Store();
    /** The lock of {@link #watched}, for the tests that watch what a store does with its lock. */
    private final WatchedLock lock = new WatchedLock();
    /** A store on {@link #lock}, new for each test. */
    private final Store watched = new Store(lock);

    /**
     * A lock the test controls, for a store to take turns on: busy or free at the test's
     * word. It counts what the store does with it, and fails the test if the store ever
     * waits for it. Single-threaded tests only.
     */
    static final class WatchedLock implements Lock {
        boolean busy;
        /** If above 0, every so many tries find the lock busy, as if another thread held it just then. */
        int busyEvery;
        int tries;
        int held;

        @Override
        public boolean tryLock() {
            tries++;
            if (busy || busyEvery > 0 && tries % busyEvery == 0) {
                return false;
            }
            held++;
            return true;
        }

        @Override
        public void unlock() {
            if (held == 0) {
                throw new IllegalMonitorStateException("the store unlocked its lock without holding it");
            }
            held--;
        }

        @Override
        public void lock() {
            throw waits("lock()");
        }

        @Override
        public void lockInterruptibly() {
            throw waits("lockInterruptibly()");
        }

        @Override
        public boolean tryLock(long time, TimeUnit unit) {
            throw waits("tryLock(time, unit)");
        }

        @Override
        public Condition newCondition() {
            throw new UnsupportedOperationException("a store has no use for conditions");
        }

        private static AssertionFailedError waits(String call) {
            return new AssertionFailedError("the store called " + call + " on its lock, which waits while another"
                    + " thread holds it: a store only tries its lock, with tryLock(), and throws BusyRetry when it"
                    + " is busy");
        }
    }

    /** The value of a counter copy: a counter never committed counts 0. */
    static int count(Object value) {
        return value == null ? 0 : (Integer) value;
    }

    static void failIfStuck(long deadline) {
        if (System.nanoTime() > deadline) {
            // the stage's other tests would wait as long for the same lock: they do not run
            throw WaitedInVain.of("the store stayed busy for " + STUCK.toSeconds() + " s on end: does it unlock its"
                    + " lock in a finally, also when it throws ConcurrentUpdate?", "the store");
        }
    }

    /** Commits {@code copies}, trying again while the store is busy; a ConcurrentUpdate is the caller's. */
    static void commitPastBusy(Values copies, long deadline) {
        while (true) {
            try {
                copies.commit();
                return;
            } catch (BusyRetry e) {
                failIfStuck(deadline);
                Thread.yield();
            }
        }
    }

    @GradedTest(order = 1, value = "a copy of a value never committed holds null at version 0, and changing a copy"
            + " does not change the store")
    void copiesOfNewValues() {
        Value count = store.usevar("count");
        assertEquals("count", count.key(), "usevar(\"count\") must give a copy of the value named count");
        assertNull(count.value(), "a value never committed holds null");
        assertEquals(0, count.version(), "a value never committed is at version 0");
        count.set(41);
        assertEquals(41, count.value(), "set changes the copy");
        Value again = store.usevar("count");
        assertNull(again.value(), "set changes the copy only: the store changes when the copy is committed");
        assertEquals(0, again.version(), "a value never committed is at version 0");
        Values pair = store.usevars("left", "right");
        assertEquals(List.of("left", "right"), List.copyOf(pair.keys()), "usevars keeps the keys in the order given");
        assertNull(pair.value("left"), "a value never committed holds null");
        assertEquals(0, pair.get("right").version(), "a value never committed is at version 0");
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> pair.get("middle"),
                "asking copies for a key they were not taken for must throw IllegalArgumentException");
        assertTrue(unknown.getMessage().contains("middle"), "the error must name the key: " + unknown.getMessage());
    }

    @GradedTest(order = 2, value = "a commit succeeds when nobody has committed the value since the copy was taken:"
            + " store and copy move to the next version")
    void freshCommitsSucceed() {
        Value count = store.usevar("count");
        count.set(1);
        count.commit();
        assertEquals(1, count.version(), "a committed copy moves on to the version it made");
        Value seen = store.usevar("count");
        assertEquals(1, seen.value(), "a fresh copy must hold the value committed");
        assertEquals(1, seen.version(), "a copy taken after one commit must be at version 1: each commit adds one"
                + " to the value's version, and usevars gives each copy the version stored with its value");
        count.set(2);
        count.commit();
        assertEquals(2, count.version(), "the same copy, committed again, makes the next version");
        assertEquals(2, store.usevar("count").value(), "the store must hold the value committed last");
        assertEquals(2, store.usevar("count").version(), "two commits make version 2");

        Values pair = store.usevars("left", "right");
        pair.set("left", "L");
        pair.set("right", "R");
        pair.commit();
        assertEquals(1, pair.get("left").version(), "after commit() the copies must carry their new versions");
        assertEquals(1, pair.get("right").version(), "after commit() the copies must carry their new versions");
        Values now = store.usevars("right", "left");
        assertEquals("R", now.value("right"), "the values committed together must all be stored");
        assertEquals("L", now.value("left"), "the values committed together must all be stored");
        assertEquals(1, now.get("left").version(), "one commit of two values makes version 1 of each");
        assertEquals(2, store.usevar("count").version(), "a commit to other values leaves this one alone");
    }

    @GradedTest(order = 3, value = "committing a stale copy throws ConcurrentUpdate naming the value, and changes"
            + " nothing")
    void staleCopiesAreRefused() {
        Value first = store.usevar("greeting");
        Value second = store.usevar("greeting");
        first.set("hello");
        first.commit();
        second.set("bonjour");
        ConcurrentUpdate refused = assertThrows(ConcurrentUpdate.class, second::commit,
                "a copy of version 0 was committed over version 1: the first commit's update is lost");
        assertEquals("greeting", refused.key(), "ConcurrentUpdate must name the stale value");
        assertTrue(refused.getMessage().contains("greeting"), "the message must name the value: " + refused.getMessage());
        Value now = store.usevar("greeting");
        assertEquals("hello", now.value(), "a refused commit changes nothing");
        assertEquals(1, now.version(), "a refused commit changes nothing, not even the version");
        assertEquals(0, second.version(), "a refused copy stays at the version it was taken at");
        assertThrows(ConcurrentUpdate.class, second::commit, "a stale copy stays stale");
        now.set("bonjour");
        now.commit();
        assertEquals("bonjour", store.usevar("greeting").value(), "a fresh copy commits");
        assertEquals(2, store.usevar("greeting").version(), "the fresh copy's commit makes version 2");
    }

    @GradedTest(order = 4, value = "several values commit all or nothing: when any one copy is stale, none of the"
            + " values changes")
    void allOrNothing() {
        for (String stale : List.of("a", "b", "c")) {
            Store fresh = new Store();
            Values three = fresh.usevars("a", "b", "c");
            Value other = fresh.usevar(stale);
            other.set("someone else");
            other.commit();
            three.set("a", 1);
            three.set("b", 2);
            three.set("c", 3);
            ConcurrentUpdate refused = assertThrows(ConcurrentUpdate.class, three::commit,
                    "\"" + stale + "\" was committed since the copies were taken");
            assertEquals(stale, refused.key(), "ConcurrentUpdate must name the stale value");
            Values now = fresh.usevars("a", "b", "c");
            for (String key : List.of("a", "b", "c")) {
                if (key.equals(stale)) {
                    assertEquals("someone else", now.value(key), "the value someone else committed must stay");
                    assertEquals(1, now.get(key).version(), "the refused commit must not change any version");
                } else {
                    assertNull(now.value(key), "\"" + key + "\" changed although \"" + stale + "\", committed with it,"
                            + " was stale: several values commit all or nothing");
                    assertEquals(0, now.get(key).version(), "\"" + key + "\" must keep its version");
                }
            }
            for (String key : List.of("a", "b", "c")) {
                assertEquals(0, three.get(key).version(), "a refused commit leaves every copy at its version");
            }
            now.set("a", 10);
            now.set("b", 20);
            now.set("c", 30);
            now.commit();
            Values after = fresh.usevars("a", "b", "c");
            assertEquals(List.of(10, 20, 30), List.of(after.value("a"), after.value("b"), after.value("c")),
                    "fresh copies of all three must commit together");
            assertEquals(stale.equals("b") ? 2 : 1, after.get("b").version(), "each commit adds one to b's version");
        }
    }

    @GradedTest(order = 5, value = "only a commit to the same value makes a copy stale: commits to other values do not")
    void otherValuesDoNotMakeACopyStale() {
        Value mine = store.usevar("mine");
        Values pair = store.usevars("mine", "ours");
        for (int i = 1; i <= 3; i++) {
            Value other = store.usevar("other");
            other.set(i);
            other.commit();
        }
        mine.set("changed");
        mine.commit();
        assertEquals(1, store.usevar("mine").version(), "commits of other values must not change mine's version");
        assertEquals(3, store.usevar("other").version(), "three commits of other make version 3");
        pair.set("ours", "too");
        assertThrows(ConcurrentUpdate.class, pair::commit, "\"mine\" was committed since the pair was taken");
        Values fresh = store.usevars("mine", "ours");
        fresh.set("ours", "too");
        fresh.commit();
        assertEquals(List.of(2L, 1L, 3L), List.of(store.usevar("mine").version(), store.usevar("ours").version(),
                store.usevar("other").version()),
                "the versions of mine, ours and other: each counts its own commits only");
    }

    @GradedTest(order = 6, value = "a busy store throws BusyRetry at once, for a check-out and a commit, and changes"
            + " nothing; the same copy commits once it is free")
    void busyStoreSaysRetry() {
        Value count = watched.usevar("count");
        count.set(1);
        lock.busy = true;
        assertThrows(BusyRetry.class, () -> watched.usevar("count"),
                "while another thread holds the store's lock, usevar must throw BusyRetry");
        assertThrows(BusyRetry.class, () -> watched.usevars("count", "other"),
                "while another thread holds the store's lock, usevars must throw BusyRetry");
        assertThrows(BusyRetry.class, count::commit,
                "while another thread holds the store's lock, a commit must throw BusyRetry");
        assertEquals(0, count.version(), "a commit that met a busy store leaves the copy as it was");
        lock.busy = false;
        Value now = watched.usevar("count");
        assertNull(now.value(), "a commit that met a busy store changes nothing");
        assertEquals(0, now.version(), "a commit that met a busy store must not change the version");
        count.commit();
        Value stored = watched.usevar("count");
        assertEquals(1, stored.value(), "the copy that met a busy store commits once it is free");
        assertEquals(1, stored.version(), "one commit that went through makes version 1");
    }

    @GradedTest(order = 7, value = "every check-out and every commit takes the store's lock, and lets go of it, also"
            + " when the commit is refused")
    void theLockIsAlwaysReleased() {
        Value first = watched.usevar("x");
        assertEquals(1, lock.tries, "usevar must try the store's lock, once");
        assertEquals(0, lock.held, "usevar must unlock the lock it took");
        Value second = watched.usevars("x").get("x");
        assertEquals(0, lock.held, "usevars must unlock the lock it took");
        first.set(1);
        int before = lock.tries;
        first.commit();
        assertTrue(lock.tries > before, "a commit must take the store's lock");
        assertEquals(0, lock.held, "a commit must unlock the lock it took");
        second.set(2);
        assertThrows(ConcurrentUpdate.class, second::commit, "a stale copy's commit must throw ConcurrentUpdate");
        assertEquals(0, lock.held, "a refused commit must unlock the lock too: unlock in a finally block");
        lock.busy = true;
        assertThrows(BusyRetry.class, second::commit, "a commit that finds the lock taken must throw BusyRetry");
        lock.busy = false;
        assertEquals(0, lock.held, "a store that met a busy lock holds nothing");
    }

    /** An adder's work: {@code times} transactions on {@code store}, each adding one to "total" and "even" or "odd". */
    record Additions(Store store, int times) {
        /** Checks out the copies of transaction {@code i}, each with one added, not yet committed. */
        Values checkOut(int i) {
            String parity = i % 2 == 0 ? "even" : "odd";
            Values copies = store.usevars(parity, "total");
            copies.set("total", count(copies.value("total")) + 1);
            copies.set(parity, count(copies.value(parity)) + 1);
            return copies;
        }
    }

    /** Does its additions, each as one transaction, on a thread of its own. */
    static final class ThreadedAdder extends ThreadedComponent {
        private final Additions additions;

        ThreadedAdder(Additions additions) {
            this.additions = additions;
        }

        @Override
        protected void body() {
            long deadline = System.nanoTime() + STUCK.toNanos();
            for (int i = 0; i < additions.times(); i++) {
                while (true) {
                    try {
                        Values copies = additions.checkOut(i);
                        Thread.yield();                        // let the others check out the same versions
                        commitPastBusy(copies, deadline);
                        break;
                    } catch (ConcurrentUpdate e) {
                        failIfStuck(deadline);                 // someone was quicker: again, from fresh copies
                    } catch (BusyRetry e) {
                        failIfStuck(deadline);
                        Thread.yield();
                    }
                }
                deadline = System.nanoTime() + STUCK.toNanos();
            }
            passShutdownOn();
        }
    }

    /** Does its additions one step at a time: check out in one step, commit in the next. */
    static final class CooperativeAdder extends Component {
        private final Additions additions;
        private int done;
        private Values copies;
        private long deadline = System.nanoTime() + STUCK.toNanos();

        CooperativeAdder(Additions additions) {
            this.additions = additions;
        }

        @Override
        protected boolean step() {
            if (done == additions.times()) {
                passShutdownOn();
                return false;
            }
            failIfStuck(deadline);
            try {
                if (copies == null) {
                    copies = additions.checkOut(done);
                } else {
                    copies.commit();
                    copies = null;
                    done++;
                    deadline = System.nanoTime() + STUCK.toNanos();
                }
            } catch (ConcurrentUpdate e) {
                copies = null;
            } catch (BusyRetry e) {
                // the same again at the next step
            }
            return true;
        }
    }

    @GradedTest(order = 8, value = "threads and cooperative components adding to shared counters through one store"
            + " lose no update and repeat none")
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void contention() {
        int threads = 6;
        int cooperative = 2;
        int times = 300;
        Additions additions = new Additions(store, times);
        Scheduler scheduler = new Scheduler();
        for (int i = 0; i < threads; i++) {
            new ThreadedAdder(additions).activate(scheduler);
        }
        for (int i = 0; i < cooperative; i++) {
            new CooperativeAdder(additions).activate(scheduler);
        }
        scheduler.run();
        int all = (threads + cooperative) * times;
        int evens = (threads + cooperative) * ((times + 1) / 2);
        Values totals = store.usevars("total", "even", "odd");
        assertEquals(all, totals.value("total"), "the total must count every transaction exactly once (less: lost"
                + " updates; more: an update repeated)");
        assertEquals(evens, totals.value("even"), "\"even\" must count every even transaction exactly once (more: a"
                + " transaction refused for a stale \"total\" still stored \"even\", and was then done again)");
        assertEquals(all - evens, totals.value("odd"), "\"odd\" must count every odd transaction exactly once");
        assertEquals(all, totals.get("total").version(), "each successful commit adds exactly one to the version");
        assertEquals(evens, totals.get("even").version(), "each successful commit adds exactly one to the version");
        assertEquals(all - evens, totals.get("odd").version(), "each successful commit adds exactly one to the version");
    }

    private static final Pattern EATS = Pattern.compile("(\\w+) eats with (fork \\d+) and (fork \\d+) \\(meal (\\d+) of (\\d+)\\)");
    private static final Pattern PUTS_DOWN = Pattern.compile("(\\w+) puts down (fork \\d+) and (fork \\d+)");

    /**
     * Runs a table, returns what the philosophers said, in the order they said it. A
     * table that has not finished after {@link #STUCK} fails, rather than spin for ever.
     */
    private static List<Object> dine(Store store, int meals, IntPredicate threaded) {
        Scheduler scheduler = new Scheduler();
        Recorder said = new Recorder();
        new Pipeline(DiningPhilosophers.table(store, DiningPhilosophers.NAMES, meals, threaded), said)
                .activate(scheduler);
        long deadline = System.nanoTime() + STUCK.toNanos();
        new Microprocess() {
            @Override
            protected boolean step() {
                if (said.endedBy() != null) {
                    return false;
                }
                if (System.nanoTime() > deadline) {
                    throw WaitedInVain.of("the philosophers have not finished their meals after "
                            + STUCK.toSeconds() + " s: some fork is never free again. Does a refused commit leave a"
                            + " fork taken (a partial commit), does a philosopher count forks as taken although"
                            + " the commit failed, does one commit the same stale copies again and again instead"
                            + " of dropping them on ConcurrentUpdate and looking again, or does one keep its copies"
                            + " after a commit that succeeded, so that putting the forks down commits them again?"
                            + " So far: " + said.collected(),
                            "the philosophers to finish");
                }
                return true;
            }
        }.activate(scheduler);
        try {
            scheduler.run();
        } catch (RuntimeException e) {
            Optional<HintedFailure> taken = forkNotFree(e);
            if (taken.isPresent()) {
                throw taken.get();
            }
            throw e;
        }
        assertTrue(said.endedBy() != null, "the table must end once every philosopher has eaten");
        return said.collected();
    }

    /**
     * A philosopher's own check ("a philosopher took a fork that was not free") found a fork
     * taken from under its holder: the contract of reaching only for free forks, with that
     * test's hint; empty for any other failure.
     */
    private static Optional<HintedFailure> forkNotFree(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("took a fork that was not free")) {
                HintedFailure said = HintedFailure.ofTest(t.getMessage(), Stage13SharingTest.class, "mixedTable");
                said.initCause(e);
                return Optional.of(said);
            }
        }
        return Optional.empty();
    }

    /** Meals eaten by each philosopher, from what they said. */
    private static Map<String, Integer> mealsEaten(List<Object> said) {
        Map<String, Integer> meals = new TreeMap<>();
        DiningPhilosophers.NAMES.forEach(name -> meals.put(name, 0));
        for (Object line : said) {
            Matcher eats = EATS.matcher((String) line);
            if (eats.matches()) {
                meals.merge(eats.group(1), 1, Integer::sum);
            }
        }
        return meals;
    }

    private static Map<String, Integer> everyone(int meals) {
        Map<String, Integer> all = new TreeMap<>();
        DiningPhilosophers.NAMES.forEach(name -> all.put(name, meals));
        return all;
    }

    /** Every fork lies on the table again, and was committed exactly twice per meal of each of its two users. */
    private static void forksAreBack(Store store, int meals) {
        for (int n = 1; n <= DiningPhilosophers.NAMES.size(); n++) {
            Value fork = store.usevar(DiningPhilosophers.fork(n));
            assertNull(fork.value(), fork.key() + " must lie on the table when everyone has eaten");
            assertEquals(4L * meals, fork.version(), fork.key() + " must have been committed once per pick-up and once"
                    + " per put-down by each of its two neighbours: " + 4 * meals + " times");
        }
    }

    /** Checks, from what cooperative philosophers said in order, that each fork had one holder at a time. */
    private static void noForkHeldByTwo(List<Object> said) {
        Map<String, String> holder = new HashMap<>();
        for (Object line : said) {
            Matcher eats = EATS.matcher((String) line);
            Matcher putsDown = PUTS_DOWN.matcher((String) line);
            if (eats.matches()) {
                for (String fork : List.of(eats.group(2), eats.group(3))) {
                    String other = holder.putIfAbsent(fork, eats.group(1));
                    if (other != null) {
                        fail(eats.group(1) + " began to eat with " + fork + " while " + other + " held it: " + said);
                    }
                }
            } else if (putsDown.matches()) {
                for (String fork : List.of(putsDown.group(2), putsDown.group(3))) {
                    assertEquals(putsDown.group(1), holder.remove(fork), putsDown.group(1) + " put down " + fork
                            + ", which it did not hold");
                }
            } else {
                fail("a philosopher said something unexpected: " + line);
            }
        }
    }

    @GradedTest(order = 9, value = "cooperative philosophers (examples.components.Philosopher) each eat every meal,"
            + " and no fork is ever held by two at once")
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void cooperativePhilosophers() {
        cooperativeDinner(store, 3);
        forksAreBack(store, 3);
    }

    @GradedTest(order = 10, value = "cooperative philosophers whose store is busy now and then still eat every meal,"
            + " and never fail on BusyRetry")
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void philosophersRetryABusyStore() {
        lock.busyEvery = 3;
        cooperativeDinner(watched, 4);
        lock.busyEvery = 0;
        forksAreBack(watched, 4);
        assertEquals(0, lock.held, "the store must let go of its lock");
    }

    @GradedTest(order = 11, value = "cooperative and threaded philosophers share one table: everyone eats every meal,"
            + " and every fork counts one commit per pick-up and put-down")
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void mixedTable() {
        int meals = 15;
        List<Object> said = dine(store, meals, seat -> seat % 2 == 0);
        assertEquals(everyone(meals), mealsEaten(said), "every philosopher must eat every meal");
        forksAreBack(store, meals);
    }

    /** Cooperative philosophers dine on the store: no fork is ever held by two, and everyone eats every meal. */
    private static void cooperativeDinner(Store store, int meals) {
        List<Object> said = dine(store, meals, seat -> false);
        noForkHeldByTwo(said);
        assertEquals(everyone(meals), mealsEaten(said), "every philosopher must eat every meal: " + said);
    }

    /** What the test sees of the forks: which diner believes it holds each one, and each time two did at once. */
    static final class ForkWatch {
        private final AtomicReferenceArray<String> holders;
        final List<String> clashes = new CopyOnWriteArrayList<>();

        ForkWatch(int forks) {
            holders = new AtomicReferenceArray<>(forks);
        }

        int forks() {
            return holders.length();
        }

        void claim(String who, int... forks) {
            for (int fork : forks) {
                String other = holders.getAndSet(fork, who);
                if (other != null) {
                    clashes.add(who + " took fork " + fork + " while " + other + " held it");
                }
            }
        }

        void giveBack(String who, int... forks) {
            for (int fork : forks) {
                holders.compareAndSet(fork, who, null);
            }
        }
    }

    /**
     * A philosopher on a thread that also tells the test, through a {@link ForkWatch}, which
     * forks it believes it holds: it claims them right after its commit succeeds and gives
     * them back just before it commits putting them down.
     */
    static final class WatchedDiner extends ThreadedComponent {
        private final Store store;
        private final ForkWatch watch;
        private final String who;
        private final int left;
        private final int right;
        private final int meals;

        WatchedDiner(Store store, ForkWatch watch, int seat, int meals) {
            this.store = store;
            this.watch = watch;
            this.who = "diner " + seat;
            this.left = seat;
            this.right = (seat + 1) % watch.forks();
            this.meals = meals;
        }

        @Override
        protected void body() {
            long deadline = System.nanoTime() + STUCK.toNanos();
            for (int meal = 0; meal < meals; meal++) {
                Values forks = take(deadline);
                watch.claim(who, left, right);
                Thread.yield();                                // eats
                watch.giveBack(who, left, right);
                forks.set("fork " + left, null);
                forks.set("fork " + right, null);
                commitPastBusy(forks, deadline);
                deadline = System.nanoTime() + STUCK.toNanos();
            }
            passShutdownOn();
        }

        private Values take(long deadline) {
            while (true) {
                failIfStuck(deadline);
                try {
                    Values forks = store.usevars("fork " + left, "fork " + right);
                    if (forks.value("fork " + left) == null && forks.value("fork " + right) == null) {
                        forks.set("fork " + left, who);
                        forks.set("fork " + right, who);
                        Thread.yield();                        // let a neighbour reach too
                        commitPastBusy(forks, deadline);
                        return forks;
                    }
                } catch (ConcurrentUpdate e) {
                    // a neighbour was quicker
                } catch (BusyRetry e) {
                    // the store was busy while looking
                }
                Thread.yield();
            }
        }
    }

    @GradedTest(order = 12, value = "philosophers on eight threads sharing one store never hold the same fork at once")
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void threadedPhilosophersNeverShareAFork() {
        int diners = 8;
        int meals = 60;
        ForkWatch watch = new ForkWatch(diners);
        Scheduler scheduler = new Scheduler();
        List<WatchedDiner> all = new ArrayList<>();
        for (int seat = 0; seat < diners; seat++) {
            WatchedDiner diner = new WatchedDiner(store, watch, seat, meals);
            all.add(diner);
            diner.activate(scheduler);
        }
        scheduler.run();
        assertEquals(List.of(), watch.clashes, "two philosophers held the same fork at once");
        for (int fork = 0; fork < diners; fork++) {
            Value stored = store.usevar("fork " + fork);
            assertNull(stored.value(), stored.key() + " must lie on the table at the end");
            assertEquals(4L * meals, stored.version(), stored.key() + " must count one commit per pick-up and put-down");
        }
        assertTrue(all.stream().allMatch(Component::isFinished), "every diner must finish");
    }
}
