package examples.components;

import axon.Box;
import axon.Component;
import axon.Inbox;

/**
 * A member of a game of hackysack: whoever holds the sack kicks it to another member,
 * chosen at random, until the game has had its kicks; then everyone receives
 * {@code "exit"} and leaves. The game itself (who is in it, the count, the dice) is a
 * {@link Circle}, shared by the members.
 *
 * <p>A member kicks by putting the sack straight into the chosen member's inbox, as
 * Kamaelia's own hackysack does: links are fixed, and a kick goes somewhere new each
 * time. It holds that inbox for an instant, never the member itself.
 *
 * <p>Stage 10's demo counts the members' steps with it, and the {@code bench} module
 * times it.
 */
@Inbox(name = "inbox", doc = "The sack, or \"exit\" when the game is over")
public final class Hackysacker extends Component {
    /** The sack. */
    public static final String SACK = "sack";
    /** What everyone receives after the last kick. */
    public static final String EXIT = "exit";

    /** The game the members share. Only the member holding the sack calls it. */
    public interface Circle {
        /** Counts a kick by member {@code self}; returns whom to kick to, or -1 if that was the last kick. */
        int kick(int self);

        /** The inbox of member {@code member}, to put the sack or exit into. */
        Box inboxOf(int member);

        /** How many members play. */
        int members();
    }

    private final Circle circle;
    private final int index;
    private final boolean polls;
    private long steps;

    /**
     * A member of {@code circle}, number {@code index}. A member that {@code polls} never
     * pauses, as components did before stage 6: it looks at its inbox at every cycle.
     */
    public Hackysacker(Circle circle, int index, boolean polls) {
        this.circle = circle;
        this.index = index;
        this.polls = polls;
    }

    @Override
    protected boolean step() {
        steps++;
        while (dataReady("inbox")) {
            if (EXIT.equals(recv("inbox"))) {
                return false;
            }
            int next = circle.kick(index);
            if (next >= 0) {
                circle.inboxOf(next).put(SACK);
            } else {
                for (int member = 0; member < circle.members(); member++) {
                    circle.inboxOf(member).put(EXIT);
                }
            }
        }
        if (!polls) {
            pause(); // sleep until the sack (or exit) arrives
        }
        return true;
    }

    /** How many times this member has been stepped. */
    public long steps() {
        return steps;
    }
}
