package grading;

import static grading.Waits.PATIENCE;
import static grading.Wiring.children;
import static grading.Wiring.links;
import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import axon.Scheduler;
import grading.support.Graded;
import grading.support.GradedTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import kamaelia.chassis.Graphline;
import kamaelia.chassis.ServerCore;
import kamaelia.experimental.Consoles;
import kamaelia.experimental.Interpreter;
import kamaelia.experimental.Introspector;
import kamaelia.experimental.NetworkConsole;
import kamaelia.experimental.TokenCheck;
import org.junit.jupiter.api.Timeout;

/** The consoles: the interpreter wired to a keyboard, or served over TCP behind a token. */
@Graded(stage = 12, order = 4, title = "consoles at the keyboard and over the network")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class Stage12ConsolesTest {

    @GradedTest(order = 20, value = "the network console runs nothing before the right token: a wrong or missing token"
            + " is refused, ends the connection, and what came with it has no effect")
    void networkConsoleNeedsTheToken() throws Throwable {
        String token = Consoles.newToken();
        String property = "stage12.rummaged." + System.nanoTime();
        String sideEffect = "System.setProperty(\"" + property + "\", \"yes\")";
        try {
            List<Object> missing = connect(token, List.of(sideEffect, "1 + 1"));
            assertEquals(List.of(TokenCheck.REFUSED), missing, "no token: refused, and nothing else");
            List<Object> wrong = connect(token, List.of("not-the-token", sideEffect, "1 + 1"));
            assertEquals(List.of(TokenCheck.REFUSED), wrong, "a wrong token: refused, and nothing else");
            assertNull(System.getProperty(property), "the snippet sent without the token must not have run");

            List<Object> right = connect(token, List.of(token, sideEffect, "1 + 1", "/exit"));
            assertEquals(List.of(TokenCheck.ACCEPTED, "null", "2"), right, "with the right token the console accepts"
                    + " the client and answers each snippet");
            assertEquals("yes", System.getProperty(property), "with the token, the snippet ran");
        } finally {
            System.clearProperty(property);
        }
    }

    /** Runs one connection of the network console: types the lines and returns every answer until it ends. */
    private static List<Object> connect(String token, List<String> lines) throws Throwable {
        Scheduler scheduler = new Scheduler();
        Terminal client = new Terminal();
        new Graphline(children(entry("client", client), entry("console", Consoles.network(token))),
                links("client.outbox -> console.inbox", "console.outbox -> client.inbox",
                        "console.signal -> client.control")).activate(scheduler);
        InBackground running = InBackground.run(scheduler);
        try {
            lines.forEach(client::type);
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (!running.awaitEnd(Duration.ofMillis(50)) && System.nanoTime() < deadline) {
                running.rethrow();
            }
            assertTrue(client.isFinished(), "the console must end the connection: after a refused token, or after"
                    + " /exit");
            return client.unread();
        } finally {
            running.stop();
        }
    }

    @GradedTest(order = 22, value = "over TCP, the network console listens on loopback only, refuses a wrong or"
            + " missing token and closes the connection with nothing run, and runs snippets after the right token")
    void networkConsoleOverTcp() throws Throwable {
        assertThrows(IllegalArgumentException.class, () -> NetworkConsole.serve(new InetSocketAddress("0.0.0.0", 0),
                NetworkConsole.Reach.LOOPBACK_ONLY, "token"), "the wildcard address must be refused");
        String token = Consoles.newToken();
        String property = "stage12.tcp." + System.nanoTime();
        String sideEffect = "System.setProperty(\"" + property + "\", \"yes\")";
        Scheduler scheduler = new Scheduler();
        ServerCore server = NetworkConsole.serve(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                NetworkConsole.Reach.LOOPBACK_ONLY, token);
        Stopper stopper = Stopper.wiredTo(server, scheduler);
        InBackground running = InBackground.run(scheduler);
        try {
            try (LineClient missing = LineClient.connect(server.port(), running)) {
                missing.send(sideEffect + "\n");
                assertEquals(List.of(TokenCheck.REFUSED), missing.readUntilClosed(PATIENCE), "without the token the"
                        + " console refuses the client and closes");
            }
            try (LineClient wrong = LineClient.connect(server.port(), running)) {
                String wrongToken = (token.startsWith("0") ? "1" : "0") + token.substring(1);   // one digit off
                wrong.send(wrongToken + "\n" + sideEffect + "\n");
                assertEquals(List.of(TokenCheck.REFUSED), wrong.readUntilClosed(PATIENCE), "with a wrong token the"
                        + " console refuses the client and closes");
            }
            assertNull(System.getProperty(property), "a snippet sent without the right token must not run");
            try (LineClient right = LineClient.connect(server.port(), running)) {
                right.send(token + "\n" + sideEffect + "\n6 * 7\n/exit\n");
                assertEquals(List.of(TokenCheck.ACCEPTED, "null", "42"), right.readUntilClosed(PATIENCE), "with the"
                        + " right token the console accepts the client and answers each snippet");
            }
            assertEquals("yes", System.getProperty(property), "with the token, the snippet ran");
            stopper.go.countDown();
            assertTrue(running.awaitEnd(PATIENCE), "the server stops on a shutdown request");
        } finally {
            System.clearProperty(property);
            stopper.go.countDown();
            running.stop();
        }
    }

    @GradedTest(order = 21, value = "the console at the keyboard: lines read from a stream go to the interpreter, its"
            + " answers are printed, and it ends with the input")
    void consoleAtTheKeyboard() throws Throwable {
        ByteArrayInputStream keyboard = new ByteArrayInputStream(String.join("\n", "int n = 6;", "n * 7",
                "look().node(self.name()).isPresent()", "").getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        Scheduler scheduler = new Scheduler();
        Consoles.local(keyboard, new PrintStream(screen, true, StandardCharsets.UTF_8)).activate(scheduler);
        InBackground running = InBackground.run(scheduler);
        try {
            assertTrue(running.awaitEnd(PATIENCE), "the console ends when its input ends");
        } finally {
            running.stop();
        }
        assertEquals(List.of("6", "42", "true"), screen.toString(StandardCharsets.UTF_8).lines().toList(),
                "what the console printed: one answer per snippet");
    }
}
