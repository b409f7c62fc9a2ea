package bench;

import axon.Box;
import axon.Scheduler;
import examples.components.Hackysacker;

/**
 * Hackysack on the kit's reference Axon: each member is an {@link Hackysacker}, a
 * component, all on one {@link Scheduler}. A member kicks by putting the sack straight
 * into the chosen member's inbox, as Kamaelia's own hackysack does.
 */
final class AxonGame extends Game implements Hackysacker.Circle {
    private final Scheduler.Policy policy;
    /** Whether members poll (never pause), as components did before stage 6. */
    private final boolean polls;
    private Scheduler scheduler;
    private Box[] inboxes;

    AxonGame(Scheduler.Policy policy, boolean polls) {
        this.policy = policy;
        this.polls = polls;
    }

    @Override
    protected void makeMembers(int count) {
        scheduler = new Scheduler(policy);
        inboxes = new Box[count];
        for (int i = 0; i < count; i++) {
            Hackysacker member = new Hackysacker(this, i, polls);
            inboxes[i] = member.inbox("inbox");
            member.activate(scheduler);
        }
        scheduler.runCycles(1); // each member looks at its empty inbox once; then it is idle
    }

    @Override
    long play() {
        inboxes[0].put(Hackysacker.SACK);
        scheduler.run();
        if (!scheduler.microprocesses().isEmpty()) {
            throw new IllegalStateException("the game ended with members still running");
        }
        return kicked();
    }

    @Override
    public int kick(int self) {
        return kickFrom(self);
    }

    @Override
    public Box inboxOf(int member) {
        return inboxes[member];
    }

    @Override
    public int members() {
        return members;
    }
}
