package examples.capstone;

import axon.Inbox;
import axon.Ipc;
import axon.Outbox;
import axon.ThreadedComponent;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;

/**
 * A threaded component that works through jobs on the files of the {@link WorkFolders}
 * one at a time, each of which may take long and block (run a program, copy a file), and
 * that can be stopped between two jobs. The transcoders and uploaders of the walkthrough
 * are batch workers: each reports what happens to a file out of {@code status}, and sends
 * back out of {@code done} the source of each file it will not pass on, so that the
 * balancer hands it another.
 *
 * <h2>How it ends</h2>
 * The two shutdown messages mean different things here:
 * <ul>
 *   <li>{@link Ipc.ProducerFinished} on {@code control}: no more jobs will come. It
 *       finishes every job that arrived before, then ends.</li>
 *   <li>{@link Ipc.ShutdownMicroprocess}: stop. It finishes the job in hand, leaves
 *       the jobs still waiting in its inbox alone, and ends. That loses nothing only
 *       because the jobs' real state is on disk: a job dropped here is found again by
 *       the next run.</li>
 * </ul>
 * Either way it passes the message on out of {@code signal}. A job is never cut short
 * by a shutdown message; only an interrupt (the scheduler's run ending with an error)
 * does that.
 */
@Inbox(name = "inbox", doc = "Jobs, handled one at a time in order")
@Outbox(name = "done", doc = "The source of each file this worker does not pass on (finished with, or failed), to free its place at the balancer")
@Outbox(name = "status", doc = "Status events about each file: see Status")
public abstract class BatchWorker<J> extends ThreadedComponent {
    /** How long to wait for a job before looking at control again (a shutdown ends the wait anyway). */
    private static final Duration CHECK_EVERY = Duration.ofSeconds(1);

    /** The folders whose files the jobs name. */
    protected final WorkFolders folders;
    /** What a job is: anything else arriving in the inbox is an error that names the box and the type. */
    private final Class<J> jobs;

    /** A worker on the files of {@code folders}, whose jobs are {@code jobs}. */
    protected BatchWorker(WorkFolders folders, Class<J> jobs) {
        this.folders = Objects.requireNonNull(folders, "folders");
        this.jobs = Objects.requireNonNull(jobs, "jobs");
    }

    /** Does one job. It may block; it is not interrupted by a shutdown message. */
    protected abstract void handle(J job) throws InterruptedException;

    /** Why an input or output went wrong, in words for a person: "Cannot run program "ffmpeg": ...". */
    protected static String reason(IOException e) {
        return e.getClass() == IOException.class && e.getMessage() != null ? e.getMessage() : e.toString();
    }

    // tag::body[]
    @Override
    protected final void body() throws InterruptedException {
        while (!shutdownRequested()) {
            if (dataReady("inbox")) {
                handle(recv("inbox", jobs));
            } else {
                pause(CHECK_EVERY);                           // a job or a shutdown ends the wait
            }
        }
        while (!stopRequested() && dataReady("inbox")) {     // ProducerFinished: the rest of the jobs
            handle(recv("inbox", jobs));
        }
        passShutdownOn();
    }

    /** Whether ShutdownMicroprocess has arrived: stop after the job in hand. */
    private boolean stopRequested() {
        return shutdownRequested() && shutdownMessage() instanceof Ipc.ShutdownMicroprocess;
    }
    // end::body[]
}
