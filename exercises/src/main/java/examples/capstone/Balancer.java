package examples.capstone;

import axon.Component;
import axon.Inbox;
import axon.Ipc;
import axon.Outbox;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Shares jobs out among several workers, giving each a new job only when it has room
 * for one: a slow worker is not handed more than it can take while a fast one waits.
 *
 * <h2>Wiring</h2>
 * Worker {@code i} (counting from 0) gets its jobs from outbox {@code outbox}<em>i</em>
 * and its shutdown from {@code signal}<em>i</em>; link these to its {@code inbox} and
 * {@code control}. Whatever finishes with a job (the worker, or the last component
 * after it) sends the job itself back to the balancer's {@code done} inbox: that is how
 * the balancer knows the worker has room again.
 * <pre>{@code
 * Map.of("jobs.outbox",      "balance.inbox",
 *        "jobs.signal",      "balance.control",
 *        "balance.outbox0",  "worker0.inbox",
 *        "balance.signal0",  "worker0.control",
 *        "worker0.finished", "balance.done",
 *        ...)
 * }</pre>
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>Jobs are handed out in the order they arrive, each to one worker, to the worker
 *       with the fewest jobs in hand (the lowest number among equals), never to one
 *       holding {@code limit} jobs. Jobs must differ from each other ({@code equals}):
 *       the job sent back to {@code done} says which worker has room.</li>
 *   <li>{@link Ipc.ProducerFinished} on {@code control} means no more jobs will come:
 *       the balancer keeps handing out the jobs it holds, and once every job has come
 *       back, it sends ProducerFinished to every worker and ends.</li>
 *   <li>{@link Ipc.ShutdownMicroprocess} means stop: the balancer drops the jobs it has
 *       not handed out, sends the shutdown to every worker at once, and ends.</li>
 *   <li>Either way it passes the message on out of {@code signal} too.</li>
 * </ul>
 */
@Inbox(name = "inbox", doc = "Jobs to hand out, in the order they should start")
@Inbox(name = "done", doc = "Jobs that are finished with, sent back to show that their worker has room for another")
@Outbox(name = "outbox", doc = "Not used: jobs leave through outbox0, outbox1 and so on, one per worker")
public class Balancer extends Component {
    private final int limit;
    /** Jobs received and not handed out yet, oldest first. */
    private final ArrayDeque<Object> waiting = new ArrayDeque<>();
    /** Jobs handed out and not back yet, with the number of the worker that has each. */
    private final Map<Object, Integer> inHand = new HashMap<>();
    /** How many jobs each worker has in hand. */
    private final int[] load;

    /**
     * A balancer for {@code workers} workers, each of which holds at most {@code limit}
     * jobs at a time.
     */
    public Balancer(int workers, int limit) {
        if (workers < 1 || limit < 1) {
            throw new IllegalArgumentException("a Balancer needs at least one worker and room for one job each, not "
                    + workers + " workers with room for " + limit);
        }
        this.limit = limit;
        this.load = new int[workers];
        for (int i = 0; i < workers; i++) {
            addOutbox("outbox" + i, "Jobs for worker " + i + ": link it to that worker's inbox");
            addOutbox("signal" + i, "The end of the jobs for worker " + i + ": link it to that worker's control");
        }
    }

    @Override
    protected boolean step() {
        while (dataReady("done")) {
            Integer worker = inHand.remove(recv("done"));
            if (worker != null) {
                load[worker]--;
            }
        }
        while (dataReady("inbox")) {
            waiting.add(recv("inbox"));
        }
        if (shutdownRequested() && shutdownMessage() instanceof Ipc.ShutdownMicroprocess) {
            waiting.clear();                        // not handed out: they stay where they came from
            endWorkers();
            return false;
        }
        handOut();
        if (shutdownRequested() && waiting.isEmpty() && inHand.isEmpty()) {
            endWorkers();                           // ProducerFinished, and every job is done
            return false;
        }
        pause();
        return true;
    }

    /** Hands out waiting jobs, oldest first, while some worker has room. */
    private void handOut() {
        while (!waiting.isEmpty()) {
            int worker = leastLoaded();
            if (load[worker] >= limit) {
                return;
            }
            Object job = waiting.removeFirst();
            inHand.put(job, worker);
            load[worker]++;
            send(job, "outbox" + worker);
        }
    }

    private int leastLoaded() {
        int best = 0;
        for (int i = 1; i < load.length; i++) {
            if (load[i] < load[best]) {
                best = i;
            }
        }
        return best;
    }

    private void endWorkers() {
        for (int i = 0; i < load.length; i++) {
            send(shutdownMessage(), "signal" + i);
        }
        passShutdownOn();
    }
}
