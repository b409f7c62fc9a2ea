package bench;

import com.typesafe.config.ConfigFactory;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * Hackysack on Apache Pekko typed actors: each member is an actor; the sack and exit are
 * its messages. One actor system serves every game of a benchmark run; its guardian
 * spawns the members of each game.
 */
final class PekkoGame extends Game {
    private ActorSystem<Spawn> system;
    private ActorRef<Object>[] members;
    private CountDownLatch exited;

    /** Asks the guardian for the members of a game. */
    record Spawn(PekkoGame game, int count, CountDownLatch spawned) {
    }

    @Override
    @SuppressWarnings("unchecked")
    protected void makeMembers(int count) throws InterruptedException {
        if (system == null) {
            system = ActorSystem.create(guardian(), "hackysack", ConfigFactory.parseString(
                    "pekko.loglevel = ERROR\npekko.log-dead-letters = off\npekko.stdout-loglevel = OFF")
                    .withFallback(ConfigFactory.load()));
        }
        members = new ActorRef[count];
        exited = new CountDownLatch(count);
        CountDownLatch spawned = new CountDownLatch(1);
        system.tell(new Spawn(this, count, spawned));
        if (!spawned.await(2, TimeUnit.MINUTES)) {
            throw new IllegalStateException("Pekko did not spawn " + count + " members in 2 minutes");
        }
    }

    private static Behavior<Spawn> guardian() {
        return Behaviors.receive((context, spawn) -> {
            for (int i = 0; i < spawn.count(); i++) {
                spawn.game().members[i] = context.spawnAnonymous(spawn.game().member(i));
            }
            spawn.spawned().countDown();
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
