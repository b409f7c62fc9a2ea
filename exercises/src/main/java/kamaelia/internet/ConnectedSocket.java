package kamaelia.internet;

import axon.Component;
import axon.Inbox;
import axon.Ipc;
import axon.Linkage;
import axon.Outbox;
import axon.Todo;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Objects;
import kamaelia.util.Metronome;

/**
 * One TCP connection as a component: each line the peer sends comes out of
 * {@code outbox}, and each message sent to {@code inbox} goes to the peer as a line.
 * The server chassis ({@code kamaelia.chassis.ServerCore}) makes one for every client it
 * accepts; {@link TCPClient} is one that connects by itself.
 *
 * <h2>How it works</h2>
 * The socket is non-blocking: {@code read} and {@code write} take or give what they can at
 * once and never wait. Each step reads what has arrived, sends on every complete line,
 * writes what is waiting for the peer, and keeps what the socket would not take yet. When
 * there is nothing more to do, it asks the {@link Selector} service to wake it when the
 * socket can be read (or written, if output is waiting), and sleeps. A component that
 * waited in {@code read} would stop every other component; this one never does.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>Lines: a line ends at {@code \n}; a {@code \r} just before it is dropped too. Bytes
 *       are decoded as UTF-8; bytes that are not UTF-8 become U+FFFD, the replacement
 *       character. Each message on {@code inbox} is sent as {@code String.valueOf(message)}
 *       and {@code \n}, in UTF-8, in the order the messages arrived.</li>
 *   <li>A line longer than {@code maxLineLength} bytes (not counting its {@code \n}) is
 *       refused: the peer gets one line saying so, the rest of what it sends is thrown
 *       away, and the connection is closed.</li>
 *   <li>Output the socket does not take at once waits here, up to
 *       {@code maxPendingOutput} bytes; past that, the peer is not reading, and the
 *       connection is closed: a peer that does not read cannot make the program hold ever
 *       more memory. Set the limit above the largest burst a protocol sends at once.</li>
 *   <li>Exactly one message leaves through {@code signal}: {@link Ipc.ProducerFinished}
 *       when no more lines will come from the peer (it closed the connection or its
 *       sending side, or its input was refused), after which what is sent to
 *       {@code inbox} still goes to the peer; or {@link Ipc.ShutdownMicroprocess} when the
 *       connection ends abruptly first (it broke, the peer did not read, or a
 *       {@code ShutdownMicroprocess} arrived on {@code control}).</li>
 *   <li>{@link Ipc.ProducerFinished} on {@code control}, for a connection a server
 *       accepted (its protocol has finished): what is waiting is sent, the peer is told
 *       there is no more (a half-close), what it still sends is thrown away until it
 *       closes its side (at most 1 MiB), and the connection is closed.
 *       {@link Ipc.ShutdownMicroprocess}: closed at once. ({@link TCPClient} differs: see
 *       there.)</li>
 *   <li>A broken connection (reset by the peer, for example) is closed quietly, never
 *       thrown: one bad peer cannot stop the scheduler.</li>
 *   <li>Time-outs (none unless {@link #withTimeouts} sets them, as the server chassis
 *       does): a connection over which nothing has passed for the idle time-out (no byte
 *       from the peer, no message to send it), or whose peer has not sent a whole first
 *       line within the first-line time-out, is closed. The peer gets one line saying why,
 *       and {@link Ipc.ProducerFinished} goes out of {@code signal}; a peer that then
 *       does not close its side within the idle time-out again is cut off. Time is looked
 *       at only when a tick arrives on {@code timer} (or anything else wakes the
 *       socket): whoever sets the time-outs sends the ticks.</li>
 *   <li>When it finishes, the channel is closed, the selector has been told to forget
 *       it, and its own link to the selector service is undone: nothing live keeps a
 *       closed connection (or its buffers) reachable.</li>
 * </ul>
 */
@Inbox(name = "inbox", doc = "Lines to send to the peer, without their line ending")
@Inbox(name = "ready", doc = "Notices from the selector service that the socket can be read, written or connected")
@Inbox(name = "timer", doc = "Ticks from whoever keeps time (a ServerCore): at each, the time-outs are looked at")
@Outbox(name = "outbox", doc = "Each line the peer sends, as a String without its line ending")
@Outbox(name = "selector", doc = "Watch and Forget requests to the selector service")
public class ConnectedSocket extends Component {
    /** The longest line accepted unless told otherwise, in bytes. */
    public static final int DEFAULT_MAX_LINE_LENGTH = 64 * 1024;
    /** How many bytes may wait for a peer that does not read, unless told otherwise. */
    public static final int DEFAULT_MAX_PENDING_OUTPUT = 1024 * 1024;
    /** The most one step reads, so that one busy peer cannot hold up the others. */
    private static final int READ_BUDGET = 64 * 1024;
    /** The most a closing connection throws away while it waits for the peer to close its side. */
    private static final int DISCARD_BUDGET = 1024 * 1024;

    static {
        // The classes a socket needs in order to close, loaded with this one: a program that
        // has run out of file descriptors cannot read a class file, and a socket must still be
        // able to close (which gives a descriptor back) rather than fail.
        loadNow(Ipc.ShutdownMicroprocess.class, Ipc.ProducerFinished.class, Selector.Forget.class,
                Selector.Watch.class, Selector.Ready.class, Metronome.Tick.class, Linkage.class);
    }

    /** Does nothing: naming a class is what loads it. */
    private static void loadNow(Class<?>... classes) {
    }

    private final int maxLineLength;
    private final int maxPendingOutput;
    /** Where a client connects to; null for a connection a server accepted. */
    private final InetSocketAddress connectTo;
    private SocketChannel channel;

    // Reading: the buffer read() fills, and the bytes of the line that has not ended yet.
    private final ByteBuffer received = ByteBuffer.allocate(8192);
    private final ByteArrayOutputStream partialLine = new ByteArrayOutputStream();
    // Writing: the bytes waiting for the peer, oldest first, and how many there are.
    private final ArrayDeque<ByteBuffer> unsent = new ArrayDeque<>();
    private long unsentBytes = 0;

    // Where the connection is.
    private boolean watching = false;
    private boolean connected;
    /** The operations the selector watches for this socket now. */
    private int armed = 0;
    /** The peer has stopped sending (end of stream). */
    private boolean peerDone = false;
    /** What the peer still sends is thrown away (the connection is closing). */
    private boolean discarding = false;
    private long discarded = 0;
    /** Close once everything waiting has been sent. */
    private boolean finishing = false;
    /** Close now, without sending what is waiting. */
    private boolean abandoned = false;
    /** The peer has been told there is no more (half-close). */
    private boolean outputShut = false;
    private boolean signalled = false;

    // Time-outs, in nanoseconds (0: none), and what they are measured from.
    private long idleTimeout = 0;
    private long firstLineTimeout = 0;
    private final long opened = System.nanoTime();
    private long lastActive = opened;
    private boolean heardALine = false;
    private boolean timedOut = false;

    /**
     * A connection a server has accepted, with its limits in bytes.
     *
     * @throws IllegalArgumentException if {@code channel} is in blocking mode: a blocking
     *         read would stop every component
     */
    public ConnectedSocket(SocketChannel channel, int maxLineLength, int maxPendingOutput) {
        this(nonBlocking(channel), null, maxLineLength, maxPendingOutput);
    }

    /** For {@link TCPClient}: a connection to {@code address}, opened at the first step. */
    ConnectedSocket(InetSocketAddress address, int maxLineLength, int maxPendingOutput) {
        this(null, Objects.requireNonNull(address, "address"), maxLineLength, maxPendingOutput);
    }

    private ConnectedSocket(SocketChannel channel, InetSocketAddress connectTo, int maxLineLength,
            int maxPendingOutput) {
        if (maxLineLength < 1 || maxPendingOutput < 1) {
            throw new IllegalArgumentException("the line and output limits must be at least 1 byte, not "
                    + maxLineLength + " and " + maxPendingOutput);
        }
        this.channel = channel;
        this.connectTo = connectTo;
        this.connected = channel != null;
        this.maxLineLength = maxLineLength;
        this.maxPendingOutput = maxPendingOutput;
    }

    private static SocketChannel nonBlocking(SocketChannel channel) {
        if (Objects.requireNonNull(channel, "channel").isBlocking()) {
            throw new IllegalArgumentException(channel + " is in blocking mode: call configureBlocking(false) on it"
                    + " first, or a read would stop every component while it waits");
        }
        return channel;
    }

    /**
     * Sets the time-outs (see the class comment); {@link Duration#ZERO} means none. Call it
     * before the socket runs; the ticks that make it look at the time come on
     * {@code timer}. Returns this socket.
     */
    public ConnectedSocket withTimeouts(Duration idle, Duration firstLine) {
        if (idle.isNegative() || firstLine.isNegative()) {
            throw new IllegalArgumentException("a time-out cannot be negative: " + idle + ", " + firstLine
                    + " (Duration.ZERO means none)");
        }
        this.idleTimeout = idle.toNanos();
        this.firstLineTimeout = firstLine.toNanos();
        return this;
    }

    @Override
    protected boolean step() {
        try {
            if (shutdownRequested()) {
                if (shutdownMessage() instanceof Ipc.ShutdownMicroprocess) {
                    return close(shutdownMessage());
                }
                finish(); // ProducerFinished: whoever fed us has finished
            }
            if (!watching) {
                startWatching();
            }
            takeNotices();
            if (!connected && !finishConnecting()) {
                return sleepUntilReady();
            }
            readFromPeer();
            sendToPeer();
            lookAtTheTime();
            if (abandoned || discarded > DISCARD_BUDGET) {
                return close(new Ipc.ShutdownMicroprocess());
            }
            if (finishing && unsent.isEmpty()) {
                if (peerDone) {
                    return close(new Ipc.ProducerFinished());
                }
                shutOutput(); // then wait for the peer to close its side
            }
        } catch (IOException e) {
            return close(new Ipc.ShutdownMicroprocess()); // reset, broken pipe: the connection is gone
        } catch (LinkageError e) {
            // a class could not be loaded, most likely for want of file descriptors: lose this connection, not the program
            return close(new Ipc.ShutdownMicroprocess());
        }
        return sleepUntilReady();
    }

    /**
     * Reads what the peer has sent, without waiting: until {@code read} returns 0 (nothing
     * more for now), -1 (the peer has stopped sending) or {@link #READ_BUDGET} bytes have
     * been read. Sends each complete line on, refuses a line that grows too long, and
     * throws the bytes away instead while {@code discarding}.
     */
    private void readFromPeer() throws IOException {
        // TODO stage 11: loop while !peerDone and less than READ_BUDGET was read: received.clear(); n = channel.read(received); 0 means nothing more now (return), -1 means the peer stopped sending (peerStoppedSending(), return); otherwise flip and take each byte: when discarding just count it in discarded; '\n' ends a line (lineEnded()); a line that would grow past maxLineLength is refused (refuse(...), then carry on discarding); other bytes go to partialLine
        throw new Todo(11);
    }

    /** A whole line has arrived: sends it on as text, without its line end. */
    private void lineEnded() {
        String line = partialLine.toString(StandardCharsets.UTF_8);
        partialLine.reset();
        heardALine = true;
        if (line.endsWith("\r")) {
            line = line.substring(0, line.length() - 1);
        }
        send(line, "outbox");
    }

    /** The peer has stopped sending: sends on its last line if it had no end, then says no more are coming. */
    private void peerStoppedSending() {
        peerDone = true;
        if (partialLine.size() > 0 && !discarding) {
            lineEnded();
        }
        signal(new Ipc.ProducerFinished());
        if (connectTo != null) {
            finish(); // a client whose server has closed: send what is waiting, then close
        }
    }

    /** Refuses the peer's input: tells it why, throws away what it sends from now on, and closes. */
    private void refuse(String why) {
        partialLine.reset();
        discarding = true;
        signal(new Ipc.ProducerFinished()); // no more lines are coming: whoever reads them can finish
        queue((why + "\n").getBytes(StandardCharsets.UTF_8));
        finishing = true;
    }

    /**
     * Moves the messages waiting in {@code inbox} into the output as lines, then writes as
     * much output as the socket takes now, without waiting; what it does not take stays,
     * oldest first. Closes the connection if more than {@code maxPendingOutput} bytes
     * would be left waiting.
     */
    private void sendToPeer() throws IOException {
        // TODO stage 11: for each message in inbox: queue(bytes of String.valueOf(message) + "\n" in UTF-8) (skip them once outputShut); if unsentBytes > maxPendingOutput, write() and, if still over, tooSlow() and return. Then write() (below)
        throw new Todo(11);
    }

    // TODO stage 11: write(): while unsent is not empty, write its first buffer (unsentBytes -= what channel.write took); stop when that buffer still has bytes left (the socket is full), else remove it
    private void write() throws IOException {
    }

    /** Adds bytes at the end of what waits for the peer. */
    private void queue(byte[] bytes) {
        unsent.addLast(ByteBuffer.wrap(bytes));
        unsentBytes += bytes.length;
    }

    /** The peer does not read: drops what waits for it, tries to say why, and has the connection closed. */
    private void tooSlow() throws IOException {
        unsent.clear();
        unsentBytes = 0;
        queue(("error: more than " + maxPendingOutput + " bytes are waiting for you to read them, so this"
                + " connection is closed\n").getBytes(StandardCharsets.UTF_8));
        write(); // most likely the socket takes none of it: the close is what counts
        abandoned = true;
    }

    /** Send what is waiting, then close. A server's socket has nobody left to give the peer's lines to. */
    private void finish() {
        finishing = true;
        if (connectTo == null) {
            discarding = true;
        }
    }

    /** Everything has been sent: tells the peer there is no more, and waits for it to close its side. */
    private void shutOutput() throws IOException {
        if (!outputShut) {
            channel.shutdownOutput();
            outputShut = true;
        }
    }

    /** Sends {@code message} out of {@code signal}, unless a message has left that way already. */
    private void signal(Ipc message) {
        if (!signalled) {
            signalled = true;
            send(message, "signal");
        }
    }

    /** Closes the channel, tells the selector to forget it, and finishes. */
    private boolean close(Ipc why) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // closed anyway
            }
            if (watching) {
                send(new Selector.Forget(channel), "selector");
            }
        }
        unlinkAll(); // the selector service lives on: a link left to it would keep this socket, and its buffers, for good
        signal(why);
        return false;
    }

    /** At the first step: opens a client's channel and starts connecting; links to the selector service. */
    private void startWatching() throws IOException {
        watching = true;
        link(outbox("selector"), SelectorService.inbox(scheduler()));
        if (channel == null) {
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            connected = channel.connect(connectTo);
        }
    }

    /** Takes the selector's notices: what they report is no longer watched. */
    private void takeNotices() {
        while (dataReady("ready")) {
            if (recv("ready") instanceof Selector.Ready(int ops)) {
                armed &= ~ops;
                lastActive = System.nanoTime(); // the peer sent, read or closed something
            }
        }
        if (dataReady("inbox")) {
            lastActive = System.nanoTime(); // there is something to send it
        }
    }

    /**
     * Takes the ticks, and closes the connection if a time-out has passed: first politely
     * (a line to say why, then a close once it is sent), then, if the peer still holds on
     * for the idle time-out again, at once.
     */
    private void lookAtTheTime() throws IOException {
        while (dataReady("timer")) {
            recv("timer");
        }
        long now = System.nanoTime();
        if (idleTimeout > 0 && now - lastActive > idleTimeout) {
            if (timedOut || finishing) {
                abandoned = true; // it was asked to go and has not: cut it off
            } else {
                timeOut("error: nothing came or went for " + seconds(idleTimeout) + ", so this connection is closed");
            }
        } else if (firstLineTimeout > 0 && !heardALine && !timedOut && now - opened > firstLineTimeout) {
            timeOut("error: no line came within " + seconds(firstLineTimeout) + " of connecting, so this connection"
                    + " is closed");
        }
    }

    private void timeOut(String why) throws IOException {
        timedOut = true;
        lastActive = System.nanoTime(); // the peer has the idle time-out again to read this and close
        if (!peerDone && !discarding) {
            refuse(why);
        } else {
            queue((why + "\n").getBytes(StandardCharsets.UTF_8));
            finish();
        }
        write();
    }

    private static String seconds(long nanos) {
        Duration duration = Duration.ofNanos(nanos);
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    /** A client's connection attempt: whether it has succeeded (throws if it failed). */
    private boolean finishConnecting() throws IOException {
        connected = channel.finishConnect();
        return connected;
    }

    /** Asks the selector to watch for what this socket waits for, unless it does already, then sleeps. */
    private boolean sleepUntilReady() {
        int wanted = 0;
        if (!connected) {
            wanted = SelectionKey.OP_CONNECT;
        } else {
            wanted |= peerDone ? 0 : SelectionKey.OP_READ;
            wanted |= unsent.isEmpty() ? 0 : SelectionKey.OP_WRITE;
        }
        if (wanted != armed) {
            send(new Selector.Watch(channel, wanted, inbox("ready")), "selector");
            armed = wanted;
        }
        pause();
        return true;
    }
}
