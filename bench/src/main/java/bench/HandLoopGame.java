package bench;

import java.util.ArrayDeque;

/**
 * The limit: hackysack with no framework at all. Each member is an index; its inbox is
 * an {@link ArrayDeque}; a ring of indices is the ready queue, and a member is in it at
 * most once. One loop takes the next ready member and handles its messages.
 */
final class HandLoopGame extends Game {
    private ArrayDeque<Object>[] inboxes;
    private boolean[] queued;
    private int[] ready;
    private int head;
    private int size;
    private int exited;

    @Override
    @SuppressWarnings("unchecked")
    protected void makeMembers(int count) {
        inboxes = new ArrayDeque[count];
        for (int i = 0; i < count; i++) {
            inboxes[i] = new ArrayDeque<>(2);
        }
        queued = new boolean[count];
        ready = new int[count];
        head = 0;
        size = 0;
        exited = 0;
    }

    @Override
    long play() {
        deliver(0, SACK);
        while (size > 0) {
            int member = ready[head];
            head = head + 1 == ready.length ? 0 : head + 1;
            size--;
            queued[member] = false;
            ArrayDeque<Object> inbox = inboxes[member];
            for (Object message = inbox.poll(); message != null; message = inbox.poll()) {
                if (message == EXIT) {
                    exited++;
                    break;
                }
                int next = kickFrom(member);
                if (next >= 0) {
                    deliver(next, SACK);
                } else {
                    for (int i = 0; i < members; i++) {
                        deliver(i, EXIT);
                    }
                }
            }
        }
        if (exited != members) {
            throw new IllegalStateException(exited + " of " + members + " members exited");
        }
        return kicked();
    }

    private void deliver(int member, Object message) {
        inboxes[member].addLast(message);
        if (!queued[member]) {
            queued[member] = true;
            int tail = head + size;
            ready[tail >= ready.length ? tail - ready.length : tail] = member;
            size++;
        }
    }
}
