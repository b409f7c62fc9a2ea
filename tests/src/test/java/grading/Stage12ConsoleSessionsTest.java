package grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import axon.Scheduler;
import grading.support.Graded;
import grading.support.GradedTest;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import kamaelia.chassis.ServerCore;
import kamaelia.experimental.Consoles;
import kamaelia.experimental.NetworkConsole;
import kamaelia.experimental.TokenCheck;
import org.junit.jupiter.api.Timeout;

/**
 * A network console session, used carelessly: a snippet that never ends, a client that
 * leaves in the middle of it. Nothing of the session may stay running or open.
 */
@Graded(stage = 12, order = 5, title = "console sessions end cleanly")
class Stage12ConsoleSessionsTest {
    static final Duration PATIENCE = Duration.ofSeconds(20);
    /** The name of the threads on which JShell's local execution runs snippets. */
    static final String SNIPPET_THREADS = "JShell process local execution";

    static final class Running implements AutoCloseable {
        final Scheduler scheduler = new Scheduler();
        final ServerCore server;
        final InBackground background;
        final String token = Consoles.newToken();
        private final Stopper stopper;

        Running() {
            server = NetworkConsole.serve(new InetSocketAddress("127.0.0.1", 0), NetworkConsole.Reach.LOOPBACK_ONLY,
                    token);
            stopper = Stopper.wiredTo(server, scheduler);
            background = InBackground.run(scheduler);
        }

        /** A client past the token. */
        LineClient session() throws Throwable {
            LineClient client = LineClient.connect(server.port(), background);
            client.send(token + "\n");
            assertEquals(TokenCheck.ACCEPTED, client.readLine(PATIENCE));
            return client;
        }

        /** Stops the console and waits for its scheduler to end; what the console threw fails the test. */
        @Override
        public void close() {
            stopper.go.countDown();
            try {
                try {
                    background.awaitEnd(Duration.ofSeconds(10));
                } finally {
                    background.stop();
                }
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while the console stopped", e);
            } catch (Throwable t) {
                throw new AssertionError(t);
            }
        }
    }

    /** Snippet threads alive now. */
    static List<Thread> snippetThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .filter(t -> t.getThreadGroup() != null && SNIPPET_THREADS.equals(t.getThreadGroup().getName()))
                .toList();
    }

    @GradedTest(order = 1, value = "a client that leaves while its snippet loops for ever ends its session: the"
            + " snippet is stopped, the connection is closed, and no snippet thread is left running")
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void leavingStopsARunawaySnippet() throws Throwable {
        try (Running running = new Running()) {
            try (LineClient client = running.session()) {
                client.send("6 * 7\n");
                assertEquals("42", client.readLine(PATIENCE), "the console must answer before the runaway");
                client.send("while (true) { }\n");
                long deadline = System.nanoTime() + PATIENCE.toNanos();
                while (snippetThreads().isEmpty()) {
                    running.background.rethrow();
                    assertTrue(System.nanoTime() < deadline, "the snippet never started");
                    Thread.sleep(10);
                }
            } // the client leaves while the snippet runs
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (running.server.connections() > 0 || !snippetThreads().isEmpty()) {
                running.background.rethrow();
                if (System.nanoTime() > deadline) {
                    fail("20 s after its client left, a session whose snippet loops for ever still holds "
                            + running.server.connections() + " connection(s), and " + snippetThreads().size()
                            + " snippet thread(s) still run: the snippet was never stopped");
                }
                Thread.sleep(20);
            }
        }
    }

    @GradedTest(order = 2, value = "a snippet that runs past the time limit set with /limit is stopped, says so, and"
            + " the session goes on")
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void timeLimitStopsASnippet() throws Throwable {
        try (Running running = new Running(); LineClient client = running.session()) {
            client.send("/limit 1\n");
            assertEquals("time limit: 1 s per snippet", client.readLine(PATIENCE));
            long start = System.nanoTime();
            client.send("while (true) { }\n");
            String answer = client.readLine(PATIENCE);
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(answer != null && answer.startsWith("stopped: it ran longer than the time limit of 1 s"),
                    "the answer to a stopped snippet says why: " + answer);
            assertTrue(millis >= 900, "stopped after " + millis + " ms, before its time limit of 1 s");
            client.send("6 * 7\n");
            assertEquals("42", client.readLine(PATIENCE), "the session goes on after a stopped snippet");
        }
    }
}
