package grading;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import axon.Component;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import kamaelia.chassis.ServerCore;
import kamaelia.util.PureTransformer;

/** What the stage 11 tests share: patience, the echo protocol, and clients run on threads of their own. */
public final class Network {
    /** Long enough never to run out when the code is right, even on a loaded machine. */
    public static final Duration PATIENCE = Duration.ofSeconds(5);
    /** Open files the JVM itself may open meanwhile (class files, pollers); a leak per connection shows more. */
    public static final int FILE_SLACK = 2;

    /** Echoes each line. */
    static Component echo() {
        return new PureTransformer(line -> line);
    }

    /** A server whose every connection gets an echo, on a free port of 127.0.0.1; not running yet. */
    public static ServerCore echoServer() {
        return new ServerCore(Network::echo, 0);
    }

    /** Line {@code i} of a flood: 1000 characters, starting with its number. */
    static String floodLine(int i) {
        String number = String.format("%06d ", i);
        return number + "x".repeat(1000 - number.length());
    }

    /** A client's work, which may fail in any way. */
    interface ClientWork {
        void run() throws Throwable;
    }

    /** What a client's work threw, carried through a Future. */
    static final class Thrown extends Exception {
        Thrown(Throwable cause) {
            super(cause);
        }
    }

    /** Runs a client's work on one of {@code threads}. */
    static Future<?> inClient(ExecutorService threads, ClientWork work) {
        return threads.submit(() -> {
            try {
                work.run();
            } catch (Throwable t) {
                throw new Thrown(t);
            }
            return null;
        });
    }

    /** Waits for a client's work; rethrows what it threw, as it was. */
    static void awaitClient(Future<?> client, Duration patience) throws Throwable {
        try {
            client.get(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof Thrown thrown ? thrown.getCause() : e.getCause();
        }
    }

    /** The next {@code count} lines that are not markers. */
    static List<String> afterMarkers(LineClient client, int count) throws Throwable {
        List<String> lines = new ArrayList<>();
        while (lines.size() < count) {
            String line = client.readLine(PATIENCE);
            assertNotNull(line, "the connection closed while lines were still expected: " + lines);
            if (!line.startsWith("marker")) {
                lines.add(line);
            }
        }
        return lines;
    }

    private Network() {
    }
}
