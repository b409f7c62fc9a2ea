package bench;

import axon.Box;
import axon.Component;
import axon.Inbox;
import axon.Linkage;
import axon.Scheduler;
import axon.ThreadedComponent;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Hackysack with the kit's threaded components: each member is a
 * {@link ThreadedComponent} whose body blocks in {@code recv} on its own virtual thread.
 * A thread cannot put into another component's inbox, so a member sends the number of
 * the member it kicks to out of its outbox, and one cooperative {@link Circle}, linked
 * to every member's outbox, hands the sack on. Every kick crosses from a thread to the
 * scheduler and back. Set-up returns once every member's thread has started its body, so
 * that starting threads is not measured with the game.
 */
final class ThreadedGame extends Game {
    private Scheduler scheduler;
    private Box[] inboxes;
    /** Counted down by each member's thread as its body starts. */
    private CountDownLatch started;

    @Override
    protected void makeMembers(int count) throws InterruptedException {
        scheduler = new Scheduler(Scheduler.Policy.EVENT_DRIVEN);
        inboxes = new Box[count];
        started = new CountDownLatch(count);
        Circle circle = new Circle(inboxes);
        for (int i = 0; i < count; i++) {
            Sacker member = new Sacker(this, i);
            inboxes[i] = member.inbox("inbox");
            Linkage.link(member.outbox("outbox"), circle.inbox("inbox"));
            member.activate(scheduler);
        }
        circle.activate(scheduler);
        scheduler.runCycles(1); // starts each member's thread, which then waits for the sack
        if (!started.await(2, TimeUnit.MINUTES)) {
            throw new IllegalStateException(started.getCount() + " of " + count + " members' threads had not started"
                    + " after 2 minutes");
        }
    }

    @Override
    long play() {
        inboxes[0].put(SACK);
        scheduler.run();
        return kicked();
    }

    /** A member: its body runs on its own thread. */
    static final class Sacker extends ThreadedComponent {
        private static final Duration PATIENCE = Duration.ofSeconds(10);
        private final ThreadedGame game;
        private final int index;

        Sacker(ThreadedGame game, int index) {
            super(4);
            this.game = game;
            this.index = index;
        }

        @Override
        protected void body() throws InterruptedException {
            game.started.countDown();
            while (true) {
                Object message = recv("inbox", PATIENCE);
                if (message == null) {
                    continue; // the bell rang for an earlier message, or for another inbox: wait again
                }
                if (message == EXIT) {
                    return;
                }
                send(game.kickFrom(index), "outbox", PATIENCE);
            }
        }
    }

    /** Hands the sack to the member a kicker named, or exit to everyone after the last kick. */
    @Inbox(name = "inbox", doc = "The number of the member to hand the sack to; -1 after the last kick")
    static final class Circle extends Component {
        private final Box[] inboxes;

        Circle(Box[] inboxes) {
            this.inboxes = inboxes;
        }

        @Override
        protected boolean step() {
            while (dataReady("inbox")) {
                int next = recv("inbox", Integer.class);
                if (next < 0) {
                    for (Box inbox : inboxes) {
                        inbox.put(EXIT);
                    }
                    return false;
                }
                inboxes[next].put(SACK);
            }
            pause();
            return true;
        }
    }
}
