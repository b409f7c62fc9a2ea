package kit.given;

import static grading.Network.echoServer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import axon.Component;
import axon.Scheduler;
import grading.InBackground;
import grading.LineClient;
import grading.LogFile;
import grading.Network;
import grading.Reachable;
import grading.RunningServer;
import grading.Stopper;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import kamaelia.chassis.Pipeline;
import kamaelia.chassis.ServerCore;
import kamaelia.experimental.Consoles;
import kamaelia.experimental.NetworkConsole;
import kamaelia.experimental.TokenCheck;
import kamaelia.file.Follow;
import kamaelia.util.ConsolePrinter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference's servers and consoles, used the way an attacker or a careless user
 * would, on loopback: idle clients, silent clients, wrong tokens by the hundred.
 */
@Tag("kit")
@DisplayName("Kit: servers and consoles under abuse")
class ServersUnderAbuseTest {
    static final Duration PATIENCE = Duration.ofSeconds(5);

    @Test
    @DisplayName("idle clients that fill every place are closed after the idle time-out, and a new client is served")
    @Timeout(20)
    void idleClientsCannotLockEveryoneOut() throws Throwable {
        ServerCore server = echoServer().withMaxConnections(20).withIdleTimeout(Duration.ofMillis(500));
        try (RunningServer running = new RunningServer(server)) {
            List<LineClient> squatters = new ArrayList<>();
            try {
                for (int i = 0; i < 20; i++) {
                    squatters.add(running.client());
                }
                long deadline = System.nanoTime() + PATIENCE.toNanos();
                while (running.server.connections() < 20) {
                    assertTrue(System.nanoTime() < deadline, "the 20 squatters never all connected");
                    Thread.sleep(5);
                }
                try (LineClient turnedAway = running.client()) {
                    assertTrue(String.valueOf(turnedAway.readUntilClosed(PATIENCE)).contains("busy"),
                            "with every place taken, a client is told the server is busy");
                }
                while (running.server.connections() > 0) {
                    assertTrue(System.nanoTime() < deadline + PATIENCE.toNanos(), "idle connections are still open: "
                            + running.server.connections());
                    Thread.sleep(20);
                }
                try (LineClient later = running.client()) {
                    later.send("my turn\n");
                    assertEquals("my turn", later.readLine(PATIENCE));
                }
            } finally {
                for (LineClient squatter : squatters) {
                    squatter.close();
                }
            }
            running.stop();
        }
    }

    @Test
    @DisplayName("a network console closes a client that has not sent its token within the deadline, and still lets"
            + " the owner in")
    @Timeout(30)
    void consoleTokenDeadline() throws Throwable {
        String token = Consoles.newToken();
        ServerCore console = NetworkConsole.serve(new InetSocketAddress("127.0.0.1", 0),
                NetworkConsole.Reach.LOOPBACK_ONLY, token);
        try (RunningServer running = new RunningServer(console); LineClient silent = running.client()) {
            long start = System.nanoTime();
            List<String> heard = silent.readUntilClosed(NetworkConsole.TOKEN_DEADLINE.plus(PATIENCE));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(heard.size() == 1 && heard.getFirst().contains("no line came within"),
                    "a silent client is told why it is disconnected: " + heard);
            assertTrue(millis >= NetworkConsole.TOKEN_DEADLINE.toMillis() - 200, "closed after only " + millis
                    + " ms");
            try (LineClient owner = running.client()) {
                owner.send(token + "\n");
                assertEquals(TokenCheck.ACCEPTED, owner.readLine(PATIENCE));
            }
            running.stop();
        }
    }

    @Test
    @DisplayName("200 wrong tokens leave nothing reachable: no session of a refused client stays in memory")
    @Timeout(60)
    void wrongTokensLeaveNothing() throws Throwable {
        Reachable watched = new Reachable();
        String token = Consoles.newToken();
        ServerCore console = new ServerCore(() -> watched.watch(
                new Pipeline(Consoles.network(token), watched.noter())), 0);
        try (RunningServer running = new RunningServer(console)) {
            for (int i = 0; i < 200; i++) {
                try (LineClient guesser = running.client()) {
                    guesser.send("guess " + i + "\n");
                    assertEquals(List.of(TokenCheck.REFUSED), guesser.readUntilClosed(PATIENCE));
                }
            }
            assertEquals(400, watched.count(), "each refused client had a session and a socket");
            running.awaitConnections(0, "the clients have all gone");
            List<Component> left = watched.survivors(Duration.ofSeconds(1));
            if (!left.isEmpty()) {
                fail(left.size() + " sessions and sockets of 200 refused clients can still be reached, for example "
                        + left.getFirst() + ": " + Reachable.whyStillThere(left.getFirst()));
            }
            running.stop();
        }
    }

    @Test
    @DisplayName("Follow reads the rest of a log that is replaced right after lines were added to it, then the new"
            + " log: no line is lost to a rotation")
    @Timeout(20)
    void followLosesNoLineToARotation(@TempDir Path folder) throws Throwable {
        Path log = LogFile.holding(folder, "");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Scheduler scheduler = new Scheduler();
        Pipeline pipeline = new Pipeline(new Follow(log, Duration.ofMillis(300)),
                new ConsolePrinter(new PrintStream(printed, true, StandardCharsets.UTF_8)));
        Stopper stopper = Stopper.wiredTo(pipeline, scheduler);
        InBackground running = InBackground.run(scheduler);
        try {
            for (int i = 0; printed.size() == 0; i++) {  // Follow starts at the end, some time after run() starts
                running.rethrow();
                if (i % 20 == 0) {
                    LogFile.append(log, "marker\n");
                }
                Thread.sleep(5);
                assertTrue(i < 1000, "nothing came out of Follow");
            }
            // Just after a look: the next one is about 300 ms away, and the rotation happens before it.
            LogFile.append(log, "old 1\nold 2\nold 3\n");
            LogFile.replace(log, "new 1\n");
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (!printed.toString(StandardCharsets.UTF_8).contains("new 1")) {
                running.rethrow();
                assertTrue(System.nanoTime() < deadline, "the new log's line never came: "
                        + printed.toString(StandardCharsets.UTF_8));
                Thread.sleep(10);
            }
            List<String> lines = printed.toString(StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.equals("marker")).toList();
            assertEquals(List.of("old 1", "old 2", "old 3", "new 1"), lines,
                    "the lines added just before the rotation, then the new log's");
            stopper.go.countDown();
            assertTrue(running.awaitEnd(PATIENCE), "the pipeline must stop when asked");
        } finally {
            stopper.go.countDown();
            running.stop();
        }
    }

    @Test
    @DisplayName("out of file descriptors, a server says so once, does not spin, goes on serving the connections it"
            + " has, survives their closing, and accepts again once descriptors are free")
    @Timeout(90)
    void outOfFileDescriptors() throws Exception {
        assumeTrue(System.getProperty("os.name").equals("Linux") && Files.isExecutable(Path.of("/bin/sh")),
                "needs Linux and a shell to lower the limit of open files");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classes = Path.of(ServerCore.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
        Process server = new ProcessBuilder("/bin/sh", "-c", "ulimit -n 64 && exec \"$0\" -XX:+UseSerialGC"
                + " -XX:TieredStopAtLevel=1 -cp \"$1\" examples.programs.EchoServer", java, classes).start();
        List<String> out = lines(server.getInputStream());
        List<String> err = lines(server.getErrorStream());
        List<Socket> clients = new ArrayList<>();
        try {
            String listening = await(out, "listening", Duration.ofSeconds(30), server, err);
            int port = Integer.parseInt(listening.replaceAll(".* port (\\d+)\\..*", "$1"));
            Socket first = connect(port);
            clients.add(first);
            assertEquals("hello", echo(first, "hello"), "the server answers before it runs out");
            for (int i = 0; i < 120; i++) {
                clients.add(connect(port));   // the server takes what it can; the others wait in its backlog
            }
            await(err, "cannot accept new connections", Duration.ofSeconds(20), server, err);
            long cpuBefore = cpuMillis(server);
            Thread.sleep(2000);
            long cpu = cpuMillis(server) - cpuBefore;
            assertTrue(cpu < 700, "out of descriptors, the server used " + cpu + " ms of processor time in 2 s:"
                    + " it spins instead of waiting");
            assertEquals("still here", echo(first, "still here"), "the connections it has are still served");
            for (Socket client : clients) {
                client.close();
            }
            clients.clear();
            await(err, "accepting new connections again", Duration.ofSeconds(20), server, err);
            try (Socket later = connect(port)) {
                assertEquals("again", echo(later, "again"), "once descriptors are free, new clients are served");
            }
            assertTrue(server.isAlive(), "the server must survive: " + err);
            long outages = err.stream().filter(line -> line.contains("cannot accept")).count();
            long recoveries = err.stream().filter(line -> line.contains("accepting new connections again")).count();
            assertTrue(outages == recoveries && outages <= 3, "each time it runs out is said once, not once per try,"
                    + " and so is each recovery: " + err);
        } finally {
            for (Socket client : clients) {
                client.close();
            }
            server.destroyForcibly();
            server.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static Socket connect(int port) throws java.io.IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
        socket.setSoTimeout(10_000);
        return socket;
    }

    /** Sends a line and reads the line that comes back. */
    private static String echo(Socket socket, String line) throws java.io.IOException {
        socket.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
        StringBuilder reply = new StringBuilder();
        InputStream in = socket.getInputStream();
        for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
            reply.append((char) b);
        }
        return reply.toString();
    }

    /** The lines of a stream, gathered by a thread of their own as they come. */
    private static List<String> lines(InputStream stream) {
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread.ofVirtual().start(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    lines.add(line);
                }
            } catch (java.io.IOException e) {
                // the process has ended
            }
        });
        return lines;
    }

    private static String await(List<String> lines, String text, Duration patience, Process process,
            List<String> err) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            for (String line : lines) {
                if (line.contains(text)) {
                    return line;
                }
            }
            if (System.nanoTime() > deadline || !process.isAlive()) {
                fail("no line with \"" + text + "\" within " + patience.toSeconds() + " s" + (process.isAlive() ? ""
                        : " (the server has died)") + "; it printed " + lines + ", and on stderr " + err);
            }
            Thread.sleep(20);
        }
    }

    private static long cpuMillis(Process process) {
        return process.toHandle().info().totalCpuDuration().map(Duration::toMillis).orElse(0L);
    }
}
