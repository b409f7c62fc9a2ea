package bench;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedTransferQueue;

/**
 * Hackysack on JDK virtual threads: each member is a virtual thread that takes messages
 * from its own {@link LinkedTransferQueue}, blocking while it is empty. Set-up returns
 * only once every member is parked in {@code take()}, so that starting threads is not
 * measured with the game (at 100,000 members, starting them outlasts set-up otherwise).
 */
final class VirtualThreadGame extends Game {
    private LinkedTransferQueue<Object>[] queues;
    private Thread[] threads;
    private CountDownLatch exited;

    @Override
    @SuppressWarnings("unchecked")
    protected void makeMembers(int count) throws InterruptedException {
        queues = new LinkedTransferQueue[count];
        threads = new Thread[count];
        exited = new CountDownLatch(count);
        for (int i = 0; i < count; i++) {
            queues[i] = new LinkedTransferQueue<>();
        }
        Thread.Builder builder = Thread.ofVirtual().name("sacker-", 0);
        for (int i = 0; i < count; i++) {
            int self = i;
            threads[i] = builder.start(() -> member(self));
        }
        for (Thread thread : threads) {
            while (thread.getState() != Thread.State.WAITING) {
                Thread.sleep(1);
            }
        }
    }

    private void member(int self) {
        LinkedTransferQueue<Object> inbox = queues[self];
        try {
            while (true) {
                Object message = inbox.take();
                if (message == EXIT) {
                    return;
                }
                int next = kickFrom(self);
                if (next >= 0) {
                    queues[next].put(SACK);
                } else {
                    for (LinkedTransferQueue<Object> queue : queues) {
                        queue.put(EXIT);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exited.countDown();
        }
    }

    @Override
    long play() throws InterruptedException {
        queues[0].put(SACK);
        exited.await();
        return kicked();
    }

    @Override
    public void close() throws InterruptedException {
        if (threads == null) {
            return;
        }
        for (Thread thread : threads) {
            thread.interrupt();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        threads = null;
    }
}
