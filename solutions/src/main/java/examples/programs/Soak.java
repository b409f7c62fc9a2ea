package examples.programs;

import axon.Inbox;
import axon.Ipc;
import axon.Linkage;
import axon.Outbox;
import axon.Scheduler;
import axon.ThreadedComponent;
import com.sun.management.UnixOperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import kamaelia.chassis.Graphline;
import kamaelia.chassis.Pipeline;
import kamaelia.chassis.ServerCore;
import kamaelia.experimental.Consoles;
import kamaelia.experimental.NetworkConsole;
import kamaelia.file.Follow;
import kamaelia.util.Backplane;
import kamaelia.util.PublishTo;
import kamaelia.util.PureTransformer;

/**
 * A soak test of the kit's servers: an echo server, a shared log server and a network
 * console run for a few minutes under mixed loopback traffic, then stop; at the end it
 * prints what was served, what was lost, and what the process still holds (heap, file
 * descriptors, threads) compared with before the traffic. Not part of the kit's check:
 * it takes minutes. This class runs the servers and measures the process; the traffic
 * (which clients, what each expects) is {@link SoakClients}.
 * <p>
 * Threads are the platform threads the JDK reports. Some of them are the JDK's own pool
 * workers, counted apart: mostly the carriers that virtual threads run on (the clients
 * here, and every threaded component), which the JDK adds as the load grows, up to one
 * per processor, and ends about 30 seconds after their last use (the common pool's, a
 * minute). More of them after the traffic than before is the JDK keeping its pools warm,
 * not something the kit left behind.
 *
 * <pre>
 * ./mvnw -q -pl solutions compile exec:java -Dexec.mainClass=examples.programs.Soak -Dexec.args="180 64"
 * </pre>
 * Arguments: how many seconds of traffic (180 unless told), and how many clients at once
 * at most (64 unless told); the clients are picked at random, with a fixed seed.
 */
public final class Soak {
    private static final Duration IDLE = Duration.ofSeconds(2);
    private static final Duration TOKEN = Duration.ofSeconds(1);
    private static final int MAX_LINE = 16 * 1024;
    private static final Duration PATIENCE = SoakClients.PATIENCE;

    private final InetAddress loopback = InetAddress.getLoopbackAddress();
    private final String token = Consoles.newToken();

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
        ServerCore echo = new ServerCore(() -> new PureTransformer(line -> line), 0).withIdleTimeout(IDLE)
                .withMaxLineLength(MAX_LINE);
        ServerCore logs = new ServerCore(SharedLogServer::follower, 0).withIdleTimeout(IDLE.multipliedBy(5));
        ServerCore console = NetworkConsole.serve(new InetSocketAddress(loopback, 0), NetworkConsole.Reach.LOOPBACK_ONLY,
                token).withFirstLineTimeout(TOKEN);
        Servers servers = new Servers(echo, logs, console);
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

        SoakClients clients = new SoakClients(servers);
        Random warmUp = new Random(1);
        for (String kind : SoakClients.KINDS) {
            clients.client(kind, warmUp);   // every kind once, so that every class is loaded before the baseline
        }
        awaitNoConnections(servers);
        clients.forget();
        Measure before = Measure.now();
        System.out.println("baseline: " + before);

        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        long nextReport = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Semaphore places = new Semaphore(concurrency);
        Random random = new Random(42);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            while (System.nanoTime() < end) {
                if (!places.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                    continue;
                }
                String kind = SoakClients.KINDS.get(random.nextInt(SoakClients.KINDS.size()));
                Random own = new Random(random.nextLong());
                threads.submit(() -> {
                    try {
                        clients.client(kind, own);
                    } finally {
                        places.release();
                    }
                });
                if (System.nanoTime() > nextReport) {
                    nextReport += Duration.ofSeconds(10).toNanos();
                    System.out.printf("%4d s left: served %d, lost %d, open connections %d%n",
                            (end - System.nanoTime()) / 1_000_000_000, clients.served(), clients.lost(),
                            servers.connections());
                }
            }
        }
        awaitNoConnections(servers);
        Measure during = Measure.now();
        writer.interrupt();
        off.pressed.countDown();
        running.join(PATIENCE);
        Files.deleteIfExists(log);
        Measure after = Measure.now();

        System.out.println();
        System.out.println("Soak: " + seconds + " s of traffic, at most " + concurrency + " clients at once");
        clients.report(System.out);
        System.out.println("  before the traffic:              " + before);
        System.out.println("  after it, servers still running: " + during + "   (retained: " + during.minus(before) + ")");
        System.out.println("  after the servers stopped:       " + after + "   (run() returned: " + !running.isAlive() + ")");
        System.out.println("  JDK pool workers (virtual threads' carriers, mostly) are the JDK's own: it ends them 30 to"
                + " 60 s after their last use.");
    }

    private static void awaitNoConnections(Servers servers) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (servers.connections() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    /** The three servers under soak, which the clients talk to. */
    record Servers(ServerCore echo, ServerCore logs, ServerCore console) {
        /** How many connections they hold now, together. */
        int connections() {
            return echo.connections() + logs.connections() + console.connections();
        }
    }

    /**
     * What the process holds: heap in use after a collection, open file descriptors,
     * platform threads, and of those the JDK's pool workers (see the class comment).
     */
    record Measure(long heapKiB, long files, int threads, long poolWorkers) {
        static Measure now() throws InterruptedException {
            for (int i = 0; i < 3; i++) {
                System.gc();
                Thread.sleep(100);
            }
            long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1024;
            long files = ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix
                    ? unix.getOpenFileDescriptorCount() : -1;
            long poolWorkers = Thread.getAllStackTraces().keySet().stream()
                    .filter(thread -> thread instanceof ForkJoinWorkerThread).count();
            return new Measure(heap, files, ManagementFactory.getThreadMXBean().getThreadCount(), poolWorkers);
        }

        String minus(Measure before) {
            return String.format("%+d KiB heap, %+d files, %+d threads (%+d JDK pool workers)",
                    heapKiB - before.heapKiB, files - before.files, threads - before.threads,
                    poolWorkers - before.poolWorkers);
        }

        @Override
        public String toString() {
            return heapKiB + " KiB heap, " + files + " open files, " + threads + " threads (" + poolWorkers
                    + " JDK pool workers)";
        }
    }
}
