package kamaelia.experimental.view;

import axon.Scheduler;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * What {@code -Daxon.view} does: opens a {@link LiveView} of the first scheduler that runs,
 * at its first cycle, with no code in the program.
 *
 * <pre>
 * java -Daxon.view -cp ... examples.stages.Stage07Demo          (any free port)
 * java -Daxon.view=8123 -cp ... examples.programs.TailGrep ...   (port 8123 of 127.0.0.1)
 * </pre>
 *
 * It prints the view's address, with its token, on standard output, and then:
 * <ul>
 *   <li>The system starts paused, so that a short demo can be watched: press Run, or Step
 *       one cycle, in the page. {@code -Daxon.view.paused=false} lets it run at once.</li>
 *   <li>When the scheduler's thread has ended (the program's {@code main} has returned),
 *       the view shows how the system ended, and the program stays until Ctrl-C (or
 *       until it is stopped), which closes the view.</li>
 *   <li>Only one view is opened by the flag: other schedulers of the program run without one.</li>
 * </ul>
 * Each scheduler made while the flag is set is given one of these (see
 * {@link Scheduler#watchBetweenCycles}); it is called on the scheduler's thread, between
 * two cycles, which is where {@link LiveView#open} must be called.
 */
public final class ViewOnFlag implements Consumer<Scheduler> {
    private static final AtomicBoolean OPENED = new AtomicBoolean();

    /** Made by the core, by name, for each new scheduler while {@code -Daxon.view} is set. */
    public ViewOnFlag() {
    }

    /** The port that {@code -Daxon.view} names: 0 (any free port) when it names none. */
    static int port(String value) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty() || text.equals("true")) {
            return 0;
        }
        try {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("axon.view is \"" + text + "\", which is not a port: use -Daxon.view for any"
                + " free port, or -Daxon.view=PORT with a number from 1 to 65535");
    }

    /** At the first cycle of a scheduler, on its thread: opens the view, unless the flag has opened one already. */
    @Override
    public void accept(Scheduler scheduler) {
        scheduler.watchBetweenCycles(null);
        if (!OPENED.compareAndSet(false, true)) {
            return;
        }
        boolean paused = !System.getProperty("axon.view.paused", "true").strip().equals("false");
        LiveView view = LiveView.open(scheduler, port(System.getProperty("axon.view")), null);
        System.out.println("axon.view: live view of " + scheduler.name() + ": " + view.url());
        System.out.println(paused ? "axon.view: the system is paused before its first cycle: open the address in a"
                + " browser and press Run, or Step one cycle (-Daxon.view.paused=false runs it at once)."
                : "axon.view: open the address in a browser to watch the system run.");
        System.out.flush();
        stayAfterTheRun(view, Thread.currentThread());
        if (paused) {
            view.pause();
        }
        view.lookBetweenCycles(); // the view's own watcher, now: it pauses here when asked to
    }

    /**
     * Keeps the program, and its view, after the scheduler's thread has ended, so that the
     * view can show how the system ended; Ctrl-C closes the view and ends the program.
     */
    private static void stayAfterTheRun(LiveView view, Thread schedulerThread) {
        CountDownLatch closed = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            view.close();
            closed.countDown();
        }, "axon.view closer"));
        Thread.ofPlatform().daemon(false).name("axon.view keeper").start(() -> {
            try {
                schedulerThread.join();
                view.look(); // after join(): the scheduler's thread has ended, and all it did is seen from here
                System.out.println("axon.view: " + view.latest().scheduler() + " has ended; its view shows how, at "
                        + view.url() + " until you press Ctrl-C.");
                closed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }
}
