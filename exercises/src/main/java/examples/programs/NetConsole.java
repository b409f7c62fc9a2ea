package examples.programs;

import axon.Component;
import axon.Scheduler;
import examples.components.Clock;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kamaelia.chassis.Graphline;
import kamaelia.chassis.Pipeline;
import kamaelia.chassis.ServerCore;
import kamaelia.experimental.Consoles;
import kamaelia.experimental.NetworkConsole.Reach;
import kamaelia.experimental.NetworkConsole;
import kamaelia.util.Backplane;
import kamaelia.util.PublishTo;
import kamaelia.util.Recorder;
import kamaelia.util.SubscribeTo;

/**
 * A network console into a running system: the clock and readers of
 * {@link Console}, and a server whose every connection is an interpreter, behind a token
 * printed here.
 *
 * <pre>
 * ./mvnw -q -pl exercises compile exec:java -Dexec.mainClass=examples.programs.NetConsole
 * nc 127.0.0.1 PORT        (in another terminal; type the token first)
 * </pre>
 *
 * Options: {@code --port N} (0, the default, picks a free port), {@code --address HOST}
 * (127.0.0.1 by default), and {@code --any-address}, without which any address that is
 * not loopback is refused. Ctrl-C stops it.
 */
public final class NetConsole {
    private NetConsole() {
    }

    public static void main(String[] args) {
        List<String> options = List.of(args);
        int port = Integer.parseInt(option(options, "--port", "0"));
        String host = option(options, "--address", "127.0.0.1");
        Reach reach = options.contains("--any-address") ? Reach.ANY_ADDRESS : Reach.LOOPBACK_ONLY;
        String token = Consoles.newToken();
        ServerCore server;
        try {
            server = NetworkConsole.serve(new InetSocketAddress(host, port), reach, token);
        } catch (IllegalArgumentException refused) {
            System.err.println(refused.getMessage() + " (examples.programs.NetConsole --any-address)");
            System.exit(2);
            return;
        }
        Map<String, Component> world = new LinkedHashMap<>();
        world.put("backplane", new Backplane("clock"));
        world.put("clock", new Pipeline(new Clock(Duration.ofSeconds(1)), new PublishTo("clock")));
        world.put("ada", new Pipeline(new SubscribeTo("clock"), new Recorder()));
        world.put("server", server);
        Scheduler scheduler = new Scheduler();
        new Graphline(world, Map.of()).activate(scheduler);
        System.out.println("Network console on " + host + " port " + server.port() + ". Connect with"
                + " nc " + host + " " + server.port() + ", and type this token as the first line:");
        System.out.println(token);
        scheduler.run();
    }

    private static String option(List<String> options, String name, String otherwise) {
        int at = options.indexOf(name);
        return at >= 0 && at + 1 < options.size() ? options.get(at + 1) : otherwise;
    }
}
