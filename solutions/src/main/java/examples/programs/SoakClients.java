package examples.programs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import kamaelia.experimental.TokenCheck;

/**
 * The traffic of {@link Soak}: clients of eight kinds, each a blocking loopback connection
 * that checks what the servers do with it, counted as served or lost. Safe to use from
 * many threads at once. The kinds:
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
final class SoakClients {
    /** Every kind of client, in the order the report lists them. */
    static final List<String> KINDS = List.of("normal", "slow", "log", "idle", "resetting", "garbage", "guessing", "silent");
    /** How long a client waits to connect, and for each line. */
    static final Duration PATIENCE = Duration.ofSeconds(10);

    private final Map<String, AtomicLong> served = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> lost = new ConcurrentHashMap<>();
    private final Map<String, String> firstLoss = new ConcurrentHashMap<>();
    /** The servers, on the loopback address: echo, shared log, network console. */
    private final Soak.Servers servers;

    /** Clients of {@code servers}, which listen on the loopback address. */
    SoakClients(Soak.Servers servers) {
        this.servers = servers;
    }

    /** Runs one client of {@code kind} to its end and counts it as served or lost. */
    void client(String kind, Random random) {
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
        try (Connection c = new Connection(servers.echo().port())) {
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
        try (Connection c = new Connection(servers.echo().port())) {
            String line = "slowly " + random.nextInt(1000);
            for (byte b : (line + "\n").getBytes(StandardCharsets.UTF_8)) {
                c.send(new byte[] {b});
                Thread.sleep(20);
            }
            return line.equals(c.readLine()) || loss("slow", "the line did not come back");
        }
    }

    private boolean logReader() throws IOException {
        try (Connection c = new Connection(servers.logs().port())) {
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
        try (Connection c = new Connection(servers.echo().port())) {
            String line = c.readLine();
            return line != null && line.contains("nothing came or went") && c.readLine() == null
                    || loss("idle", "not closed as idle: " + line);
        }
    }

    private boolean resetting(Random random) throws IOException {
        try (Connection c = new Connection(servers.echo().port())) {
            c.send(("half a line " + random.nextInt()).getBytes(StandardCharsets.UTF_8));
            c.reset();
            return true;
        }
    }

    private boolean garbage(Random random) throws IOException {
        try (Connection c = new Connection(servers.echo().port())) {
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
        try (Connection c = new Connection(servers.console().port())) {
            c.send(("guess " + Long.toHexString(random.nextLong()) + "\n").getBytes(StandardCharsets.UTF_8));
            String line = c.readLine();
            return TokenCheck.REFUSED.equals(line) && c.readLine() == null || loss("guessing", "got " + line);
        }
    }

    private boolean silent() throws IOException {
        try (Connection c = new Connection(servers.console().port())) {
            String line = c.readLine();
            return line != null && line.contains("no line came within") || loss("silent", "got " + line);
        }
    }

    private boolean loss(String kind, String what) {
        firstLoss.putIfAbsent(kind, what);
        return false;
    }

    /** Forgets every count so far (after the warm-up). */
    void forget() {
        served.clear();
        lost.clear();
        firstLoss.clear();
    }

    long served() {
        return total(served);
    }

    long lost() {
        return total(lost);
    }

    /** One line per kind of client (served, lost, the first loss's reason), then the totals. */
    void report(PrintStream out) {
        for (String kind : KINDS) {
            out.printf("  %-10s served %7d   lost %5d%s%n", kind, count(served, kind), count(lost, kind),
                    firstLoss.containsKey(kind) ? "   (first: " + firstLoss.get(kind) + ")" : "");
        }
        out.printf("  %-10s served %7d   lost %5d%n", "all", total(served), total(lost));
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
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), (int) PATIENCE.toMillis());
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

        /** Closes with a reset: a close with no time to linger. */
        void reset() throws IOException {
            socket.setSoLinger(true, 0);
            close();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
