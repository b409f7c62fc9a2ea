package kamaelia.internet;

import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * The other end of a server chassis ({@code kamaelia.chassis.ServerCore}): a component that connects to a TCP server and
 * then works exactly like the server's own {@link ConnectedSocket}: each line the server
 * sends comes out of {@code outbox}, each message sent to {@code inbox} goes to the
 * server as a line.
 *
 * <pre>{@code
 * new Pipeline(new Source(List.of("hello", "world")), new TCPClient(port), new ConsolePrinter())
 *         .activate(scheduler);
 * }</pre>
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>It connects at its first step, without waiting: the selector service wakes it
 *       when the connection is made. Messages sent to it before then wait.</li>
 *   <li>{@link axon.Ipc.ProducerFinished} on {@code control} (what feeds it has finished):
 *       it sends what is waiting, tells the server there is no more (a half-close), and
 *       goes on passing on what the server sends until the server closes. The pipeline
 *       above prints the server's replies to both lines, then ends.</li>
 *   <li>When the server closes the connection, {@code ProducerFinished} goes out of
 *       {@code signal} and the client ends, once what is waiting has been sent.</li>
 *   <li>A connection that cannot be made (refused, unreachable) or breaks ends the client
 *       with {@link axon.Ipc.ShutdownMicroprocess} out of {@code signal}.</li>
 * </ul>
 * Lines, limits and errors are as for {@link ConnectedSocket}.
 */
public class TCPClient extends ConnectedSocket {
    /** A client of the server listening on {@code port} of this machine's loopback address, 127.0.0.1. */
    public TCPClient(int port) {
        this(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    }

    /**
     * A client of the server at {@code address}, which must be resolved already (resolving
     * a host name can block): {@code new InetSocketAddress(InetAddress.getByName(host), port)}
     * outside any component.
     */
    public TCPClient(InetSocketAddress address) {
        this(address, DEFAULT_MAX_LINE_LENGTH, DEFAULT_MAX_PENDING_OUTPUT);
    }

    /** A client of the server at {@code address}, with the given limits (see {@link ConnectedSocket}). */
    public TCPClient(InetSocketAddress address, int maxLineLength, int maxPendingOutput) {
        super(resolved(address), maxLineLength, maxPendingOutput);
    }

    private static InetSocketAddress resolved(InetSocketAddress address) {
        if (address.isUnresolved()) {
            throw new IllegalArgumentException(address + " is not resolved: resolve the host name before you make"
                    + " the client (new InetSocketAddress(InetAddress.getByName(host), port)), since looking a name"
                    + " up can block");
        }
        return address;
    }
}
