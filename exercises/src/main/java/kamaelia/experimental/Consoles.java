package kamaelia.experimental;

import axon.Component;
import java.io.InputStream;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import kamaelia.chassis.Graphline;
import kamaelia.util.ConsolePrinter;
import kamaelia.util.ConsoleReader;

/**
 * Ready-wired consoles into a running system: an {@link Interpreter} with an
 * {@link Introspector} to answer its {@code look()}, fed from the keyboard or from a
 * network connection.
 *
 * <pre>{@code
 * Consoles.local(System.in, System.out).activate(scheduler);    // beside the system to look at
 * }</pre>
 */
public final class Consoles {
    private Consoles() {
    }

    /**
     * A console on two streams: lines read from {@code in} go to an interpreter, its
     * answers are printed to {@code out}. It ends when the input ends or a snippet line
     * says {@code /exit}.
     */
    public static Component local(InputStream in, PrintStream out) {
        return local(new Interpreter(), in, out);
    }

    /** The same, around a given interpreter (to watch it end, say). */
    public static Component local(Interpreter interpreter, InputStream in, PrintStream out) {
        Map<String, Component> children = new LinkedHashMap<>();
        children.put("reader", new ConsoleReader(in));
        children.put("interpreter", interpreter);
        children.put("introspector", new Introspector());
        children.put("printer", new ConsolePrinter(out));
        return new Graphline(children, Map.of(
                "reader.outbox", "interpreter.inbox",
                "reader.signal", "interpreter.control",
                "interpreter.outbox", "printer.inbox",
                "interpreter.questions", "introspector.inbox",
                "introspector.outbox", "interpreter.answers",
                "interpreter.signal", "introspector.control",
                "introspector.signal", "printer.control",
                "printer.signal", "self.signal"));
    }

    /**
     * What serves one network connection: a {@link TokenCheck} in front of an
     * interpreter. The connection's lines arrive on {@code inbox}; what the client is told
     * (the token's fate, then one answer per snippet) leaves through {@code outbox}. It
     * ends, closing the connection, when the token is wrong, when a line says
     * {@code /exit}, or when it is shut down. When the client leaves, a snippet still
     * running is stopped (see {@link Interpreter#stoppingWhenInputEnds()}).
     *
     * @throws IllegalArgumentException if the token is blank
     */
    public static Component network(String token) {
        Map<String, Component> children = new LinkedHashMap<>();
        children.put("check", new TokenCheck(token));
        children.put("interpreter", new Interpreter().stoppingWhenInputEnds());   // the client has gone
        children.put("introspector", new Introspector());
        return new Graphline(children, Map.of(
                "self.inbox", "check.inbox",
                "check.outbox", "interpreter.inbox",
                "check.replies", "self.outbox",
                "check.signal", "interpreter.control",
                "interpreter.outbox", "self.outbox",
                "interpreter.questions", "introspector.inbox",
                "introspector.outbox", "interpreter.answers",
                "interpreter.signal", "introspector.control",
                "introspector.signal", "self.signal"));
    }

    /** A new random token: 128 bits from a {@link SecureRandom}, as 32 hexadecimal digits. */
    public static String newToken() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
