package kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import axon.Scheduler;
import axon.Linkage;
import axon.Trace;
import examples.components.Consumer;
import examples.components.Producer;
import examples.programs.LiveDemo;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kamaelia.experimental.view.LiveView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live view of stage 12 serves a picture of a running system to a browser: these
 * tests check, on the reference, what it shows, that it shows nothing without its token,
 * that pausing holds the scheduler between cycles, and the abuse probes of the other
 * servers (idle and flooding clients, nothing left behind after close). The page itself
 * is checked in a real browser by src-docs/check-live-view.sh.
 */
@Tag("kit")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
@DisplayName("Kit: the live view shows a running system, behind its token, and leaves nothing behind")
class LiveViewTest {
    private final Scheduler scheduler = new Scheduler();
    private Thread running;
    private LiveView view;

    /** Opens a view of the demo system, paused once a dozen jobs wait, and runs it on a thread. */
    private void start(int jobs, long millis) {
        LiveDemo.system(jobs, millis, new PrintStream(OutputStream.nullOutputStream())).activate(scheduler);
        view = LiveView.open(scheduler, 0, null);
        scheduler.runCycles(15);        // the source sends a job a cycle: a dozen wait for the worker
        view.pause();
        running = Thread.ofPlatform().daemon().name("scheduler under test").start(scheduler::run);
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (view != null) {
            view.close();
        }
        if (running != null) {
            running.join(20_000);
            assertFalse(running.isAlive(), "after close, the scheduler runs to its end: the view holds nothing");
        }
    }

    @Test
    @DisplayName("it listens on 127.0.0.1 only, and its address carries a long random token")
    void loopbackAndToken() throws IOException {
        start(4, 10);
        assertTrue(view.url().startsWith("http://127.0.0.1:" + view.port() + "/?token="), view.url());
        assertTrue(view.token().matches("[0-9a-f]{32}"), view.token());
        try (LiveView other = LiveView.open(new Scheduler(), 0, null)) {
            assertFalse(other.token().equals(view.token()), "each view makes its own token");
        }
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), view.port())) {
            assertTrue(socket.getInetAddress().isLoopbackAddress());
        }
    }

    @Test
    @DisplayName("without the token, or with a wrong one, every path answers 403 and shows nothing of the system")
    void nothingWithoutToken() throws IOException {
        start(4, 10);
        String wrong = view.token().substring(1) + "x";
        for (String path : List.of("/", "/frame", "/events", "/trace", "/?token=", "/frame?token=" + wrong,
                "/trace?token=" + wrong, "/trace?token=",
                "/events?token=" + wrong, "/?token=" + wrong + "0", "/?token=" + view.token().toUpperCase())) {
            String answer = get(path);
            assertTrue(answer.startsWith("HTTP/1.1 403"), path + ": " + answer);
            assertFalse(answer.contains("Graphline") || answer.contains("EventSource"), path + ": " + answer);
            assertTrue(answer.contains("token"), "the refusal says what is missing: " + answer);
        }
        String post = request("POST /control?do=run HTTP/1.1\r\nHost: x\r\n\r\n");
        assertTrue(post.startsWith("HTTP/1.1 403"), post);
        assertTrue(get("/?token=" + view.token()).contains("EventSource"), "with the token, the page is served");
    }

    @Test
    @DisplayName("a frame names every component with its boxes and the links between them, and the waiting count"
            + " falls as the system runs")
    void frameShowsTheSystem() throws IOException, InterruptedException {
        start(30, 40);
        String frame = body(get("/frame?token=" + view.token()));
        for (String name : List.of("Graphline", "Source", "Pipeline", "ThreadedTransformer", "Grep",
                "ConsolePrinter")) {
            assertTrue(frame.contains("\"type\":\"" + name + "\""), name + " is shown: " + frame);
        }
        assertTrue(frame.contains("\"paused\":true"), frame);
        assertTrue(Pattern.compile("\"link\":\"Source#\\d+\\.outbox -> Pipeline#\\d+\\.inbox\"").matcher(frame)
                .find(), "the link from the jobs to the worker's pipeline is shown: " + frame);
        int before = waitingAtWorker(frame);
        assertTrue(before >= 8, "the jobs wait in the worker's inbox while the system is paused: " + frame);
        view.resume();
        int after = before;
        for (int tries = 0; tries < 100 && after >= before; tries++) {
            Thread.sleep(50);
            after = waitingAtWorker(body(get("/frame?token=" + view.token())));
        }
        assertTrue(after < before, "the count falls as the worker takes jobs: " + before + " then " + after);
    }

    @Test
    @DisplayName("paused, the scheduler runs no cycle; each step lets exactly one cycle run")
    void pauseAndStep() throws IOException, InterruptedException {
        start(30, 40);
        long cycles = cycles(body(get("/frame?token=" + view.token())));
        Thread.sleep(300);
        assertEquals(cycles, cycles(body(get("/frame?token=" + view.token()))), "paused: no cycle runs");
        assertTrue(request("POST /control?token=" + view.token() + "&do=step HTTP/1.1\r\n\r\n")
                .startsWith("HTTP/1.1 200"));
        long stepped = cycles;
        for (int tries = 0; tries < 100 && stepped == cycles; tries++) {
            Thread.sleep(20);
            stepped = cycles(body(get("/frame?token=" + view.token())));
        }
        assertEquals(cycles + 1, stepped, "one step, one cycle");
        Thread.sleep(300);
        assertEquals(stepped, cycles(body(get("/frame?token=" + view.token()))), "and then paused again");
    }

    @Test
    @DisplayName("a client that sends nothing is disconnected after the idle time-out")
    void idleClientIsDisconnected() throws IOException {
        start(4, 10);
        try (Socket idle = new Socket(InetAddress.getLoopbackAddress(), view.port())) {
            idle.setSoTimeout(20_000);
            long start = System.nanoTime();
            assertEquals(-1, idle.getInputStream().read(), "the server closes the connection, saying nothing");
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
            assertTrue(seconds >= 3 && seconds <= 15, "closed after about five seconds, not " + seconds);
        }
    }

    @Test
    @DisplayName("a flood of connections is answered 503 past eight, and the view serves again once they go")
    void floodIsBounded() throws IOException, InterruptedException {
        start(4, 10);
        List<Socket> flood = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                flood.add(new Socket(InetAddress.getLoopbackAddress(), view.port()));
            }
            Thread.sleep(200);
            String refused = get("/?token=" + view.token());
            assertTrue(refused.startsWith("HTTP/1.1 503"), "the ninth connection is refused at once: " + refused);
        } finally {
            for (Socket socket : flood) {
                socket.close();
            }
        }
        String served = "";
        for (int tries = 0; tries < 50 && !served.startsWith("HTTP/1.1 200"); tries++) {
            Thread.sleep(100);
            served = get("/?token=" + view.token());
        }
        assertTrue(served.startsWith("HTTP/1.1 200"), served);
        assertTrue(request("GET /" + "x".repeat(10_000) + " HTTP/1.1\r\n\r\n").startsWith("HTTP/1.1 431"),
                "a request too large is refused");
    }

    @Test
    @DisplayName("close lets a paused system run to its end, closes the port and ends every thread of the view")
    void closeLeavesNothing() throws IOException, InterruptedException {
        start(4, 10);
        int port = view.port();
        try (Socket events = new Socket(InetAddress.getLoopbackAddress(), port)) {
            events.getOutputStream().write(("GET /events?token=" + view.token() + " HTTP/1.1\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            assertTrue(new String(events.getInputStream().readNBytes(15), StandardCharsets.US_ASCII)
                    .startsWith("HTTP/1.1 200"));
            view.close();
            running.join(20_000);
            assertFalse(running.isAlive(), "the paused system was let go and ran to its end");
            events.setSoTimeout(10_000);
            InputStream in = events.getInputStream();
            while (in.read() >= 0) {
                // what was sent before the close
            }
        }
        assertThrows(ConnectException.class, () -> new Socket(InetAddress.getLoopbackAddress(), port).close(),
                "nothing listens on the port any more");
        assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().startsWith("live view")),
                "no thread of the view is left");
        view = null;
    }

    @Test
    @DisplayName("each link's traffic is the number of messages that crossed it since the last picture, along a"
            + " whole chain of links, though each message is stored once at the end")
    void trafficCountsEachMessage() throws IOException {
        Producer producer = new Producer("m", 1_000);
        Consumer middle = new Consumer(message -> { });
        List<Object> got = new ArrayList<>();
        Consumer last = new Consumer(got::add);
        Linkage.link(producer.outbox("outbox"), middle.inbox("inbox"));
        Linkage.link(middle.inbox("inbox"), last.inbox("inbox"));
        producer.activate(scheduler);
        middle.activate(scheduler);
        last.activate(scheduler);
        view = LiveView.open(scheduler, 0, null);
        view.look();
        scheduler.runCycles(30);
        view.look();
        int arrived = got.size() + last.inbox("inbox").size();
        assertTrue(arrived > 5, "the producer has sent a message a cycle: " + arrived);
        String frame = body(get("/frame?token=" + view.token()));
        for (String link : List.of("Producer#\\d+\\.outbox -> Consumer#\\d+\\.inbox", "Consumer#\\d+\\.inbox -> Consumer#\\d+\\.inbox")) {
            Matcher crossed = Pattern.compile("\"link\":\"" + link + "\",\"control\":false,\"crossed\":(\\d+)")
                    .matcher(frame);
            assertTrue(crossed.find(), link + " is in the frame: " + frame);
            assertEquals(arrived, Integer.parseInt(crossed.group(1)), "the " + arrived + " messages that arrived"
                    + " crossed " + crossed.group());
        }
        view.look();
        assertTrue(body(get("/frame?token=" + view.token())).contains("\"crossed\":0,\"moved\":false"),
                "a picture later, with nothing sent, no message crossed");
    }

    @Test
    @DisplayName("with a trace recording, /trace draws it behind the same token; with none, it says how to start one")
    void tracePage() throws IOException {
        Trace.stop();
        start(6, 10);
        String none = get("/trace?token=" + view.token());
        assertTrue(none.startsWith("HTTP/1.1 404") && none.contains("-Daxon.trace"), none);
        Trace trace = Trace.start(10_000);
        try {
            view.resume();
            String page = "";
            for (int tries = 0; tries < 100 && !page.contains("\"ThreadedTransformer#"); tries++) {
                page = get("/trace?token=" + view.token());
            }
            assertTrue(page.startsWith("HTTP/1.1 200"), page.lines().findFirst().orElse(""));
            assertTrue(Pattern.compile("const LANES = \\[[^\\]]*\"ThreadedTransformer#\\d+\"").matcher(page).find(),
                    "the worker is a lifeline of the trace page");
            assertTrue(page.contains("requestAnimationFrame"), "the page draws only the rows on screen");
        } finally {
            Trace.stop();
        }
        assertTrue(trace.events().size() > 0);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    @DisplayName("-Daxon.view opens the view of any program, paused before its first cycle, prints its address with"
            + " its token, serves the trace of -Daxon.trace, and stays after the run until the program is stopped")
    void flagOpensTheView(@TempDir Path folder) throws Exception {
        Path log = folder.resolve("demo.log");
        Process demo = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Daxon.view", "-Daxon.trace",
                "examples.stages.Stage05Demo")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            Matcher address = Pattern.compile("axon\\.view: live view of \\S+: http://127\\.0\\.0\\.1:(\\d+)/\\?token=([0-9a-f]{32})")
                    .matcher("");
            for (int tries = 0; tries < 300 && !address.reset(Files.readString(log)).find(); tries++) {
                Thread.sleep(50);
            }
            assertTrue(address.reset(Files.readString(log)).find(), "the flag prints the view's address:\n"
                    + Files.readString(log));
            int port = Integer.parseInt(address.group(1));
            String token = address.group(2);
            Thread.sleep(300);
            String before = Files.readString(log);
            assertTrue(before.contains("paused before its first cycle"), before);
            assertTrue(request(port, "GET /?token=" + token).contains("EventSource"), "the page is served");
            assertTrue(request(port, "GET /trace?token=" + token.substring(1) + "0").startsWith("HTTP/1.1 403"));
            assertTrue(request(port, "GET /trace").startsWith("HTTP/1.1 403"));
            assertEquals(before, Files.readString(log), "paused: the demo has not run a cycle, so it printed nothing");
            assertTrue(request(port, "POST /control?do=run&token=" + token).startsWith("HTTP/1.1 200"));
            for (int tries = 0; tries < 300 && !Files.readString(log).contains("has ended"); tries++) {
                Thread.sleep(50);
            }
            assertTrue(Files.readString(log).contains("has ended; its view shows how"), Files.readString(log));
            String trace = request(port, "GET /trace?token=" + token);
            assertTrue(trace.startsWith("HTTP/1.1 200") && trace.contains("const LANES = [\""),
                    "the trace recorded by -Daxon.trace is served: " + trace.lines().findFirst().orElse(""));
            assertTrue(demo.isAlive(), "after the run, the program stays, so that its view shows how it ended");
        } finally {
            demo.destroy();
            assertTrue(demo.waitFor(20, TimeUnit.SECONDS), "stopped, the program closes its view and ends");
        }
    }

    private static String request(int port, String line) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((line + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static final Pattern WORKER_INBOX = Pattern.compile(
            "\"type\":\"ThreadedTransformer\".*?\"ports\":\\[\\{\"box\":\"inbox\",\"inbox\":true,\"waiting\":(\\d+)");
    private static final Pattern PIPELINE_INBOX = Pattern.compile(
            "\"type\":\"Pipeline\".*?\"ports\":\\[\\{\"box\":\"inbox\",\"inbox\":true,\"waiting\":(\\d+)");

    /** Jobs waiting for the worker: in its own inbox, or in its pipeline's if that one is not yet linked on. */
    private static int waitingAtWorker(String frame) {
        Matcher worker = WORKER_INBOX.matcher(frame);
        Matcher pipeline = PIPELINE_INBOX.matcher(frame);
        assertTrue(worker.find() && pipeline.find(), frame);
        return Integer.parseInt(worker.group(1)) + Integer.parseInt(pipeline.group(1));
    }

    private static long cycles(String frame) {
        Matcher cycles = Pattern.compile("\"cycles\":(\\d+)").matcher(frame);
        assertTrue(cycles.find(), frame);
        return Long.parseLong(cycles.group(1));
    }

    private String get(String path) throws IOException {
        return request("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    }

    private String request(String text) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), view.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(text.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.net.SocketException e) {
            return "reset: " + e.getMessage();
        }
    }

    private static String body(String answer) {
        return answer.substring(answer.indexOf("\r\n\r\n") + 4);
    }
}
