package grading;

import static grading.Network.PATIENCE;
import static org.junit.jupiter.api.Assertions.fail;

import axon.Component;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/** A factory of talkers that keeps every talker it makes, for the test to look at. */
final class Talkers implements Supplier<Component> {
    final List<Talker> made = new CopyOnWriteArrayList<>();

    @Override
    public Component get() {
        Talker talker = new Talker();
        made.add(talker);
        return talker;
    }

    /** Waits until the talker made {@code index}-th (from 0) exists and has ended; fails with {@code why}. */
    void awaitEnded(int index, InBackground running, String why) throws Throwable {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (made.size() <= index || made.get(index).endedBy == null) {
            running.rethrow();
            if (System.nanoTime() > deadline) {
                fail(why + (made.size() <= index ? " (the connection was never made)"
                        : " (the connection's protocol is still running)"));
            }
            Thread.sleep(5);
        }
    }

    /** Waits until every talker made has ended; fails naming those still running. */
    void awaitAllEnded(InBackground running) throws Throwable {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (made.stream().anyMatch(t -> t.endedBy == null)) {
            running.rethrow();
            if (System.nanoTime() > deadline) {
                fail(made.stream().filter(t -> t.endedBy == null).count() + " of " + made.size() + " protocol"
                        + " components are still running after their clients left: the socket's signal must"
                        + " reach the protocol's control");
            }
            Thread.sleep(5);
        }
    }
}
