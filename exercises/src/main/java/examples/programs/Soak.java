package examples.programs;

import axon.Inbox;
import axon.Ipc;
import axon.Linkage;
import axon.Outbox;
import axon.Scheduler;
import axon.ThreadedComponent;
import com.sun.management.UnixOperatingSystemMXBean;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import kamaelia.chassis.Graphline;
import kamaelia.chassis.Pipeline;
import kamaelia.chassis.ServerCore;
import kamaelia.experimental.Consoles;
import kamaelia.experimental.NetworkConsole;
import kamaelia.experimental.TokenCheck;
import kamaelia.file.Follow;
import kamaelia.util.Backplane;
import kamaelia.util.PublishTo;
import kamaelia.util.PureTransformer;

/**
 * A soak test of the kit's servers: an echo server, a shared log server and a network
 * console run for a few minutes under mixed loopback traffic, then stop; at the end it
 * prints what was served, what was lost, and what the process still holds (heap, file
 * descriptors, threads) compared with before the traffic. Not part of the kit's check:
 * it takes minutes.
 *
 * <pre>
 * ./mvnw -q -pl solutions compile exec:java -Dexec.mainClass=examples.programs.Soak -Dexec.args="180 64"
 * </pre>
 * Arguments: how many seconds of traffic (180 unless told), and how many clients at once
 * at most (64 unless told). The clients, picked at random (with a fixed seed):
 * <ul>
 *   <li>normal: 20 lines to the echo server, each must come back, in order;</li>
 *   <li>slow: one line, a byte every 20 ms, must come back;</li>
 *   <li>log: 20 consecutive lines of the shared log, in order, with no gap;</li>
 *   <li>idle: connects and says nothing: the server must close it after its idle time-out;</li>
 *   <li>resetting: half a line, then a reset;</li>
 *   <li>garbage: 20 KB of random bytes with no line end: the server must refuse it;</li>
 *   <li>guessing: a wrong token at the console: refused;</li>
 *   <li>silent: connects to the console and never sends its token: closed after the deadline.</li>
 * </ul>
 * A client of the first three kinds that does not get exactly what it should counts as
 * lost; one of the others counts as lost when the server does not deal with it as it
 * should (for example, an idle client that is never closed).
 */
public final class Soak {
    private static final Duration IDLE = Duration.ofSeconds(2);
    private static final Duration TOKEN = Duration.ofSeconds(1);
    private static final int MAX_LINE = 16 * 1024;
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final Map<String, AtomicLong> served = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> lost = new ConcurrentHashMap<>();
    private final Map<String, String> firstLoss = new ConcurrentHashMap<>();
    private final InetAddress loopback = InetAddress.getLoopbackAddress();
    private final String token = Consoles.newToken();
    private ServerCore echo;
    private ServerCore logs;
    private ServerCore console;

    private Soak() {
    }

    /** Turns the servers off when the program says so: boxes are the scheduler's, so a thread of its own does it. */
    @Inbox(name = "inbox", doc = "Not used")
    @Inbox(name = "control", doc = "Not used: it ends when it has sent its message")
    @Outbox(name = "outbox", doc = "One ShutdownMicroprocess, when the program says so")
    static final class OffSwitch extends ThreadedComponent {
        final CountDownLatch pressed = new CountDownLatch(1);

        @Override
        protected void body() throws InterruptedException {
            pressed.await();
            send(new Ipc.ShutdownMicroprocess(), "outbox", Duration.ofSeconds(10));
            passShutdownOn();
        }
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 180;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        new Soak().run(seconds, concurrency);
    }

    private void run(int seconds, int concurrency) throws Exception {
        Path log = Files.createTempFile("soak", ".log");
        Scheduler scheduler = new Scheduler();
        echo = new ServerCore(() -> new PureTransformer(line -> line), 0).withIdleTimeout(IDLE)
                .withMaxLineLength(MAX_LINE);
        logs = new ServerCore(SharedLogServer::follower, 0).withIdleTimeout(IDLE.multipliedBy(5));
        console = NetworkConsole.serve(new InetSocketAddress(loopback, 0), NetworkConsole.Reach.LOOPBACK_ONLY, token)
                .withFirstLineTimeout(TOKEN);
        Map<String, axon.Component> world = new LinkedHashMap<>();
        world.put("backplane", new Backplane("log"));
        world.put("follow", new Pipeline(new Follow(log, Duration.ofMillis(20)), new PublishTo("log")));
        world.put("echo", echo);
        world.put("logs", logs);
        world.put("console", console);
        Graphline system = new Graphline(world, Map.of());
        OffSwitch off = new OffSwitch();
        Linkage.link(off.outbox("outbox"), system.inbox("control"));
        system.activate(scheduler);
        off.activate(scheduler);
        Thread running = Thread.ofPlatform().name("soak scheduler").start(scheduler::run);

        Thread writer = Thread.ofPlatform().daemon().name("soak log writer").start(() -> {
            try {
                for (long n = 0; !Thread.currentThread().isInterrupted(); n++) {
                    Files.writeString(log, "line " + n + "\n", StandardOpenOption.APPEND);
                    Thread.sleep(5);
                }
            } catch (IOException | InterruptedException e) {
                // the soak is over
            }
        });

        String[] kinds = {"normal", "slow", "log", "idle", "resetting", "garbage", "guessing", "silent"};
        Random warmUp = new Random(1);
        for (String kind : kinds) {
            client(kind, warmUp);   // every kind once, so that every class is loaded before the baseline
        }
        awaitNoConnections();
        served.clear();
        lost.clear();
        firstLoss.clear();
        Measure before = Measure.now();
        System.out.println("baseline: " + before);

        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        long nextReport = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Semaphore places = new Semaphore(concurrency);
        Random random = new Random(42);
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            while (System.nanoTime() < end) {
                if (!places.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                    continue;
                }
                String kind = kinds[random.nextInt(kinds.length)];
                Random own = new Random(random.nextLong());
                clients.submit(() -> {
                    try {
                        client(kind, own);
                    } finally {
                        places.release();
                    }
                });
                if (System.nanoTime() > nextReport) {
                    nextReport += Duration.ofSeconds(10).toNanos();
                    System.out.printf("%4d s left: served %d, lost %d, open connections %d%n",
                            (end - System.nanoTime()) / 1_000_000_000, total(served), total(lost),
                            echo.connections() + logs.connections() + console.connections());
                }
            }
        }
        awaitNoConnections();
        Measure during = Measure.now();
        writer.interrupt();
        off.pressed.countDown();
        running.join(PATIENCE);
        Files.deleteIfExists(log);
        Measure after = Measure.now();

        System.out.println();
        System.out.println("Soak: " + seconds + " s of traffic, at most " + concurrency + " clients at once");
        for (String kind : kinds) {
            System.out.printf("  %-10s served %7d   lost %5d%s%n", kind, count(served, kind), count(lost, kind),
                    firstLoss.containsKey(kind) ? "   (first: " + firstLoss.get(kind) + ")" : "");
        }
        System.out.printf("  %-10s served %7d   lost %5d%n", "all", total(served), total(lost));
        System.out.println("  before the traffic:              " + before);
        System.out.println("  after it, servers still running: " + during + "   (retained: " + during.minus(before) + ")");
        System.out.println("  after the servers stopped:       " + after + "   (run() returned: " + !running.isAlive() + ")");
    }

    // ---------------------------------------------------------------------------------
    // The clients

    private void client(String kind, Random random) {
        try {
            boolean ok = switch (kind) {
                case "normal" -> normal(random);
                case "slow" -> slow(random);
                case "log" -> logReader();
                case "idle" -> idle();
                case "resetting" -> resetting(random);
                case "garbage" -> garbage(random);
                case "guessing" -> guessing(random);
                case "silent" -> silent();
                default -> throw new IllegalArgumentException(kind);
            };
            (ok ? served : lost).computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
        } catch (IOException | RuntimeException e) {
            lost.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
            firstLoss.putIfAbsent(kind, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean normal(Random random) throws IOException {
        try (Connection c = new Connection(echo.port())) {
            List<String> sent = new ArrayList<>();
            StringBuilder burst = new StringBuilder();
            for (int i = 0; i < 20; i++) {
                String line = "line " + i + " " + Long.toHexString(random.nextLong());
                sent.add(line);
                burst.append(line).append('\n');
            }
            c.send(burst.toString().getBytes(StandardCharsets.UTF_8));
            for (String line : sent) {
                if (!line.equals(c.readLine())) {
                    return loss("normal", "a reply that was not the line sent");
                }
            }
            return true;
        }
    }

    private boolean slow(Random random) throws IOException, InterruptedException {
        try (Connection c = new Connection(echo.port())) {
            String line = "slowly " + random.nextInt(1000);
            for (byte b : (line + "\n").getBytes(StandardCharsets.UTF_8)) {
                c.send(new byte[] {b});
                Thread.sleep(20);
            }
            return line.equals(c.readLine()) || loss("slow", "the line did not come back");
        }
    }

    private boolean logReader() throws IOException {
        try (Connection c = new Connection(logs.port())) {
            long previous = -1;
            for (int i = 0; i < 20; i++) {
                String line = c.readLine();
                if (line == null || !line.startsWith("line ")) {
                    return loss("log", "got " + line);
                }
                long n = Long.parseLong(line.substring(5));
                if (previous >= 0 && n != previous + 1) {
                    return loss("log", "line " + n + " after line " + previous);
                }
                previous = n;
            }
            return true;
        }
    }

    private boolean idle() throws IOException {
        try (Connection c = new Connection(echo.port())) {
            String line = c.readLine();
            return line != null && line.contains("nothing came or went") && c.readLine() == null
                    || loss("idle", "not closed as idle: " + line);
        }
    }

    private boolean resetting(Random random) throws IOException {
        try (Connection c = new Connection(echo.port())) {
            c.send(("half a line " + random.nextInt()).getBytes(StandardCharsets.UTF_8));
            c.reset();
            return true;
        }
    }

    private boolean garbage(Random random) throws IOException {
        try (Connection c = new Connection(echo.port())) {
            byte[] bytes = new byte[20 * 1024];
            random.nextBytes(bytes);
            for (int i = 0; i < bytes.length; i++) {
                if (bytes[i] == '\n') {
                    bytes[i] = 'x';
                }
            }
            try {
                c.send(bytes);
            } catch (IOException e) {
                // the server may close before it has all of it: that is the point
            }
            String line = c.readLine();
            return line != null && line.contains("longer than") || loss("garbage", "not refused: " + line);
        }
    }

    private boolean guessing(Random random) throws IOException {
        try (Connection c = new Connection(console.port())) {
            c.send(("guess " + Long.toHexString(random.nextLong()) + "\n").getBytes(StandardCharsets.UTF_8));
            String line = c.readLine();
            return TokenCheck.REFUSED.equals(line) && c.readLine() == null || loss("guessing", "got " + line);
        }
    }

    private boolean silent() throws IOException {
        try (Connection c = new Connection(console.port())) {
            String line = c.readLine();
            return line != null && line.contains("no line came within") || loss("silent", "got " + line);
        }
    }

    private boolean loss(String kind, String what) {
        firstLoss.putIfAbsent(kind, what);
        return false;
    }

    private void awaitNoConnections() throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (echo.connections() + logs.connections() + console.connections() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    private static long count(Map<String, AtomicLong> counts, String kind) {
        AtomicLong n = counts.get(kind);
        return n == null ? 0 : n.get();
    }

    private static long total(Map<String, AtomicLong> counts) {
        return counts.values().stream().mapToLong(AtomicLong::get).sum();
    }

    /** A blocking client connection that reads lines, each within {@link #PATIENCE}. */
    private final class Connection implements AutoCloseable {
        private final Socket socket = new Socket();
        private final InputStream in;
        private final OutputStream out;

        Connection(int port) throws IOException {
            socket.connect(new InetSocketAddress(loopback, port), (int) PATIENCE.toMillis());
            socket.setSoTimeout((int) PATIENCE.toMillis());
            in = socket.getInputStream();
            out = socket.getOutputStream();
        }

        void send(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
        }

        /** The next line, or null at the end of the stream (or a reset). */
        String readLine() throws IOException {
            StringBuilder line = new StringBuilder();
            try {
                while (true) {
                    int b = in.read();
                    if (b < 0) {
                        return line.isEmpty() ? null : line.toString();
                    }
                    if (b == '\n') {
                        return line.toString();
                    }
                    line.append((char) b);
                }
            } catch (SocketTimeoutException e) {
                throw new IOException("no line within " + PATIENCE.toSeconds() + " s", e);
            } catch (java.net.SocketException e) {
                return null; // reset: closed too
            }
        }

        void reset() throws IOException {
            socket.setSoLinger(true, 0);
            socket.close();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    /** What the process holds: heap in use after a collection, open file descriptors, threads. */
    record Measure(long heapKiB, long files, int threads) {
        static Measure now() throws InterruptedException {
            for (int i = 0; i < 3; i++) {
                System.gc();
                Thread.sleep(100);
            }
            long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1024;
            long files = ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix
                    ? unix.getOpenFileDescriptorCount() : -1;
            return new Measure(heap, files, ManagementFactory.getThreadMXBean().getThreadCount());
        }

        String minus(Measure before) {
            return String.format("%+d KiB heap, %+d files, %+d threads", heapKiB - before.heapKiB,
                    files - before.files, threads - before.threads);
        }

        @Override
        public String toString() {
            return heapKiB + " KiB heap, " + files + " open files, " + threads + " threads";
        }
    }
}
