package kamaelia.chassis;

import axon.Chassis;
import axon.Component;
import axon.Inbox;
import axon.Ipc;
import axon.Outbox;
import axon.Todo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import kamaelia.internet.ConnectedSocket;
import kamaelia.internet.Selector;
import kamaelia.internet.SelectorService;
import kamaelia.util.Metronome;

/**
 * A TCP server as a chassis: for every client that connects, it builds a new component
 * graph from a protocol factory and wires it to that client's socket, so that each
 * connection has a protocol of its own, as if it were the only one.
 *
 * <pre>{@code
 * ServerCore server = new ServerCore(() -> new PureTransformer(line -> line), 0);   // an echo server
 * System.out.println("listening on port " + server.port());
 * server.activate(scheduler);
 * scheduler.run();
 * }</pre>
 *
 * <h2>One connection</h2>
 * <pre>
 *   client  &lt;--TCP--&gt;  ConnectedSocket  --outbox--&gt;  inbox   protocol
 *                                       &lt;--inbox---  outbox
 *                                       --signal--&gt;  control
 *                                       &lt;-control--  signal
 * </pre>
 * The protocol receives each line the client sends as a {@code String} (UTF-8, without
 * its line end) on its {@code inbox}; each message it sends out of {@code outbox} is
 * written to the client, followed by {@code \n}. The two are also wired for shutdown, both
 * ways:
 * <ul>
 *   <li>when the protocol finishes (it passes its shutdown on out of {@code signal}),
 *       what it sent is written and the connection is closed;</li>
 *   <li>when the client disconnects, or the connection breaks, the socket tells the
 *       protocol through its {@code control}, and the protocol ends: a protocol must end
 *       on a shutdown message, as every kit component does.</li>
 * </ul>
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>It listens from construction: the constructor binds the address (127.0.0.1 unless
 *       told otherwise; port 0 picks a free port), and {@link #port()} is the port bound.
 *       A server that was built must be run and shut down, or the port stays taken.</li>
 *   <li>The protocol factory is called once per connection, on the scheduler's thread;
 *       it must return a new component, not activated.</li>
 *   <li>Bad clients never stop the server: a line over {@link #withMaxLineLength} bytes
 *       closes that connection with a message, a client that does not read is cut off
 *       when more than {@link #withMaxPendingOutput} bytes wait for it, and a broken
 *       connection is just closed. Past {@link #withMaxConnections} open connections, a
 *       new client is told the server is busy, and disconnected.</li>
 *   <li>Idle connections do not hold their places for ever: a connection over which
 *       nothing has passed for {@link #withIdleTimeout} ({@link #DEFAULT_IDLE_TIMEOUT}
 *       unless told otherwise) is closed with a line that says why, and so is one whose
 *       client has not sent a whole first line within {@link #withFirstLineTimeout} (no
 *       such limit unless told). A child {@link Metronome} ticks so that the time is
 *       looked at (every second, or more often for shorter time-outs).</li>
 *   <li>When {@code accept} fails (out of file descriptors, say), the server says so once
 *       on {@code System.err}, goes on serving the connections it has, and tries again at
 *       the next tick, without spinning; it says so again when it accepts once more. A
 *       connection that cannot be set up (a class that cannot be loaded for want of
 *       descriptors, a protocol factory that throws) is closed and logged, and the server
 *       goes on.</li>
 *   <li>A shutdown message on {@code control} stops the server: it closes the listening
 *       socket, closes every connection (which shuts every protocol down), and finishes
 *       once all of them have finished, passing the message on out of {@code signal}.</li>
 * </ul>
 * Configure it ({@code with...}) before it runs.
 */
@Inbox(name = "inbox", doc = "Not used")
@Inbox(name = "ready", doc = "Notices from the selector service that clients are waiting to be accepted")
@Inbox(name = "tick", doc = "Ticks from the child Metronome: time to look at idle connections and failed accepts")
@Outbox(name = "outbox", doc = "Not used: each connection's protocol talks to its own socket")
@Outbox(name = "selector", doc = "Watch and Forget requests for the listening socket, to the selector service")
@Chassis
public class ServerCore extends Component {
    /** How many connections may be open at once, unless told otherwise. */
    public static final int DEFAULT_MAX_CONNECTIONS = 1000;
    /** How long a connection may stay idle, unless told otherwise. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(5);
    /** The longest between two ticks: how late a time-out or a new try at accepting can be. */
    private static final Duration LONGEST_TICK = Duration.ofSeconds(1);
    /** How many connecting clients the operating system keeps waiting for an accept. */
    private static final int BACKLOG = 1024;
    /** The most connections one step accepts, so that a rush of clients does not hold up the others. */
    private static final int ACCEPT_BUDGET = 100;

    private final Supplier<? extends Component> protocol;
    private final ServerSocketChannel listener;
    private final InetSocketAddress address;
    private int maxLineLength = ConnectedSocket.DEFAULT_MAX_LINE_LENGTH;
    private int maxPendingOutput = ConnectedSocket.DEFAULT_MAX_PENDING_OUTPUT;
    private int maxConnections = DEFAULT_MAX_CONNECTIONS;
    private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
    private Duration firstLineTimeout = Duration.ZERO;
    private Metronome metronome;
    /** Accepting has failed and has not worked again since: the listener is not watched until the next tick. */
    private boolean acceptFailing = false;

    /** Each connection: its socket, and the protocol wired to it. */
    private final Map<ConnectedSocket, Component> connections = new LinkedHashMap<>();
    /** How many sockets are open: written on the scheduler's thread, read from any. */
    private volatile int open = 0;
    private boolean listening = false;
    private boolean stopping = false;

    /**
     * A server for {@code protocol} on {@code port} of the loopback address, 127.0.0.1, so
     * that only programs on this machine can connect. Port 0 picks a free port.
     *
     * @throws UncheckedIOException if the port cannot be bound, for example because it is taken
     */
    public ServerCore(Supplier<? extends Component> protocol, int port) {
        this(protocol, new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    }

    /**
     * A server for {@code protocol} on {@code address}. Think twice before you bind
     * anything but a loopback address: every machine that can reach it can connect.
     *
     * @throws UncheckedIOException if the address cannot be bound
     */
    public ServerCore(Supplier<? extends Component> protocol, InetSocketAddress address) {
        this.protocol = Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(address, "address");
        ServerSocketChannel channel = null;
        try {
            channel = ServerSocketChannel.open();
            channel.bind(address, BACKLOG);
            channel.configureBlocking(false);
            this.address = (InetSocketAddress) channel.getLocalAddress();
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot listen on " + address + ": " + e.getMessage()
                    + (address.getPort() != 0 ? " (is another server using port " + address.getPort()
                            + "? Port 0 picks a free one)" : ""), e);
        }
        this.listener = channel;
    }

    /** Refuses (closes with a message) lines longer than {@code bytes} bytes. Returns this server. */
    public ServerCore withMaxLineLength(int bytes) {
        this.maxLineLength = atLeastOne(bytes, "the line limit");
        return this;
    }

    /** Cuts off a client that does not read once more than {@code bytes} bytes wait for it. Returns this server. */
    public ServerCore withMaxPendingOutput(int bytes) {
        this.maxPendingOutput = atLeastOne(bytes, "the output limit");
        return this;
    }

    /** Turns new clients away while {@code count} connections are open. Returns this server. */
    public ServerCore withMaxConnections(int count) {
        this.maxConnections = atLeastOne(count, "the connection limit");
        return this;
    }

    /**
     * Closes a connection over which nothing has passed for {@code idle}: no byte from the
     * client, no message for it. {@link Duration#ZERO} means never (then idle clients can
     * hold every place, {@link #withMaxConnections}, for as long as they like). Returns
     * this server.
     */
    public ServerCore withIdleTimeout(Duration idle) {
        this.idleTimeout = notNegative(idle, "the idle time-out");
        return this;
    }

    /**
     * Closes a connection whose client has not sent a whole first line within
     * {@code firstLine} of connecting, as a protocol that starts with a password or a
     * token wants. {@link Duration#ZERO} (the default) means no such limit. Returns this
     * server.
     */
    public ServerCore withFirstLineTimeout(Duration firstLine) {
        this.firstLineTimeout = notNegative(firstLine, "the first-line time-out");
        return this;
    }

    /** The port the server listens on: the one chosen by the system if it was built with port 0. */
    public int port() {
        return address.getPort();
    }

    /** The address the server listens on. */
    public InetSocketAddress address() {
        return address;
    }

    /** How many connections are open now. Safe to call from any thread. */
    public int connections() {
        return open;
    }

    @Override
    protected boolean step() {
        if (!listening && !stopping) {
            link(outbox("selector"), SelectorService.inbox(scheduler()));
            watchForClients();
            startMetronome();
            listening = true;
        }
        if (shutdownRequested() && !stopping) {
            stopping = true;
            stopListening();
            closeEveryConnection();
        }
        boolean clientsWaiting = false;
        while (dataReady("ready")) {
            recv("ready");
            clientsWaiting = true;
        }
        if (clientsWaiting && !stopping && acceptWaitingClients()) {
            watchForClients();
        }
        if (ticked() && !stopping) {
            remindConnections();
            if (acceptFailing) {
                watchForClients(); // try again: the selector says at once if clients are still waiting
            }
        }
        if (!connections.isEmpty()) {
            forgetClosedConnections();
        }
        if (stopping && childrenDone()) {
            unlinkAll(); // the selector service lives on: leave nothing of this server linked to it
            passShutdownOn();
            return false;
        }
        pause();
        return true;
    }

    /**
     * Accepts the clients waiting, up to {@link #ACCEPT_BUDGET}: each gets a connection, or
     * is turned away. Returns whether to watch for more clients now: not when accepting
     * failed, which is tried again at the next tick rather than at once, in a loop.
     */
    private boolean acceptWaitingClients() {
        for (int i = 0; i < ACCEPT_BUDGET; i++) {
            SocketChannel channel;
            try {
                channel = listener.accept();
                if (channel == null) {
                    break; // nobody else is waiting
                }
            } catch (IOException e) {
                acceptFailed(e); // out of file descriptors, say
                return false;
            }
            acceptWorks();
            if (open >= maxConnections) {
                turnAway(channel);
            } else if (connectSafely(channel)) {
                open++;
            }
        }
        return true;
    }

    /** Connects one client; a failure loses that connection, never the server. Returns whether it worked. */
    private boolean connectSafely(SocketChannel channel) {
        List<Component> before = children();
        try {
            channel.configureBlocking(false);
            connect(channel);
            return true;
        } catch (IOException | LinkageError e) {
            System.err.println(name() + ": a connection could not be set up, so it is closed (" + e + ")");
            for (Component child : children()) {
                if (!before.contains(child)) {
                    removeChild(child); // half-built: it must not keep the server from ending
                }
            }
            connections.keySet().removeIf(socket -> socket.scheduler() == null);
            closeQuietly(channel);
            return false;
        }
    }

    private void acceptFailed(IOException e) {
        if (!acceptFailing) {
            acceptFailing = true;
            System.err.println(name() + ": cannot accept new connections (" + e.getMessage() + "); serving the "
                    + open + " open ones, and trying again every " + tickPeriod().toMillis() + " ms");
        }
    }

    private void acceptWorks() {
        if (acceptFailing) {
            acceptFailing = false;
            System.err.println(name() + ": accepting new connections again");
        }
    }

    /** Starts the child that ticks, so that time-outs and failed accepts are looked at. */
    private void startMetronome() {
        metronome = new Metronome(tickPeriod());
        addChild(metronome);
        link(metronome.outbox("outbox"), inbox("tick"));
        metronome.activate(scheduler());
    }

    /** Every second, or five times per time-out if one is shorter than five seconds. */
    private Duration tickPeriod() {
        Duration period = LONGEST_TICK;
        for (Duration timeout : List.of(idleTimeout, firstLineTimeout)) {
            if (!timeout.isZero() && timeout.dividedBy(5).compareTo(period) < 0) {
                period = timeout.dividedBy(5);
            }
        }
        return period.toMillis() < 1 ? Duration.ofMillis(1) : period;
    }

    private boolean ticked() {
        boolean ticked = false;
        while (dataReady("tick")) {
            recv("tick");
            ticked = true;
        }
        return ticked;
    }

    /** Passes a tick to every open connection, so that each looks at its time-outs. */
    private void remindConnections() {
        if (idleTimeout.isZero() && firstLineTimeout.isZero()) {
            return;
        }
        for (ConnectedSocket socket : new ArrayList<>(connections.keySet())) {
            if (!socket.isFinished()) {
                socket.inbox("timer").put(new Metronome.Tick());
            }
        }
    }

    /** Builds a new connection: a socket for {@code channel}, a protocol from the factory, wired together and started. */
    private void connect(SocketChannel channel) {
        // TODO stage 11: make a ConnectedSocket(channel, maxLineLength, maxPendingOutput), give it this server's time-outs (withTimeouts(idleTimeout, firstLineTimeout)), and a protocol (newProtocol()); adopt both (addChild); link socket outbox -> protocol inbox, protocol outbox -> socket inbox, socket signal -> protocol control, protocol signal -> socket control; remember the pair in connections; activate both on this server's scheduler
        throw new Todo(11);
    }

    /**
     * Forgets the connections that are over (socket and protocol both finished), and
     * counts the sockets still open. As children, each was let go with its links when it
     * finished (see {@code addChild}); the map of pairs is the server's own to empty.
     */
    private void forgetClosedConnections() {
        // TODO stage 11: remove from connections each pair whose socket and protocol have both finished (as children they were let go, with their links, when they finished); then set open to the number of sockets left that have not finished
        throw new Todo(11);
    }

    /** Closes every open connection at once; each socket then tells its protocol to stop. */
    private void closeEveryConnection() {
        // TODO stage 11: put a ShutdownMicroprocess into the control inbox of every socket that has not finished
        throw new Todo(11);
    }

    /** A new protocol graph from the factory, checked. */
    private Component newProtocol() {
        Component handler = protocol.get();
        if (handler == null || handler.scheduler() != null) {
            throw new IllegalStateException(name() + "'s protocol factory returned " + (handler == null ? "null"
                    : "the already active " + handler) + ": it must build a new component graph each time it is"
                    + " called, for example () -> new PureTransformer(line -> line)");
        }
        return handler;
    }

    private void watchForClients() {
        send(new Selector.Watch(listener, SelectionKey.OP_ACCEPT, inbox("ready")), "selector");
    }

    /** Closes the listening socket (the port is free once the selector has let go of it) and stops the metronome. */
    private void stopListening() {
        closeQuietly(listener);
        if (metronome != null) {
            metronome.inbox("control").put(new Ipc.ShutdownMicroprocess());
        }
        if (listening) {
            send(new Selector.Forget(listener), "selector");
        }
    }

    /** One client too many: tells it so, and closes. */
    private void turnAway(SocketChannel channel) {
        try {
            channel.write(ByteBuffer.wrap(("error: the server is busy (" + open + " connections): try again later\n")
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            // it has gone already
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(java.nio.channels.Channel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // closed anyway
            }
        }
    }

    private static Duration notNegative(Duration value, String what) {
        if (value.isNegative()) {
            throw new IllegalArgumentException(what + " cannot be negative, not " + value + " (Duration.ZERO means none)");
        }
        return value;
    }

    private static int atLeastOne(int value, String what) {
        if (value < 1) {
            throw new IllegalArgumentException(what + " must be at least 1, not " + value);
        }
        return value;
    }
}
