package bench;

import axon.Box;
import axon.Component;
import axon.Inbox;
import axon.Scheduler;

/**
 * The second workload: many members woken, each with almost nothing to do. Each round,
 * the game puts a call into every member's inbox and lets the scheduler run one cycle,
 * in which every member takes its call and, unless it polls, pauses; after the last
 * round everyone receives {@code exit}. So every wake-up is one put, one step and, for a
 * member that pauses, one fall asleep: what each scheduler policy does at a wake-up and
 * at a fall asleep is most of the cost.
 *
 * <p>Hackysack wakes one member at a time and gives it real work (a random number, a
 * kick); here nearly all the work is the scheduler's own.
 */
final class WakeUps implements AutoCloseable {
    /** What the caller puts into every member's inbox each round. */
    static final String CALL = "call";
    /** What every member receives after the last round. */
    static final String EXIT = "exit";

    private final Scheduler.Policy policy;
    private final boolean polls;
    private Scheduler scheduler;
    private Box[] inboxes;
    private Member[] members;
    private int rounds;

    WakeUps(Scheduler.Policy policy, boolean polls) {
        this.policy = policy;
        this.polls = polls;
    }

    /** Makes {@code count} idle members, for a game of {@code rounds} rounds. */
    void setUp(int count, int rounds) {
        if (count < 1 || rounds < 1) {
            throw new IllegalArgumentException("a game needs a member and a round, not " + count + " and " + rounds);
        }
        this.rounds = rounds;
        scheduler = new Scheduler(policy);
        inboxes = new Box[count];
        members = new Member[count];
        for (int i = 0; i < count; i++) {
            members[i] = new Member(polls);
            inboxes[i] = members[i].inbox("inbox");
            members[i].activate(scheduler);
        }
        scheduler.runCycles(1); // each member looks at its empty inbox once; then it is idle
    }

    /** Plays one game; returns the number of wake-ups: members times rounds. */
    long play() {
        for (int round = 0; round < rounds; round++) {
            for (Box inbox : inboxes) {
                inbox.put(CALL);
            }
            scheduler.runCycles(1); // every member takes its call
        }
        for (Box inbox : inboxes) {
            inbox.put(EXIT);
        }
        scheduler.run();
        if (!scheduler.microprocesses().isEmpty()) {
            throw new IllegalStateException("the game ended with members still running");
        }
        long heard = 0;
        for (Member member : members) {
            heard += member.heard;
        }
        if (heard != (long) rounds * members.length) {
            throw new IllegalStateException(heard + " calls were heard, not " + (long) rounds * members.length);
        }
        return heard;
    }

    @Override
    public void close() {
        scheduler = null;
        inboxes = null;
        members = null;
    }

    /** A member: takes each call and counts it; pauses when there is nothing left, unless it polls. */
    @Inbox(name = "inbox", doc = "Calls, or \"exit\" when the game is over")
    static final class Member extends Component {
        private final boolean polls;
        private long heard;

        Member(boolean polls) {
            this.polls = polls;
        }

        @Override
        protected boolean step() {
            while (dataReady("inbox")) {
                if (recv("inbox") == EXIT) {
                    return false;
                }
                heard++;
            }
            if (!polls) {
                pause();
            }
            return true;
        }
    }
}
