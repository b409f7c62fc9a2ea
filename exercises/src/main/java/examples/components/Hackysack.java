package examples.components;

import axon.Box;
import axon.Scheduler;
import java.util.SplittableRandom;

/**
 * A game of hackysack on one scheduler: {@code members} {@link Hackysacker}s, one sack,
 * {@code kicks} kicks, then everyone leaves. Seeded, so the same game is played every
 * time.
 */
public final class Hackysack implements Hackysacker.Circle {
    private final Hackysacker[] players;
    private final Box[] inboxes;
    private final SplittableRandom random;
    private long kicksLeft;

    /** A game ready to play on {@code scheduler}: every member is made and activated. */
    public Hackysack(Scheduler scheduler, int members, long kicks, boolean polls, long seed) {
        if (members < 2) {
            throw new IllegalArgumentException("hackysack needs at least 2 members, not " + members);
        }
        players = new Hackysacker[members];
        inboxes = new Box[members];
        random = new SplittableRandom(seed);
        kicksLeft = kicks;
        for (int i = 0; i < members; i++) {
            players[i] = new Hackysacker(this, i, polls);
            inboxes[i] = players[i].inbox("inbox");
            players[i].activate(scheduler);
        }
    }

    /** Hands the sack to the first member. */
    public void start() {
        inboxes[0].put(Hackysacker.SACK);
    }

    @Override
    public int kick(int self) {
        if (--kicksLeft <= 0) {
            return -1;
        }
        int other = random.nextInt(players.length - 1);
        return other >= self ? other + 1 : other;
    }

    @Override
    public Box inboxOf(int member) {
        return inboxes[member];
    }

    @Override
    public int members() {
        return players.length;
    }

    /** How many steps the members have taken between them. */
    public long steps() {
        long steps = 0;
        for (Hackysacker player : players) {
            steps += player.steps();
        }
        return steps;
    }
}
