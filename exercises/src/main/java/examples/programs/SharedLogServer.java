package examples.programs;

import axon.Component;
import axon.Scheduler;
import java.nio.file.Path;
import java.util.Map;
import kamaelia.chassis.Graphline;
import kamaelia.chassis.Pipeline;
import kamaelia.chassis.ServerCore;
import kamaelia.file.Follow;
import kamaelia.util.Backplane;
import kamaelia.util.Filter;
import kamaelia.util.PublishTo;
import kamaelia.util.SubscribeTo;

/**
 * {@code tail -F FILE}, served to every client that connects: one {@link Follow} reads
 * the file and publishes each new line to a {@link Backplane}; each connection's protocol
 * subscribes to the backplane, so every client sees the same new lines, from the moment
 * it connects. What clients type is ignored. Runs until it is stopped (Ctrl-C).
 *
 * <pre>
 * ./mvnw -q -pl solutions compile exec:java -Dexec.mainClass=examples.programs.SharedLogServer -Dexec.args="server.log 8008"
 * nc 127.0.0.1 8008          # in two other terminals: both see each line added to server.log
 * </pre>
 */
public final class SharedLogServer {
    private SharedLogServer() {
    }

    public static void main(String[] args) {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: SharedLogServer FILE [PORT]");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        Scheduler scheduler = new Scheduler();
        new Backplane("log").activate(scheduler);
        new Pipeline(new Follow(file), new PublishTo("log")).activate(scheduler);
        ServerCore server = new ServerCore(SharedLogServer::follower, port);
        server.activate(scheduler);
        System.out.println("Serving the new lines of " + file + " on 127.0.0.1 port " + server.port()
                + ". Try: nc 127.0.0.1 " + server.port());
        scheduler.run();
    }

    /** One client's protocol: the lines published to the backplane go to the client; its own lines are dropped. */
    public static Component follower() {
        return new Graphline(
                Map.of("typed", new Filter(line -> false),
                       "log", new SubscribeTo("log")),
                Map.of("self.inbox", "typed.inbox",
                       "log.outbox", "self.outbox",
                       "log.signal", "self.signal"));
    }
}
