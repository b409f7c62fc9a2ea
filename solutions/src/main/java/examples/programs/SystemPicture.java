package examples.programs;

import axon.Component;
import axon.Scheduler;
import examples.components.Typist;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kamaelia.chassis.Graphline;
import kamaelia.chassis.Pipeline;
import kamaelia.chassis.ServerCore;
import kamaelia.experimental.Consoles;
import kamaelia.experimental.NetworkConsole;
import kamaelia.file.Follow;
import kamaelia.internet.TCPClient;
import kamaelia.util.ConsolePrinter;
import kamaelia.util.Grep;

/**
 * Takes a picture of a running system from inside it: the walkthrough's
 * {@code tail -f | grep} and a network console, to which a client connects over TCP and
 * types the token, then a snippet that writes {@code look().svg()} to a file.
 *
 * <pre>
 * ./mvnw -q -pl exercises compile exec:java -Dexec.mainClass=examples.programs.SystemPicture -Dexec.args=system.svg
 * </pre>
 *
 * Open the file in a browser. The handbook's picture of stage 12 is made this way.
 */
public final class SystemPicture {
    private SystemPicture() {
    }

    /** Writes the picture to the file named by the first argument ({@code system.svg} if none). */
    public static void main(String[] args) throws IOException {
        Path picture = Path.of(args.length > 0 ? args[0] : "system.svg").toAbsolutePath();
        Path log = Files.createTempFile("server", ".log");
        try {
            run(picture, log);
        } finally {
            Files.deleteIfExists(log);
        }
        System.out.println("wrote " + picture);
    }

    private static void run(Path picture, Path log) {
        String token = Consoles.newToken();
        ServerCore server = NetworkConsole.serve(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                NetworkConsole.Reach.LOOPBACK_ONLY, token);
        String path = picture.toString().replace("\\", "\\\\");
        List<String> typed = List.of(token,
                "java.nio.file.Files.writeString(java.nio.file.Path.of(\"" + path + "\"), look().svg())");
        Map<String, Component> client = new LinkedHashMap<>();
        client.put("typist", new Typist(typed, line -> { }));
        client.put("connection", new TCPClient(server.port()));
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        Map<String, Component> world = new LinkedHashMap<>();
        world.put("errors", new Pipeline(new Follow(log), new Grep("ERROR"), new ConsolePrinter(quiet)));
        world.put("server", server);                                   // a network console
        world.put("client", new Graphline(client, Map.of(               // and a client that asks it for a picture
                "typist.outbox", "connection.inbox",
                "connection.outbox", "typist.inbox",
                "typist.signal", "connection.control",
                "connection.signal", "self.signal")));
        Scheduler scheduler = new Scheduler();
        new Graphline(world, Map.of(
                "client.signal", "server.control",                     // the client is done: shut everything down
                "server.signal", "errors.control")).activate(scheduler);
        scheduler.run();
    }
}
