package kamaelia.experimental.view;

import axon.Scheduler;
import axon.Trace;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import kamaelia.experimental.Consoles;
import kamaelia.experimental.Snapshot;
import kamaelia.experimental.trace.TracePicture;

/**
 * A live picture of a running system, in the browser: one line opens it.
 *
 * <pre>{@code
 * Scheduler scheduler = new Scheduler();
 * new Pipeline(new Follow(log), new Grep("ERROR"), new ConsolePrinter()).activate(scheduler);
 * LiveView view = LiveView.open(scheduler);   // prints: live view of Scheduler#1: http://127.0.0.1:PORT/?token=...
 * scheduler.run();
 * }</pre>
 *
 * Open the printed address in a browser: each component is a box, its inboxes on the
 * left and its outboxes on the right, each chassis drawn around its children, each link
 * an arrow; green is awake, grey asleep, a dashed border threaded; the number of messages
 * waiting in each box is shown, and a link flashes orange once for each message that
 * crossed it since the last picture (a dot runs along it per message, up to five). It
 * updates about five times a second. <b>Pause</b> freezes the system between two cycles,
 * <b>Step one cycle</b> lets one cycle run, <b>Run</b> lets it go on. With no code at all,
 * {@code -Daxon.view} opens it for any program (see {@link ViewOnFlag}).
 *
 * <p>When a {@link Trace} is recording ({@code -Daxon.trace}, or {@link Trace#start}), the
 * page's <b>What ran</b> link opens {@code /trace}, behind the same token: the trace's
 * sequence picture ({@link TracePicture}) as it is at that moment.
 *
 * <h2>How it looks without touching</h2>
 * Only the scheduler's thread may touch components and boxes. The view asks the
 * scheduler to call it between two cycles ({@link Scheduler#watchBetweenCycles}); there,
 * on the scheduler's thread, it takes a {@link Snapshot} when the page has asked for
 * one, and pauses when asked to. Everything else (the layout, the page, the network)
 * happens on the view's own threads, from snapshots, which are plain values.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>{@link #open} must be called on the scheduler's thread, before {@code run()} or
 *       between cycles (in jshell, where you step it by hand).</li>
 *   <li>It listens on loopback only (127.0.0.1): no other machine can connect. Every
 *       request must carry the random token that {@link #open} prints (and
 *       {@link #url()} contains); without it nothing is served.</li>
 *   <li>At most eight browser connections at once; a client that goes quiet for five
 *       seconds is disconnected.</li>
 *   <li>When nobody is looking, it costs the scheduler one read of an empty queue per
 *       cycle.</li>
 *   <li>{@link #close()} lets a paused system run again, detaches from the scheduler,
 *       closes every connection and returns when every thread it started has ended.</li>
 * </ul>
 */
public final class LiveView implements AutoCloseable {
    /** How often an open page asks for a new picture. */
    static final long UPDATE_MILLIS = 200;

    private final Scheduler scheduler;
    private final String token;
    private final Frames frames = new Frames();
    private final Watcher watcher;
    private final ViewServer server;

    private LiveView(Scheduler scheduler, int port) throws IOException {
        this.scheduler = scheduler;
        this.token = Consoles.newToken();
        this.watcher = new Watcher(scheduler, frames::add);
        this.server = new ViewServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), token,
                this::handle);
        scheduler.watchBetweenCycles(watcher);
    }

    /** Opens a live view of {@code scheduler} on a free port and prints its address on standard output. */
    public static LiveView open(Scheduler scheduler) {
        return open(scheduler, 0, System.out);
    }

    /**
     * Opens a live view of {@code scheduler} on {@code port} of loopback (0: any free
     * port), and prints its address to {@code out} (nothing if {@code out} is null).
     *
     * @throws UncheckedIOException if the port cannot be listened on
     */
    public static LiveView open(Scheduler scheduler, int port, PrintStream out) {
        try {
            LiveView view = new LiveView(scheduler, port);
            if (out != null) {
                out.println("live view of " + scheduler.name() + ": " + view.url());
            }
            return view;
        } catch (IOException e) {
            throw new UncheckedIOException("the live view could not listen on port " + port + " of loopback: "
                    + e.getMessage() + ". Choose another port, or 0 for any free one.", e);
        }
    }

    /** The address to open in a browser, with the token. */
    public String url() {
        return "http://127.0.0.1:" + server.port() + "/?token=" + token;
    }

    /** The port it listens on, on 127.0.0.1. */
    public int port() {
        return server.port();
    }

    /** The token that every request must carry. */
    public String token() {
        return token;
    }

    /** Pauses the system before its next cycle, as the page's Pause button does. */
    public void pause() {
        watcher.ask(Watcher.Request.PAUSE);
    }

    /** Lets one cycle run, then pauses, as the page's Step button does. */
    public void step() {
        watcher.ask(Watcher.Request.STEP);
    }

    /** Lets a paused system run on, as the page's Run button does. */
    public void resume() {
        watcher.ask(Watcher.Request.RUN);
    }

    /**
     * Takes a snapshot now, on the calling thread, which must be the scheduler's thread
     * while it is not in a cycle: after {@code run()} has returned, to show how the system
     * ended, or in jshell between two steps.
     */
    public void look() {
        watcher.look();
    }

    /** Lets the view's watcher do now what it does between two cycles; on the scheduler's thread, between two cycles. */
    void lookBetweenCycles() {
        watcher.accept(scheduler);
    }

    /** The newest snapshot the view has taken, or null before the first. */
    public Snapshot latest() {
        return frames.latest();
    }

    private void handle(String method, String path, Map<String, String> query, ViewServer.Connection connection)
            throws IOException {
        switch (path) {
            case "/" -> connection.answer(200, "text/html; charset=utf-8", Page.HTML);
            case "/frame" -> {
                long seen = frames.number();
                watcher.ask(Watcher.Request.LOOK);
                awaitFrame(seen, 1000);
                String frame = frames.frame(watcher.paused());
                connection.answer(frame == null ? 404 : 200, "application/json",
                        frame == null ? "{\"error\":\"no picture yet: the scheduler has not run a cycle\"}" : frame);
            }
            case "/events" -> events(connection);
            case "/trace" -> trace(connection);
            case "/control" -> control(method, query.getOrDefault("do", ""), connection);
            default -> connection.answer(404, "text/plain; charset=utf-8", "nothing here: open / with the token\n");
        }
    }

    private void events(ViewServer.Connection connection) throws IOException {
        connection.startEvents();
        long sent = -1;
        while (!server.isClosed()) {
            long seen = frames.number();
            watcher.ask(Watcher.Request.LOOK);
            long now = awaitFrame(seen, 1000);
            String frame = frames.frame(watcher.paused());
            if (now != sent && frame != null) {
                connection.event(frame);
                sent = now;
            } else {
                connection.keepAlive();     // nothing new: a client that has gone is found out all the same
            }
            try {
                Thread.sleep(UPDATE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private long awaitFrame(long seen, long millis) {
        try {
            return frames.awaitAfter(seen, millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return frames.number();
        }
    }

    /** The trace recording now, drawn as a page; a sentence saying how to start one when none records. */
    private static void trace(ViewServer.Connection connection) throws IOException {
        Trace trace = Trace.recording();
        if (trace == null) {
            connection.answer(404, "text/html; charset=utf-8", "<!DOCTYPE html><html lang=\"en\"><head><meta"
                    + " charset=\"utf-8\"><title>No trace</title></head><body><p id=\"no-trace\">No trace is"
                    + " recording, so there is nothing to show here. Start the program with -Daxon.trace (and"
                    + " -Daxon.trace.size=N to keep the last N events), or call Trace.start(N) before the run."
                    + "</p></body></html>\n");
            return;
        }
        connection.answer(200, "text/html; charset=utf-8", TracePicture.html(trace.events(), trace.dropped()));
    }

    private void control(String method, String what, ViewServer.Connection connection) throws IOException {
        if (!method.equals("POST")) {
            connection.answer(405, "text/plain; charset=utf-8", "use POST for /control\n");
            return;
        }
        switch (what) {
            case "pause" -> pause();
            case "step" -> step();
            case "run" -> resume();
            default -> {
                connection.answer(400, "text/plain; charset=utf-8", "do= must be pause, step or run\n");
                return;
            }
        }
        connection.answer(200, "text/plain; charset=utf-8", "ok\n");
    }

    /** Lets a paused system go on, stops looking at it, and closes the server and every connection. */
    @Override
    public void close() {
        watcher.ask(Watcher.Request.CLOSE);
        scheduler.watchBetweenCycles(null);
        server.close();
    }
}
