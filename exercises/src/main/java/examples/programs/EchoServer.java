package examples.programs;

import axon.Scheduler;
import kamaelia.chassis.ServerCore;
import kamaelia.util.PureTransformer;

/**
 * An echo server: every line a client sends comes back to it. Each connection gets a
 * protocol of its own, here a {@link PureTransformer} that returns what it is given. It
 * listens on 127.0.0.1, on the port given as argument or on a free one, and runs until it
 * is stopped (Ctrl-C).
 *
 * <pre>
 * ./mvnw -q -pl solutions compile exec:java -Dexec.mainClass=examples.programs.EchoServer -Dexec.args=8007
 * nc 127.0.0.1 8007          # in another terminal: type lines, they come back
 * </pre>
 */
public final class EchoServer {
    private EchoServer() {
    }

    public static void main(String[] args) {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        Scheduler scheduler = new Scheduler();
        ServerCore server = new ServerCore(() -> new PureTransformer(line -> line), port);
        server.activate(scheduler);
        System.out.println("Echo server listening on 127.0.0.1 port " + server.port()
                + ". Try: nc 127.0.0.1 " + server.port());
        scheduler.run();
    }
}
