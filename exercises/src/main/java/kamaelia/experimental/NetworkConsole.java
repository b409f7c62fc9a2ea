package kamaelia.experimental;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import kamaelia.chassis.ServerCore;

/**
 * The rules for where a network console may listen: it runs any Java it is sent, so by
 * default only programs on the same machine may reach it.
 *
 * <pre>{@code
 * String token = Consoles.newToken();
 * ServerCore server = NetworkConsole.serve(new InetSocketAddress("127.0.0.1", 0), Reach.LOOPBACK_ONLY, token);
 * System.out.println("port " + server.port() + ", token " + token);   // for the person who started it
 * server.activate(scheduler);
 * }</pre>
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>With {@link Reach#LOOPBACK_ONLY}, an address that is not a loopback address
 *       ({@code 127.0.0.1}, {@code ::1}, {@code localhost}) is refused with an
 *       {@link IllegalArgumentException} whose message says why and what to do; so is
 *       the wildcard address ({@code 0.0.0.0}), which listens on every network.</li>
 *   <li>{@link Reach#ANY_ADDRESS} accepts any address: the one way to let other machines
 *       in, and it has to be written out.</li>
 *   <li>An address whose name cannot be resolved is refused either way.</li>
 *   <li>Whoever has the token is trusted with the whole program: a snippet runs with the
 *       program's rights, and {@code System.exit} in a snippet ends the program for every
 *       user. Java has no way to forbid that to code inside the program; keep the token
 *       to yourself.</li>
 *   <li>A client has {@link #TOKEN_DEADLINE} to send its first line, the token, and a
 *       session over which nothing passes for {@link #IDLE_TIMEOUT} is closed: idle
 *       connections cannot hold every place and lock the owner out. Change either on the
 *       server {@link #serve} returns, before it runs.</li>
 * </ul>
 */
public final class NetworkConsole {
    /** How long a new client has to send the token. */
    public static final Duration TOKEN_DEADLINE = Duration.ofSeconds(5);
    /** How long a console session may stay idle before it is closed. */
    public static final Duration IDLE_TIMEOUT = Duration.ofMinutes(30);

    private NetworkConsole() {
    }

    /** Who may reach a network console. */
    public enum Reach {
        /** Only programs on this machine (the default, and the safe choice). */
        LOOPBACK_ONLY,
        /** Anyone who can reach the address: with the token, they run any Java on this machine. */
        ANY_ADDRESS
    }

    /**
     * A server whose every connection is a network console ({@link Consoles#network}),
     * listening on {@code address} once {@link #checked} allows it, with the
     * {@link #TOKEN_DEADLINE} and the {@link #IDLE_TIMEOUT}.
     *
     * @throws IllegalArgumentException if the address is refused, or the token is blank
     * @throws java.io.UncheckedIOException if the address cannot be bound
     */
    public static ServerCore serve(InetSocketAddress address, Reach reach, String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("a network console needs a token: make one with"
                    + " Consoles.newToken()");
        }
        return new ServerCore(() -> Consoles.network(token), checked(address, reach))
                .withFirstLineTimeout(TOKEN_DEADLINE)
                .withIdleTimeout(IDLE_TIMEOUT);
    }

    /**
     * The address, if a console may listen there.
     *
     * @throws IllegalArgumentException if the address is not loopback and {@code reach}
     *         is {@link Reach#LOOPBACK_ONLY}, or if it cannot be resolved
     */
    public static InetSocketAddress checked(InetSocketAddress address, Reach reach) {
        InetAddress host = address.getAddress();
        if (host == null) {
            throw new IllegalArgumentException("the network console cannot listen on "
                    + address.getHostString() + ": no such host. Use 127.0.0.1");
        }
        if (reach == Reach.LOOPBACK_ONLY && !host.isLoopbackAddress()) {
            String where = host.isAnyLocalAddress() ? "is every network of this machine"
                    : "can be reached from other machines";
            throw new IllegalArgumentException("the network console runs any Java it is sent, so it"
                    + " listens on the loopback address only (127.0.0.1 or ::1); "
                    + host.getHostAddress() + " " + where + ". Use 127.0.0.1 (and an SSH tunnel"
                    + " from elsewhere), or, if you really mean to let other machines in, say so"
                    + " with Reach.ANY_ADDRESS");
        }
        return address;
    }
}
