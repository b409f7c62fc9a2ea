package grading;

import static grading.Network.PATIENCE;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import axon.Component;
import axon.Scheduler;
import grading.support.HintedFailure;
import grading.support.WaitedInVain;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import kamaelia.chassis.ServerCore;
import kamaelia.internet.ConnectedSocket;
import org.opentest4j.AssertionFailedError;

/** A scheduler running a server (and more) on a thread of its own, with a Stopper for each part to stop. */
public final class RunningServer implements AutoCloseable {
    final Scheduler scheduler = new Scheduler();
    public final ServerCore server;
    final InBackground background;
    private final List<Stopper> stoppers = new ArrayList<>();

    /** Runs {@code server} and {@code others}; stopping sends ShutdownMicroprocess to each one's control. */
    public RunningServer(ServerCore server, Component... others) {
        this.server = server;
        List<Component> all = new ArrayList<>(List.of(others));
        all.addFirst(server);
        for (Component component : all) {
            stoppers.add(Stopper.wiredTo(component, scheduler));
        }
        background = InBackground.run(scheduler);
    }

    public LineClient client() throws IOException {
        return LineClient.connect(server.port(), background);
    }

    /**
     * What the client reads until the server closes the connection; when it does not close
     * in time, the failure says so, and names a socket that outlives its protocol.
     */
    List<String> readUntilClosed(LineClient client) throws Throwable {
        try {
            return client.readUntilClosed(PATIENCE);
        } catch (AssertionError notClosed) {
            String why = socketsOutlivingProtocols();
            if (why.isEmpty()) {
                throw notClosed;
            }
            throw new AssertionFailedError(notClosed.getMessage() + why, notClosed);
        }
    }

    /** ": 1 socket still runs whose protocol has ended ...", or "" when none does (or it cannot be told). */
    private String socketsOutlivingProtocols() {
        try {
            // a protocol that ended was let go with its links, so its socket's outbox leads nowhere now
            long orphans = List.copyOf(server.children()).stream()
                    .filter(c -> c instanceof ConnectedSocket && !c.isFinished() && c.outbox("outbox").target() == null)
                    .count();
            if (orphans == 0) {
                return "";
            }
            return ": " + orphans + " socket(s) of the server still run although their protocol has"
                    + " ended. A protocol that ends sends a shutdown message out of its signal; in ServerCore.connect"
                    + " link the protocol's signal to its socket's control, so that the socket sends what is left"
                    + " and closes";
        } catch (RuntimeException e) {
            return ""; // the server changed while we looked: say nothing rather than guess
        }
    }

    /** A client that has been answered once, so that it is surely connected and served. */
    public LineClient answeredClient() throws Throwable {
        LineClient client = client();
        client.send("ping\n");
        assertNotNull(client.readLine(PATIENCE), "the server closed a new connection without answering");
        return client;
    }

    /** Stops everything and waits for run() to return. */
    public void stop() throws Throwable {
        stoppers.forEach(s -> s.go.countDown());
        if (background.awaitEnd(PATIENCE)) {
            return;
        }
        int open = server.connections();
        // every other test of the stage ends by stopping its server, and would wait as long
        throw WaitedInVain.of(HintedFailure.ofTest("run() did not return within " + PATIENCE.toSeconds()
                + " s of the server's shutdown"
                + (open > 0
                ? ", and the server still counts " + open + " open connections: on a shutdown it must put a"
                + " ShutdownMicroprocess into the control of every socket that has not finished"
                + " (closeEveryConnection, which finds them in connections, where connect puts each pair), then wait"
                + " for them to end"
                : ": something is still awake or a thread still runs (does the server wait for every connection to"
                + " end, and does the selector end when nothing is left to watch?)"),
                Stage11LimitsAndShutdownTest.class, "shutdownReleasesEverything"));
    }

    /** Waits until the server counts {@code count} open connections. */
    public void awaitConnections(int count, String why) throws Throwable {
        awaitConnections(server, background, count, why);
    }

    /** Waits until a server, run by {@code background}, counts {@code count} open connections. */
    static void awaitConnections(ServerCore server, InBackground background, int count, String why) throws Throwable {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (server.connections() != count) {
            background.rethrow();
            if (System.nanoTime() > deadline) {
                fail(why + ": the server counts " + server.connections() + " open connections, not " + count
                        + " (connections() tells open, which forgetClosedConnections sets to the number of sockets in"
                        + " connections that have not finished)");
            }
            Thread.sleep(5);
        }
    }

    @Override
    public void close() {
        stoppers.forEach(s -> s.go.countDown());
        try {
            if (!background.awaitEnd(Duration.ofSeconds(2))) {
                background.stop();
            }
        } catch (Throwable t) {
            // the test reports what went wrong; this only cleans up
        }
    }
}
