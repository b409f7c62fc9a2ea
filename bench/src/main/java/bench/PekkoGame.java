package bench;

import com.typesafe.config.ConfigFactory;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * Hackysack on Apache Pekko typed actors: each member is an actor; the sack and exit are
 * its messages. One actor system serves every game of a benchmark run; its guardian
 * spawns the members of each game. A member that receives {@code exit} stops, and Pekko
 * finishes stopping it after the game; set-up waits until the guardian has no member of
 * the last game left, so that this work is not measured with the next game.
 *
 * <p>With {@code oneThread}, the actor system's dispatcher runs every actor on a single
 * thread and lets an actor handle up to 100 messages at a turn. Only one member holds the
 * sack at a time, so more threads only add hand-overs between them: this is Pekko at its
 * best for this game, and the fair peer for a scheduler on one thread.
 */
final class PekkoGame extends Game {
    /** The dispatcher of the one-thread configuration: one thread, many messages per turn. */
    private static final String ONE_THREAD = """
            pekko.actor.default-dispatcher {
              executor = "thread-pool-executor"
              thread-pool-executor.fixed-pool-size = 1
              throughput = 100
            }
            """;

    private final boolean oneThread;
    private ActorSystem<Request> system;
    private ActorRef<Object>[] members;
    private CountDownLatch exited;

    PekkoGame(boolean oneThread) {
        this.oneThread = oneThread;
    }

    /** What the guardian is asked. */
    sealed interface Request {
    }

    /** Asks the guardian for the members of a game. */
    record Spawn(PekkoGame game, int count, CountDownLatch spawned) implements Request {
    }

    /** Asks the guardian how many members it still has: those of the last game that have not stopped yet. */
    record Census(CompletableFuture<Integer> members) implements Request {
    }

    @Override
    @SuppressWarnings("unchecked")
    protected void makeMembers(int count) throws Exception {
        if (system == null) {
            String quiet = "pekko.loglevel = ERROR\npekko.log-dead-letters = off\npekko.stdout-loglevel = OFF\n";
            system = ActorSystem.create(guardian(), "hackysack",
                    ConfigFactory.parseString(quiet + (oneThread ? ONE_THREAD : "")).withFallback(ConfigFactory.load()));
        }
        if (exited != null && exited.getCount() == 0) {
            awaitNoMembers(); // the last game was played to the end: its members are stopping
        }
        members = new ActorRef[count];
        exited = new CountDownLatch(count);
        CountDownLatch spawned = new CountDownLatch(1);
        system.tell(new Spawn(this, count, spawned));
        if (!spawned.await(2, TimeUnit.MINUTES)) {
            throw new IllegalStateException("Pekko did not spawn " + count + " members in 2 minutes");
        }
    }

    /** Waits until every member of the last game has stopped and the guardian knows it. */
    private void awaitNoMembers() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (true) {
            CompletableFuture<Integer> census = new CompletableFuture<>();
            system.tell(new Census(census));
            if (census.get(2, TimeUnit.MINUTES) == 0) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Pekko did not stop the last game's members in 2 minutes");
            }
            Thread.sleep(1);
        }
    }

    private static Behavior<Request> guardian() {
        return Behaviors.receive((context, request) -> {
            switch (request) {
                case Spawn spawn -> {
                    for (int i = 0; i < spawn.count(); i++) {
                        spawn.game().members[i] = context.spawnAnonymous(spawn.game().member(i));
                    }
                    spawn.spawned().countDown();
                }
                case Census census -> census.members().complete(context.getChildren().size());
            }
            return Behaviors.same();
        });
    }

    private Behavior<Object> member(int self) {
        return Behaviors.receiveMessage(message -> {
            if (message == EXIT) {
                exited.countDown();
                return Behaviors.stopped();
            }
            int next = kickFrom(self);
            if (next >= 0) {
                members[next].tell(SACK);
            } else {
                for (ActorRef<Object> member : members) {
                    member.tell(EXIT);
                }
            }
            return Behaviors.same();
        });
    }

    @Override
    long play() throws InterruptedException {
        members[0].tell(SACK);
        exited.await();
        return kicked();
    }

    @Override
    public void close() throws Exception {
        if (system != null) {
            system.terminate();
            system.getWhenTerminated().toCompletableFuture().get(1, TimeUnit.MINUTES);
            system = null;
        }
    }
}
