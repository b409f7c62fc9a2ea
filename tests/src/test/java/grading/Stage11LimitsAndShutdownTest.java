package grading;

import static grading.Network.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import grading.support.Graded;
import grading.support.GradedTest;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import kamaelia.chassis.ServerCore;
import kamaelia.internet.Selector;
import kamaelia.internet.SelectorService;
import org.junit.jupiter.api.Timeout;

@Graded(stage = 11, order = 4, title = "network, many clients, limits and shutdown")
class Stage11LimitsAndShutdownTest {
    @GradedTest(order = 13, value = "500 clients at once each get their own replies within 10 seconds; afterwards no"
            + " connection, socket or thread is left")
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void manyClients() throws Throwable {
        int clients = 500;
        Talkers talkers = new Talkers();
        try (RunningServer running = new RunningServer(new ServerCore(talkers, 0));
                ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            // on a virtual thread, as the 500
            awaitClient(inClient(threads, () -> running.answeredClient().close()), PATIENCE);
            Resources before = Resources.settled(running);
            long start = System.nanoTime();
            Queue<String> wrong = new ConcurrentLinkedQueue<>();
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                String name = "client " + i;
                done.add(inClient(threads, () -> {
                    try (LineClient client = running.client()) {
                        client.send(name + "\nbye " + name + "\n");
                        List<String> heard = client.readLines(2, Duration.ofSeconds(10));
                        if (!heard.equals(List.of("1: " + name, "2: bye " + name))) {
                            wrong.add(name + " heard " + heard);
                        }
                    }
                }));
            }
            for (Future<?> client : done) {
                awaitClient(client, Duration.ofSeconds(15));
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(List.of(), List.copyOf(wrong), "every client must hear its own two replies");
            assertTrue(millis < 10_000, clients + " clients took " + millis + " ms; they should take well under 10 s");
            before.awaitNothingLeaked(running);
            talkers.awaitAllEnded(running.background);
            running.stop();
        }
    }

    @GradedTest(order = 14, value = "past its connection limit the server tells a new client it is busy and closes the"
            + " connection, and takes new clients again once others have gone")
    @SuppressWarnings("try")
    // a client is closed early, or only held open, on purpose
    void busy() throws Throwable {
        try (RunningServer running = new RunningServer(new ServerCore(new Talkers(), 0).withMaxConnections(2));
                LineClient first = running.answeredClient(); LineClient second = running.answeredClient()) {
            try (LineClient third = running.client()) {
                List<String> heard = third.readUntilClosed(PATIENCE);
                assertTrue(heard.size() == 1 && heard.getFirst().contains("busy"),
                        "a client past the limit must be told the server is busy, then disconnected: " + heard);
            }
            first.close();
            running.awaitConnections(1, "one of the two clients has gone");
            try (LineClient fourth = running.client()) {
                fourth.send("my turn\n");
                assertEquals("1: my turn", fourth.readLine(PATIENCE), "once a client left, the server must take a"
                        + " new client again");
            }
            running.stop();
        }
    }

    @GradedTest(order = 15, value = "shutting the server down closes every connection and every protocol, frees the"
            + " port and ends the selector: run() returns with no socket or thread left")
    @Timeout(value = 15, unit = TimeUnit.SECONDS)
    void shutdownReleasesEverything() throws Throwable {
        try (RunningServer warmUp = new RunningServer(new ServerCore(new Talkers(), 0))) {
            warmUp.answeredClient().close();
            warmUp.stop();
        }
        Resources before = Resources.now();
        Talkers talkers = new Talkers();
        ServerCore server = new ServerCore(talkers, 0);
        InetSocketAddress address = server.address();
        List<LineClient> clients = new ArrayList<>();
        try (RunningServer running = new RunningServer(server)) {
            for (int i = 0; i < 3; i++) {
                clients.add(running.answeredClient());
            }
            running.stop();
            for (LineClient client : clients) {
                assertEquals(List.of(), client.readUntilClosed(PATIENCE), "every client must see its connection close");
                client.close();
            }
            talkers.awaitAllEnded(running.background);
            assertTrue(server.isFinished(), "the server must have finished");
            assertEquals(List.of(), running.scheduler.microprocesses(), "every component must have finished");
            assertFalse(running.scheduler.services().names().contains(SelectorService.NAME),
                    "the selector must have ended and left the services");
            try (ServerSocket again = new ServerSocket()) {
                again.setReuseAddress(true);
                again.bind(address); // throws if the port is still taken
            }
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (before.files() >= 0 && Resources.openFiles() > before.files() + FILE_SLACK
                    && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            long files = Resources.openFiles();
            assertTrue(before.files() < 0 || files <= before.files() + FILE_SLACK, (files - before.files())
                    + " more files are open than before the server was built: sockets or the selector were not closed");
            assertEquals(List.of(), before.newThreadsSince(), "threads started for the server are still running");
        } finally {
            for (LineClient client : clients) {
                client.close();
            }
        }
    }

    @GradedTest(order = 16, value = "when the run ends with an exception (a protocol that throws), the selector's"
            + " thread ends with it: no thread outlives run()")
    void failureStopsTheSelector() throws Throwable {
        Resources before = Resources.now();
        try (RunningServer running = new RunningServer(new ServerCore(new Talkers(), 0));
                LineClient client = running.answeredClient()) {
            client.send("boom\n");
            Throwable failure = null;
            try {
                running.background.awaitEnd(PATIENCE);
            } catch (Throwable thrown) {
                failure = thrown;
            }
            assertNotNull(failure, "run() must end with the protocol's exception");
            if (failure instanceof axon.Todo todo) {
                throw todo;
            }
            assertTrue(String.valueOf(failure.getMessage()).contains("boom"), "run() must end with the protocol's"
                    + " exception, not " + failure);
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (!before.newThreadsSince().isEmpty()) {
                if (System.nanoTime() > deadline) {
                    fail("threads still run after run() ended with an exception: " + before.newThreadsSince()
                            + ". A body must end when its thread is interrupted.");
                }
                Thread.sleep(20);
            }
        }
    }
}
