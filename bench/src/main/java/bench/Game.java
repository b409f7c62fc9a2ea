package bench;

import java.util.SplittableRandom;

/**
 * One model's game of hackysack. {@link #setUp} makes the members, idle; {@link #play}
 * hands the sack to member 0 and returns once it has been kicked {@code kicks} times and
 * every member has received {@code exit} and stopped.
 *
 * <p>Only the member holding the sack kicks, so the kick counter and the random numbers
 * need no lock: each hand-over of the sack (a queue, a mailbox, a box) orders the kicks.
 */
abstract class Game implements AutoCloseable {
    /** The sack. Any object will do; members compare by identity. */
    static final Object SACK = new Object() {
        @Override
        public String toString() {
            return "sack";
        }
    };
    /** What every member receives after the last kick. */
    static final Object EXIT = new Object() {
        @Override
        public String toString() {
            return "exit";
        }
    };

    protected int members;
    private long kicksLeft;
    private long kicked;
    private SplittableRandom random;

    /** Makes {@code members} idle members for a game of {@code kicks} kicks. */
    final void setUp(int members, long kicks, long seed) throws Exception {
        if (members < 2) {
            throw new IllegalArgumentException("hackysack needs at least 2 members, not " + members);
        }
        this.members = members;
        this.kicksLeft = kicks;
        this.kicked = 0;
        this.random = new SplittableRandom(seed);
        makeMembers(members);
    }

    /** Makes the members, each idle, waiting for the sack. */
    protected abstract void makeMembers(int members) throws Exception;

    /** Plays one game; returns the number of kicks made. */
    abstract long play() throws Exception;

    /** Frees what setUp made that play() did not (threads, actor systems). */
    @Override
    public void close() throws Exception {
    }

    /**
     * Called by the member that holds the sack: counts the kick and says whom to kick it
     * to, or returns -1 when that was the last kick and everyone must now get {@code exit}.
     */
    protected final int kickFrom(int self) {
        kicked++;
        if (--kicksLeft <= 0) {
            return -1;
        }
        int other = random.nextInt(members - 1);
        return other >= self ? other + 1 : other;
    }

    /** How many kicks the last game made. */
    final long kicked() {
        return kicked;
    }
}
