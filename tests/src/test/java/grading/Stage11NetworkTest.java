package grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import axon.Component;
import axon.Inbox;
import axon.Ipc;
import axon.Linkage;
import axon.Outbox;
import axon.Scheduler;
import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.UnixOperatingSystemMXBean;
import examples.programs.SharedLogServer;
import grading.support.Graded;
import grading.support.Hint;
import grading.support.OnTimeout;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kamaelia.chassis.Pipeline;
import kamaelia.chassis.ServerCore;
import kamaelia.file.Follow;
import kamaelia.internet.Selector;
import kamaelia.internet.SelectorService;
import kamaelia.internet.TCPClient;
import kamaelia.util.Backplane;
import kamaelia.util.PublishTo;
import kamaelia.util.PureTransformer;
import kamaelia.util.Recorder;
import kamaelia.util.Source;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Graded
@Tag("stage11")
@DisplayName("Stage 11: network")
@OnTimeout("a server or a client never answered, or the run never ended. Does the selector's thread send a report for"
        + " every ready key (and come back to select), does a ConnectedSocket read until read() returns 0 and ask to be"
        + " woken again, and does every connection close once its protocol has finished?")
class Stage11NetworkTest {
    /** Long enough never to run out when the code is right, even on a loaded machine. */
    static final Duration PATIENCE = Duration.ofSeconds(5);
    /** Open files the JVM itself may open meanwhile (class files, pollers); a leak per connection shows more. */
    static final int FILE_SLACK = 2;

    // ---------------------------------------------------------------------------------
    // Protocols for the tests

    /** Echoes each line. */
    static Component echo() {
        return new PureTransformer(line -> line);
    }

    /**
     * Numbers the lines it hears ("1: hello"), answers "quit" with "bye" and finishes,
     * answers "flood N" with N lines of 1000 characters; remembers how it ended.
     */
    @Inbox(name = "inbox", doc = "Lines from one client")
    @Outbox(name = "outbox", doc = "The numbered lines, or the answers to commands")
    static final class Talker extends Component {
        private int count = 0;
        volatile Ipc endedBy;

        @Override
        protected boolean step() {
            while (dataReady("inbox")) {
                String line = recv("inbox", String.class);
                if (line.equals("boom")) {
                    throw new IllegalStateException("boom: a protocol that fails");
                } else if (line.equals("quit")) {
                    send("bye", "outbox");
                    return end(new Ipc.ProducerFinished());
                } else if (line.startsWith("flood ")) {
                    for (int i = 0; i < Integer.parseInt(line.substring(6)); i++) {
                        send(floodLine(i), "outbox");
                    }
                } else {
                    send(++count + ": " + line, "outbox");
                }
            }
            if (shutdownRequested()) {
                return end(shutdownMessage());
            }
            pause();
            return true;
        }

        private boolean end(Ipc why) {
            send(why, "signal");
            endedBy = why;
            return false;
        }
    }

    /** Line {@code i} of a flood: 1000 characters, starting with its number. */
    static String floodLine(int i) {
        String number = String.format("%06d ", i);
        return number + "x".repeat(1000 - number.length());
    }

    /** A factory of talkers that keeps every talker it makes, for the test to look at. */
    static final class Talkers implements Supplier<Component> {
        final List<Talker> made = new CopyOnWriteArrayList<>();

        @Override
        public Component get() {
            Talker talker = new Talker();
            made.add(talker);
            return talker;
        }

        /** Waits until the talker made {@code index}-th (from 0) exists and has ended; fails with {@code why}. */
        void awaitEnded(int index, InBackground running, String why) throws Throwable {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (made.size() <= index || made.get(index).endedBy == null) {
                running.rethrow();
                if (System.nanoTime() > deadline) {
                    fail(why + (made.size() <= index ? " (the connection was never made)"
                            : " (the connection's protocol is still running)"));
                }
                Thread.sleep(5);
            }
        }

        /** Waits until every talker made has ended; fails naming those still running. */
        void awaitAllEnded(InBackground running) throws Throwable {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (made.stream().anyMatch(t -> t.endedBy == null)) {
                running.rethrow();
                if (System.nanoTime() > deadline) {
                    fail(made.stream().filter(t -> t.endedBy == null).count() + " of " + made.size() + " protocol"
                            + " components are still running after their clients left: the socket's signal must"
                            + " reach the protocol's control");
                }
                Thread.sleep(5);
            }
        }
    }

    // ---------------------------------------------------------------------------------
    // Running a server in the background

    /** A scheduler running a server (and more) on a thread of its own, with a Stopper for each part to stop. */
    static final class Running implements AutoCloseable {
        final Scheduler scheduler = new Scheduler();
        final ServerCore server;
        final InBackground background;
        private final List<Stopper> stoppers = new ArrayList<>();

        /** Runs {@code server} and {@code others}; stopping sends ShutdownMicroprocess to each one's control. */
        Running(ServerCore server, Component... others) {
            this.server = server;
            List<Component> all = new ArrayList<>(List.of(others));
            all.addFirst(server);
            for (Component component : all) {
                Stopper stopper = new Stopper();
                Linkage.link(stopper.outbox("outbox"), component.inbox("control"));
                stoppers.add(stopper);
                component.activate(scheduler);
                stopper.activate(scheduler);
            }
            background = InBackground.run(scheduler);
        }

        LineClient client() throws IOException {
            return LineClient.connect(server.port(), background);
        }

        /** A client that has been answered once, so that it is surely connected and served. */
        LineClient answeredClient() throws Throwable {
            LineClient client = client();
            client.send("ping\n");
            assertNotNull(client.readLine(PATIENCE), "the server closed a new connection without answering");
            return client;
        }

        /** Stops everything and waits for run() to return. */
        void stop() throws Throwable {
            stoppers.forEach(s -> s.go.countDown());
            assertTrue(background.awaitEnd(PATIENCE), "run() did not return within " + PATIENCE.toSeconds()
                    + " s of the server's shutdown: something is still awake or a thread still runs (does the"
                    + " server close every connection, and wait for them, and does the selector end when nothing is"
                    + " left to watch?)");
        }

        /** Waits until the server counts {@code count} open connections. */
        void awaitConnections(int count, String why) throws Throwable {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (server.connections() != count) {
                background.rethrow();
                if (System.nanoTime() > deadline) {
                    fail(why + ": the server counts " + server.connections() + " open connections, not " + count);
                }
                Thread.sleep(5);
            }
        }

        @Override
        public void close() throws InterruptedException {
            stoppers.forEach(s -> s.go.countDown());
            try {
                if (!background.awaitEnd(Duration.ofSeconds(2))) {
                    background.stop();
                }
            } catch (Throwable t) {
                // the test reports what went wrong; this only cleans up
            }
        }
    }

    // ---------------------------------------------------------------------------------
    // Counting what might leak: open files and threads

    /** The open file descriptors of this JVM, sockets included; -1 where the platform cannot tell (Windows). */
    static long openFiles() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof UnixOperatingSystemMXBean unix ? unix.getOpenFileDescriptorCount() : -1;
    }

    /** The JDK's own helper threads, which come and go as they please. */
    static boolean jdkHelper(Thread thread) {
        String name = thread.getName();
        return name.startsWith("ForkJoinPool") || name.startsWith("VirtualThread-") || name.contains("Poller")
                || name.startsWith("Common-Cleaner") || name.startsWith("Attach Listener");
    }

    private static final Pattern VIRTUAL_THREAD = Pattern.compile("^#\\d+ \"(.*)\" virtual\\b");

    /**
     * The names of the virtual threads alive now (each threaded component's thread is
     * one, named after the component), from a thread dump: the thread API does not list
     * virtual threads. Empty where the dump cannot be read.
     */
    static Set<String> virtualThreads() {
        try {
            Path dump = Files.createTempFile("threads", ".txt");
            Files.delete(dump);
            try {
                ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                        .dumpThreads(dump.toString(), HotSpotDiagnosticMXBean.ThreadDumpFormat.TEXT_PLAIN);
                Set<String> names = new HashSet<>();
                for (String line : Files.readAllLines(dump)) {
                    Matcher virtual = VIRTUAL_THREAD.matcher(line);
                    if (virtual.find()) {
                        names.add(virtual.group(1));
                    }
                }
                return names;
            } finally {
                Files.deleteIfExists(dump);
            }
        } catch (IOException | RuntimeException e) {
            return Set.of();
        }
    }

    /** What is open and running now. */
    record Resources(long files, Set<Thread> threads, Set<String> virtual) {
        static Resources now() {
            return new Resources(openFiles(), Thread.getAllStackTraces().keySet(), virtualThreads());
        }

        /** What is open and running once the server has no connection open. */
        static Resources settled(Running running) throws Throwable {
            running.awaitConnections(0, "the clients so far have gone");
            return now();
        }

        /** Threads running now that were not running then (the JDK's helpers aside), virtual ones included. */
        List<String> newThreadsSince() {
            List<String> names = new ArrayList<>(Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.isAlive() && !threads.contains(t) && !jdkHelper(t))
                    .map(Thread::getName).toList());
            virtualThreads().stream().filter(name -> !virtual.contains(name)).sorted().forEach(names::add);
            return names;
        }

        /**
         * Waits until the server has no connection open and no more files are open, and no
         * more threads run, than then; fails saying what is left.
         */
        void awaitNothingLeaked(Running running) throws Throwable {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (true) {
                running.background.rethrow();
                int connections = running.server.connections();
                long files = openFiles();
                List<String> threads = newThreadsSince();
                boolean filesBack = files < 0 || files <= this.files + FILE_SLACK;
                if (connections == 0 && filesBack && threads.isEmpty()) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    fail("something leaked: " + connections + " connections are still counted open, " + (files < 0 ? ""
                            : (files - this.files) + " more files are open than before (sockets not closed? every"
                            + " ConnectedSocket must close its channel and tell the selector to forget it), ")
                            + "new threads still running: " + threads);
                }
                Thread.sleep(20);
            }
        }
    }

    // ---------------------------------------------------------------------------------
    // The tests

    /** Watches one channel: asks the selector once at its first step and once more after the first notice. */
    @Inbox(name = "ready", doc = "Notices from the selector")
    @Outbox(name = "selector", doc = "Requests to the selector service")
    static final class Watcher extends Component {
        private final SelectableChannel channel;
        final AtomicInteger notices = new AtomicInteger();
        private int asked = 0;

        Watcher(SelectableChannel channel) {
            this.channel = channel;
        }

        @Override
        protected boolean step() {
            if (asked == 0) {
                link(outbox("selector"), SelectorService.inbox(scheduler()));
                watch();
            }
            while (dataReady("ready")) {
                recv("ready");
                notices.incrementAndGet();
                if (asked < 2) {
                    watch();
                }
            }
            if (shutdownRequested()) {
                send(new Selector.Forget(channel), "selector");
                passShutdownOn();
                return false;
            }
            pause();
            return true;
        }

        private void watch() {
            send(new Selector.Watch(channel, SelectionKey.OP_READ, inbox("ready")), "selector");
            asked++;
        }
    }

    @Test
    @Order(1)
    @DisplayName("the selector service wakes a component when its channel is ready, once for each Watch, and ends"
            + " when nothing is left to watch")
    @Hint(value = "SelectorThread.body: select (with a timeout, so that it looks at control now and then); for each"
            + " selected key, remove it from selectedKeys(), stop watching it for what it is ready for"
            + " (key.interestOpsAnd(~ready)), and send Selected(attachment, ready) out of outbox.",
            read = "The selector service")
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void selectorWakesOncePerWatch() throws Throwable {
        Pipe pipe = Pipe.open();
        try (Pipe.SinkChannel sink = pipe.sink(); Pipe.SourceChannel source = pipe.source()) {
            source.configureBlocking(false);
            sink.write(ByteBuffer.wrap(new byte[] {42})); // readable from now on, as nobody reads it
            Scheduler scheduler = new Scheduler();
            Watcher watcher = new Watcher(source);
            Stopper stopper = new Stopper();
            Linkage.link(stopper.outbox("outbox"), watcher.inbox("control"));
            watcher.activate(scheduler);
            stopper.activate(scheduler);
            InBackground running = InBackground.run(scheduler);
            try {
                long deadline = System.nanoTime() + PATIENCE.toNanos();
                while (watcher.notices.get() < 2) {
                    running.rethrow();
                    assertTrue(System.nanoTime() < deadline, "the watcher was woken " + watcher.notices.get()
                            + " times in " + PATIENCE.toSeconds() + " s for a channel that is ready: the selector's"
                            + " thread must report each ready key");
                    Thread.sleep(5);
                }
                Thread.sleep(300); // the channel stays ready: a selector that does not stop watching says so again
                running.rethrow();
                assertEquals(2, watcher.notices.get(), "a channel that stays ready must be reported once per Watch:"
                        + " after reporting a key, stop watching it for what it was ready for");
                stopper.go.countDown();
                assertTrue(running.awaitEnd(PATIENCE), "run() must return once the watcher has forgotten its"
                        + " channel: the selector ends when nothing is left to watch, and its thread with it");
                assertFalse(scheduler.services().names().contains(SelectorService.NAME),
                        "the selector must leave the services when it ends");
            } finally {
                stopper.go.countDown();
                running.stop();
            }
        }
    }

    @Test
    @Order(2)
    @DisplayName("an echo server answers a client line by line, in order; it listens on 127.0.0.1, on the free port"
            + " that port() tells as soon as it is built")
    @Hint(value = "The first line to come back needs every piece: the selector's thread reports ready keys,"
            + " ConnectedSocket reads lines and writes replies without waiting, and ServerCore.connect wires a new"
            + " socket to a new protocol. Start with SelectorThread.body, then readFromPeer and sendToPeer.",
            read = "Sockets that never wait")
    @Timeout(value = 15, unit = TimeUnit.SECONDS)
    void echoes() throws Throwable {
        ServerCore server = new ServerCore(Stage11NetworkTest::echo, 0);
        assertTrue(server.port() > 0, "port() must be the port bound, not 0");
        assertTrue(server.address().getAddress().isLoopbackAddress(), "the server must listen on 127.0.0.1 by default");
        try (Running running = new Running(server); LineClient client = running.client()) {
            client.send("hello\nwörld ✓\n");
            assertEquals(List.of("hello", "wörld ✓"), client.readLines(2, PATIENCE));
            StringBuilder many = new StringBuilder();
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 3000; i++) {
                many.append("line ").append(i).append('\n');
                expected.add("line " + i);
            }
            client.send(many.toString()); // 30 kB at once: many reads, many writes, lines cut anywhere
            assertEquals(expected, client.readLines(expected.size(), PATIENCE),
                    "every line must come back once, in order");
            client.close();
            running.stop();
        }
    }

    @Test
    @Order(3)
    @DisplayName("a line arrives whole however its bytes are split; \\r\\n and \\n both end it; bytes that are not"
            + " UTF-8 become U+FFFD; a last line without \\n still counts")
    @Hint(value = "Keep the bytes of a line that has not ended in partialLine, across reads, and decode the whole"
            + " line at its \\n (lineEnded() does it, and drops a \\r). At the end of the stream, the given"
            + " peerStoppedSending() sends a last line that had no \\n.", read = "Sockets that never wait")
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void linesAreWhole() throws Throwable {
        try (Running running = new Running(new ServerCore(Stage11NetworkTest::echo, 0));
                LineClient client = running.client()) {
            client.send("hel");
            Thread.sleep(20); // let the server read the pieces apart (it must work either way)
            client.send("lo\r");
            Thread.sleep(20);
            client.send("\nsecond\r\n");
            byte[] e = "é\n".getBytes(StandardCharsets.UTF_8);
            client.sendBytes(Arrays.copyOfRange(e, 0, 1)); // a character cut in two
            Thread.sleep(20);
            client.sendBytes(Arrays.copyOfRange(e, 1, e.length));
            client.sendBytes(new byte[] {(byte) 0xff, 'a', (byte) 0xc3, '\n'});
            client.send("last");
            client.shutdownOutput();
            assertEquals(List.of("hello", "second", "é", "\uFFFDa\uFFFD", "last"), client.readLines(5, PATIENCE));
            assertEquals(List.of(), client.readUntilClosed(PATIENCE), "after the last reply the server must close");
            running.stop();
        }
    }

    @Test
    @Order(4)
    @DisplayName("every connection gets a protocol graph of its own: clients talking at once each hear only their own"
            + " replies")
    @Hint(value = "ServerCore.connect calls the factory once per connection (newProtocol()) and links that"
            + " protocol to that connection's socket only: socket outbox -> protocol inbox, protocol outbox -> socket"
            + " inbox, and the two signal -> control links.", read = "One protocol per connection")
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void aProtocolPerConnection() throws Throwable {
        Talkers talkers = new Talkers();
        try (Running running = new Running(new ServerCore(talkers, 0));
                LineClient ada = running.client(); LineClient alan = running.client(); LineClient grace = running.client()) {
            ada.send("a\n");
            alan.send("b\n");
            ada.send("c\n");
            grace.send("d\n");
            alan.send("e\n");
            assertEquals(List.of("1: a", "2: c"), ada.readLines(2, PATIENCE));
            assertEquals(List.of("1: b", "2: e"), alan.readLines(2, PATIENCE));
            assertEquals(List.of("1: d"), grace.readLines(1, PATIENCE));
            running.awaitConnections(3, "three clients are connected");
            assertEquals(3, talkers.made.size(), "one protocol per connection, no more");
            running.stop();
        }
    }

    @Test
    @Order(5)
    @DisplayName("a reply bigger than the socket takes at once waits in the server, and reaches the client whole and in"
            + " order as it reads")
    @Hint(value = "write() writes the first waiting buffer: if the socket takes only part of it, the rest stays at"
            + " the front (a ByteBuffer remembers its position) and the selector is asked to say when the socket has"
            + " room (the given sleepUntilReady() asks for OP_WRITE while something waits).",
            read = "Sockets that never wait")
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void bigReplies() throws Throwable {
        try (Running running = new Running(new ServerCore(new Talkers(), 0).withMaxPendingOutput(16 << 20));
                LineClient client = LineClient.connect(running.server.port(), running.background, 64 * 1024)) {
            client.send("flood 8000\nafter\n"); // 8 MB: the socket takes a part, the rest waits in the server
            for (int i = 0; i < 8000; i++) {
                String line = client.readLine(PATIENCE);
                if (!floodLine(i).equals(line)) {
                    fail("line " + i + " of 8000 is wrong: \"" + (line == null ? "(the connection closed)"
                            : line.substring(0, Math.min(20, line.length())) + "...") + "\"; a write that is cut"
                            + " short must leave the rest waiting, in order");
                }
            }
            assertEquals("1: after", client.readLine(PATIENCE));
            running.stop();
        }
    }

    @Test
    @Order(6)
    @DisplayName("a quiet server sleeps: while its clients send nothing, the scheduler runs no cycles")
    @Hint(value = "Every ConnectedSocket must pause() when it has nothing to do, and the selector's thread must stop"
            + " watching a key for what it reported (key.interestOpsAnd(~ready)): a socket that stays watched for"
            + " OP_WRITE is reported writable again and again.", read = "The selector service")
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void quietServerSleeps() throws Throwable {
        try (Running running = new Running(new ServerCore(new Talkers(), 0).withMaxPendingOutput(16 << 20));
                LineClient first = LineClient.connect(running.server.port(), running.background, 64 * 1024);
                LineClient second = running.answeredClient()) {
            first.send("flood 8000\n"); // 8 MB, more than the system buffers: the server has to wait for room
            for (int i = 0; i < 8000; i++) {
                assertNotNull(first.readLine(PATIENCE));
            }
            first.send("done\n");
            assertEquals("1: done", first.readLine(PATIENCE));
            Thread.sleep(50); // let the last notices and steps pass
            long before = running.scheduler.cycles();
            Thread.sleep(300); // a window in which nothing happens
            long cycles = running.scheduler.cycles() - before;
            running.background.rethrow();
            assertTrue(cycles <= 5, "while nothing happened for 300 ms the scheduler ran " + cycles + " cycles:"
                    + " something keeps waking up (a socket that never pauses, or one the selector reports again and"
                    + " again)");
            running.stop();
        }
    }

    @Test
    @Order(7)
    @DisplayName("when the protocol finishes, what it sent reaches the client, then the connection is closed")
    @Hint(value = "The protocol's signal is linked to its socket's control: a ProducerFinished there makes the"
            + " socket send what is waiting and then close (finish(), given). Check that link in ServerCore.connect,"
            + " and that sendToPeer writes what is queued.", read = "Closing a connection")
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void protocolEndCloses() throws Throwable {
        Talkers talkers = new Talkers();
        try (Running running = new Running(new ServerCore(talkers, 0)); LineClient client = running.client()) {
            client.send("hi\nquit\nignored\n");
            assertEquals(List.of("1: hi", "bye"), client.readLines(2, PATIENCE));
            assertEquals(List.of(), client.readUntilClosed(PATIENCE),
                    "once the protocol has finished and its last words are sent, the connection must close");
            client.close();
            running.awaitConnections(0, "the connection whose protocol finished must be over");
            running.stop();
        }
    }

    @Test
    @Order(8)
    @DisplayName("when a client leaves (closing, half-closing or resetting), its protocol graph is shut down and the"
            + " server lets go of the connection")
    @Hint(value = "At the end of the stream (read returns -1) call peerStoppedSending(): it signals the protocol,"
            + " which finishes and so closes the socket. A reset shows up as an IOException, which the given step()"
            + " turns into a close. ServerCore's forgetClosedConnections() removes pairs whose socket and protocol"
            + " have both finished, and counts the open sockets.", read = "Closing a connection")
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void clientLeaves() throws Throwable {
        Talkers talkers = new Talkers();
        try (Running running = new Running(new ServerCore(talkers, 0))) {
            LineClient closing = running.answeredClient();
            LineClient resetting = running.answeredClient();
            LineClient halfClosing = running.answeredClient();
            running.awaitConnections(3, "three clients have been answered");
            closing.close();
            resetting.reset();
            halfClosing.send("still here\n");
            halfClosing.shutdownOutput();
            assertEquals(List.of("2: still here"), halfClosing.readUntilClosed(PATIENCE),
                    "a client that stops sending must still get the replies to what it sent, then the close");
            halfClosing.close();
            talkers.awaitAllEnded(running.background);
            running.awaitConnections(0, "all three clients have gone");
            running.stop();
        }
    }

    @Test
    @Order(9)
    @DisplayName("a line longer than the limit closes that connection with a message to the client, and the server"
            + " goes on serving others, with nothing leaked")
    @Hint(value = "In readFromPeer, before adding a byte to partialLine, check its size: at maxLineLength call"
            + " refuse(...), which queues the message, throws the rest away and closes. A line of exactly"
            + " maxLineLength bytes is fine.", read = "Bad clients")
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void tooLongLines() throws Throwable {
        try (Running running = new Running(new ServerCore(Stage11NetworkTest::echo, 0).withMaxLineLength(1000))) {
            try (LineClient warmUp = running.answeredClient()) {
                warmUp.send("x".repeat(1000) + "\n");
                assertEquals("x".repeat(1000), warmUp.readLine(PATIENCE), "a line of exactly the limit is fine");
            }
            Resources before = Resources.settled(running);
            for (int i = 0; i < 3; i++) {
                try (LineClient greedy = running.client()) {
                    greedy.send("y".repeat(5000)).send("z".repeat(20_000) + "\n");
                    List<String> heard = greedy.readUntilClosed(PATIENCE);
                    assertEquals(1, heard.size(), "the client must get one line saying why, then the close: " + heard);
                    assertTrue(heard.getFirst().contains("longer than 1000"),
                            "the message must say the line is longer than the limit: " + heard.getFirst());
                }
            }
            try (LineClient next = running.answeredClient()) {
                next.send("next\n");
                assertEquals("next", next.readLine(PATIENCE));
            }
            before.awaitNothingLeaked(running);
            running.stop();
        }
    }

    @Test
    @Order(10)
    @DisplayName("binary garbage does no harm: NUL bytes and bytes that are not UTF-8 come back as text, a stream"
            + " without line ends is cut off, and the server serves the next client, with nothing leaked")
    @Hint(value = "Decode whole lines only (partialLine.toString(UTF_8) replaces what is not UTF-8), and never let"
            + " an exception out of step(): a bad client may close only its own connection.", read = "Bad clients")
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void garbage() throws Throwable {
        Random random = new Random(11);
        try (Running running = new Running(new ServerCore(Stage11NetworkTest::echo, 0).withMaxLineLength(4096))) {
            running.answeredClient().close();
            Resources before = Resources.settled(running);
            try (LineClient client = running.client()) {
                List<String> expected = new ArrayList<>();
                java.io.ByteArrayOutputStream sent = new java.io.ByteArrayOutputStream();
                for (int i = 0; i < 50; i++) {
                    byte[] line = new byte[1 + random.nextInt(200)];
                    random.nextBytes(line);
                    for (int j = 0; j < line.length; j++) {
                        if (line[j] == '\n' || line[j] == '\r') {
                            line[j] = 0;
                        }
                    }
                    sent.writeBytes(line);
                    sent.write('\n');
                    expected.add(new String(line, StandardCharsets.UTF_8));
                }
                client.sendBytes(sent.toByteArray());
                assertEquals(expected, client.readLines(expected.size(), PATIENCE));
            }
            for (int i = 0; i < 3; i++) {
                try (LineClient noise = running.client()) {
                    byte[] bytes = new byte[10_000];
                    random.nextBytes(bytes);
                    for (int j = 0; j < bytes.length; j++) {
                        bytes[j] = bytes[j] == '\n' ? 0 : bytes[j];
                    }
                    noise.sendBytes(bytes);
                    List<String> heard = noise.readUntilClosed(PATIENCE);
                    assertTrue(heard.size() == 1 && heard.getFirst().contains("longer than 4096"),
                            "10 000 bytes without a line end must be refused with a message: " + heard);
                }
            }
            try (LineClient next = running.client()) {
                next.send("still serving\n");
                assertEquals("still serving", next.readLine(PATIENCE));
            }
            before.awaitNothingLeaked(running);
            running.stop();
        }
    }

    @Test
    @Order(11)
    @DisplayName("a client that resets its connection in the middle (of a line it sends, or of a reply it receives)"
            + " loses only its own connection; its protocol ends, and nothing leaks")
    @Hint(value = "A reset makes read or write throw an IOException: let it out of readFromPeer and sendToPeer,"
            + " the given step() catches it and closes this connection only (which signals the protocol).",
            read = "Bad clients")
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void resets() throws Throwable {
        Talkers talkers = new Talkers();
        try (Running running = new Running(new ServerCore(talkers, 0))) {
            running.answeredClient().close();
            Resources before = Resources.settled(running);
            for (int i = 0; i < 3; i++) {
                LineClient sending = running.answeredClient();
                sending.send("half a li");
                sending.reset();
                LineClient receiving = running.answeredClient();
                receiving.send("flood 3000\n");
                assertEquals(floodLine(0), receiving.readLine(PATIENCE));
                receiving.reset(); // with megabytes still on their way
            }
            try (LineClient next = running.client()) {
                next.send("after the resets\n");
                assertEquals("1: after the resets", next.readLine(PATIENCE));
            }
            talkers.awaitAllEnded(running.background);
            before.awaitNothingLeaked(running);
            running.stop();
        }
    }

    @Test
    @Order(12)
    @DisplayName("a client that never reads cannot make the server hold more than the output limit: its connection is"
            + " closed, and nothing leaks")
    @Hint(value = "In sendToPeer, when more than maxPendingOutput bytes are queued, write first; if they are still"
            + " more than the limit, the client is not reading: call tooSlow(), which has the connection closed.",
            read = "Bad clients")
    @Timeout(value = 15, unit = TimeUnit.SECONDS)
    void slowReaders() throws Throwable {
        Talkers talkers = new Talkers();
        try (Running running = new Running(new ServerCore(talkers, 0).withMaxPendingOutput(64 * 1024))) {
            running.answeredClient().close();
            Resources before = Resources.settled(running);
            for (int i = 0; i < 3; i++) {
                int made = talkers.made.size();
                try (LineClient sleeper = LineClient.connect(running.server.port(), running.background, 4096)) {
                    sleeper.send("flood 10000\n"); // 10 MB, far more than the operating system buffers
                    talkers.awaitEnded(made, running.background, "a client that reads nothing while 10 MB are sent"
                            + " to it must be cut off once more than 64 KiB wait for it");
                    sleeper.reset();
                }
            }
            try (LineClient next = running.client()) {
                next.send("awake\n");
                assertEquals("1: awake", next.readLine(PATIENCE));
            }
            before.awaitNothingLeaked(running);
            running.stop();
        }
    }

    @Test
    @Order(13)
    @DisplayName("500 clients at once each get their own replies within 10 seconds; afterwards no connection, socket"
            + " or thread is left")
    @Hint(value = "Nothing may wait: every ConnectedSocket reads and writes only what its socket takes at once, and"
            + " sleeps until the selector wakes it. One thread, the selector's, waits for all of them.",
            read = "Bad clients")
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void manyClients() throws Throwable {
        int clients = 500;
        Talkers talkers = new Talkers();
        try (Running running = new Running(new ServerCore(talkers, 0));
                ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            awaitClient(inClient(threads, () -> running.answeredClient().close()), PATIENCE); // on a virtual thread, as the 500
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

    @Test
    @Order(14)
    @DisplayName("past its connection limit the server tells a new client it is busy and closes the connection, and"
            + " takes new clients again once others have gone")
    @Hint(value = "acceptWaitingClients (given) turns a client away while the count of open connections is at the"
            + " limit: that count is the one forgetClosedConnections() keeps, so keep it right as sockets close.",
            read = "Bad clients")
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void busy() throws Throwable {
        try (Running running = new Running(new ServerCore(new Talkers(), 0).withMaxConnections(2));
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
                assertEquals("1: my turn", fourth.readLine(PATIENCE));
            }
            running.stop();
        }
    }

    @Test
    @Order(15)
    @DisplayName("shutting the server down closes every connection and every protocol, frees the port and ends the"
            + " selector: run() returns with no socket or thread left")
    @Hint(value = "On a shutdown the given step() closes the listening socket and calls closeEveryConnection(): put"
            + " a ShutdownMicroprocess into the control of every socket that has not finished. The server finishes"
            + " once all its children have; the selector ends when it has nothing left to watch.",
            read = "Closing a connection")
    @Timeout(value = 15, unit = TimeUnit.SECONDS)
    void shutdownReleasesEverything() throws Throwable {
        try (Running warmUp = new Running(new ServerCore(new Talkers(), 0))) {
            warmUp.answeredClient().close();
            warmUp.stop();
        }
        Resources before = Resources.now();
        Talkers talkers = new Talkers();
        ServerCore server = new ServerCore(talkers, 0);
        InetSocketAddress address = server.address();
        List<LineClient> clients = new ArrayList<>();
        try (Running running = new Running(server)) {
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
            while (before.files() >= 0 && openFiles() > before.files() + FILE_SLACK && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertTrue(before.files() < 0 || openFiles() <= before.files() + FILE_SLACK, (openFiles() - before.files())
                    + " more files are open than before the server was built: sockets or the selector were not closed");
            assertEquals(List.of(), before.newThreadsSince(), "threads started for the server are still running");
        } finally {
            for (LineClient client : clients) {
                client.close();
            }
        }
    }

    @Test
    @Order(16)
    @DisplayName("when the run ends with an exception (a protocol that throws), the selector's thread ends with it: no"
            + " thread outlives run()")
    @Hint(value = "When a run fails the scheduler interrupts every thread, and Selector.select() does not throw: it"
            + " returns early, again and again. Call the given select(), which turns the interrupt into an"
            + " InterruptedException, and let that leave body().", read = "The selector service")
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void failureStopsTheSelector() throws Throwable {
        Resources before = Resources.now();
        try (Running running = new Running(new ServerCore(new Talkers(), 0)); LineClient client = running.answeredClient()) {
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

    @Test
    @Order(17)
    @DisplayName("TCPClient sends lines and passes on the replies; when what feeds it finishes it half-closes and ends"
            + " after the server has; a refused connection ends it with ShutdownMicroprocess")
    @Hint(value = "TCPClient is a ConnectedSocket that connects first: with your readFromPeer and sendToPeer it"
            + " works too. The given step() handles the connecting and the half-close.",
            read = "The other end: TCPClient")
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void tcpClient() throws Throwable {
        int refusedPort;
        try (ServerSocketChannel taken = ServerSocketChannel.open()) {
            taken.bind(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0));
            refusedPort = ((InetSocketAddress) taken.getLocalAddress()).getPort();
        }
        Scheduler scheduler = new Scheduler();
        ServerCore server = new ServerCore(new Talkers(), 0);
        Recorder replies = new Recorder();
        Pipeline client = new Pipeline(new Source(List.of("hello", "world", "quit")), new TCPClient(server.port()),
                replies);
        Linkage.link(client.outbox("signal"), server.inbox("control"));
        Recorder refused = new Recorder();
        Pipeline nobody = new Pipeline(new Source(List.of("anyone?")), new TCPClient(refusedPort), refused);
        server.activate(scheduler);
        client.activate(scheduler);
        nobody.activate(scheduler);
        InBackground running = InBackground.run(scheduler);
        try {
            assertTrue(running.awaitEnd(PATIENCE), "run() did not return: the client must end once the server closes,"
                    + " and then the server is shut down");
            assertEquals(List.of("1: hello", "2: world", "bye"), replies.collected());
            assertEquals(new Ipc.ProducerFinished(), replies.endedBy(), "the server closed normally");
            assertEquals(List.of(), refused.collected());
            assertEquals(new Ipc.ShutdownMicroprocess(), refused.endedBy(),
                    "a refused connection must end the client with ShutdownMicroprocess");
            assertEquals(List.of(), scheduler.microprocesses(), "every component must have finished");
        } finally {
            running.stop();
        }
    }

    @Test
    @Order(18)
    @DisplayName("walkthrough: one Follow and a Backplane serve a log to many clients at once; each sees the same new"
            + " lines, in order, and one leaving does not disturb the others")
    @Hint(value = "This is the chapter's walkthrough: the protocol is SharedLogServer.follower(), given. If the"
            + " other tests pass, so should this; look at the first failing test of the stage first.",
            read = "Walkthrough: one log, many clients")
    @Timeout(value = 15, unit = TimeUnit.SECONDS)
    void sharedLog(@TempDir Path folder) throws Throwable {
        Path log = folder.resolve("server.log");
        Files.writeString(log, "old news\n");
        Backplane backplane = new Backplane("log");
        Pipeline follow = new Pipeline(new Follow(log, Duration.ofMillis(5)), new PublishTo("log"));
        ServerCore server = new ServerCore(SharedLogServer::follower, 0);
        List<LineClient> clients = new ArrayList<>();
        try (Running running = new Running(server, backplane, follow)) {
            for (int i = 0; i < 3; i++) {
                clients.add(running.client());
            }
            // Subscribing takes a moment after connecting: add marker lines until every client has seen one.
            AtomicBoolean marking = new AtomicBoolean(true);
            Thread marker = Thread.ofVirtual().start(() -> {
                try {
                    for (int n = 0; marking.get(); n++) {
                        append(log, "marker " + n + "\n");
                        Thread.sleep(20);
                    }
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            try {
                for (LineClient client : clients) {
                    String line = client.readLine(PATIENCE);
                    assertTrue(line != null && line.startsWith("marker"), "a client must see the lines added to the"
                            + " log after it connected, and none before: " + line);
                }
            } finally {
                marking.set(false);
                marker.join();
            }
            append(log, "first\nsecond\n");
            for (LineClient client : clients) {
                assertEquals(List.of("first", "second"), afterMarkers(client, 2));
            }
            clients.get(1).close();
            append(log, "third\n");
            assertEquals(List.of("third"), afterMarkers(clients.get(0), 1));
            assertEquals(List.of("third"), afterMarkers(clients.get(2), 1));
            running.stop();
            for (LineClient client : List.of(clients.get(0), clients.get(2))) {
                assertEquals(List.of(), client.readUntilClosed(PATIENCE));
            }
        } finally {
            for (LineClient client : clients) {
                client.close();
            }
        }
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

    static void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardOpenOption.APPEND);
    }
}
