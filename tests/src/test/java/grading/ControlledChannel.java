package grading;

import axon.Box;
import axon.Component;
import axon.Scheduler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketOption;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.channels.spi.SelectorProvider;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import kamaelia.internet.ConnectedSocket;
import kamaelia.internet.Selector;
import kamaelia.internet.SelectorService;
import kamaelia.util.Recorder;

/**
 * A non-blocking socket channel whose other end is the test: it gives to {@code read}
 * what the test lets the peer send, and takes from {@code write} only as many bytes as
 * the test gives it room for. With {@link ReadyNotices} standing in for the selector
 * service, a {@code ConnectedSocket} runs on it cycle by cycle, without the operating
 * system's buffers deciding how much a read or a write moves.
 */
public final class ControlledChannel extends SocketChannel {
    /** Room without end: the peer reads everything at once. */
    static final int UNLIMITED = Integer.MAX_VALUE;
    private static final byte[] FLOOD_LINE = "a line of a peer that sends without end, 64 bytes with its end.\n"
            .getBytes(StandardCharsets.UTF_8);

    /** The addresses a controlled channel reports; no socket is bound to either. */
    static final InetSocketAddress HERE = new InetSocketAddress("127.0.0.1", 8765);
    static final InetSocketAddress PEER = new InetSocketAddress("127.0.0.1", 50123);

    private byte[] incoming = new byte[0];
    private int incomingAt = 0;
    private long flood = 0;
    private long floodAt = 0;
    private long given = 0;
    private int room = UNLIMITED;
    private final ByteArrayOutputStream taken = new ByteArrayOutputStream();
    private boolean outputShut = false;
    private boolean peerClosed = false;

    public ControlledChannel() throws IOException {
        super(SelectorProvider.provider());
        configureBlocking(false);
    }

    /**
     * Starts {@code socket}, made on a controlled channel whose {@link ReadyNotices} run on
     * {@code scheduler}, with a new Recorder as its protocol (the socket's outbox and signal
     * go to the recorder's inbox and control); returns the recorder once both have started.
     */
    public static Recorder startWithRecorder(ConnectedSocket socket, Scheduler scheduler) {
        Recorder protocol = Wiring.collectorOf(scheduler, socket);
        scheduler.runCycles(20);
        return protocol;
    }

    /** The peer sends {@code text} (UTF-8): the next reads give it. */
    public synchronized void peerSends(String text) {
        byte[] more = text.getBytes(StandardCharsets.UTF_8);
        byte[] left = java.util.Arrays.copyOfRange(incoming, incomingAt, incoming.length);
        incoming = new byte[left.length + more.length];
        System.arraycopy(left, 0, incoming, 0, left.length);
        System.arraycopy(more, 0, incoming, left.length, more.length);
        incomingAt = 0;
    }

    /** The peer closes its sending side: once what it sent has been read, reads give -1. */
    public synchronized void peerCloses() {
        peerClosed = true;
    }

    /** The peer sends {@code bytes} bytes of 64-byte lines, as fast as they are read. */
    synchronized void flood(long bytes) {
        flood += bytes;
    }

    /** From now on, writes take at most {@code bytes} bytes in all ({@link #UNLIMITED}: everything). */
    synchronized void room(int bytes) {
        room = bytes;
    }

    /** What the reads have given so far, in bytes. */
    synchronized long given() {
        return given;
    }

    /** What the writes have taken so far, as text. */
    public synchronized String taken() {
        return taken.toString(StandardCharsets.UTF_8);
    }

    /** Whether the socket has told the peer there is no more (a half-close). */
    public synchronized boolean outputShut() {
        return outputShut;
    }

    /** What a selector would report this channel ready for now. */
    synchronized int readyOps() {
        int ops = 0;
        if (incomingAt < incoming.length || flood > 0 || peerClosed) {
            ops |= SelectionKey.OP_READ;
        }
        if (room > 0) {
            ops |= SelectionKey.OP_WRITE;
        }
        return ops;
    }

    @Override
    public synchronized int read(ByteBuffer dst) throws IOException {
        ensureOpen();
        int n = 0;
        while (dst.hasRemaining() && incomingAt < incoming.length) {
            dst.put(incoming[incomingAt++]);
            n++;
        }
        while (dst.hasRemaining() && flood > 0) {
            dst.put(FLOOD_LINE[(int) (floodAt++ % FLOOD_LINE.length)]);
            flood--;
            n++;
        }
        given += n;
        return n == 0 && peerClosed ? -1 : n;
    }

    @Override
    public synchronized int write(ByteBuffer src) throws IOException {
        ensureOpen();
        int n = Math.min(src.remaining(), room);
        if (room != UNLIMITED) {
            room -= n;
        }
        byte[] bytes = new byte[n];
        src.get(bytes);
        taken.writeBytes(bytes);
        return n;
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        return inTurn(dsts, offset, length, this::read);
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        return inTurn(srcs, offset, length, this::write);
    }

    /** One buffer's read or write. */
    private interface Transfer {
        int apply(ByteBuffer buffer) throws IOException;
    }

    /** A scattering read or gathering write: {@code transfer} on each buffer in turn; the bytes moved in all. */
    private static long inTurn(ByteBuffer[] buffers, int offset, int length, Transfer transfer) throws IOException {
        long n = 0;
        for (int i = offset; i < offset + length; i++) {
            n += transfer.apply(buffers[i]);
        }
        return n;
    }

    @Override
    public synchronized SocketChannel shutdownOutput() throws IOException {
        ensureOpen();
        outputShut = true;
        return this;
    }

    @Override
    public SocketChannel shutdownInput() {
        return this;
    }

    private void ensureOpen() throws ClosedChannelException {
        if (!isOpen()) {
            throw new ClosedChannelException();
        }
    }

    @Override
    public boolean isConnected() {
        return true;
    }

    @Override
    public boolean isConnectionPending() {
        return false;
    }

    @Override
    public boolean connect(SocketAddress remote) {
        throw new UnsupportedOperationException("a controlled channel is connected from the start");
    }

    @Override
    public boolean finishConnect() {
        return true;
    }

    /**
     * The peer's address: made up, as there is no peer, but a connected channel has one
     * (null would mean "not connected"), and code that names a connection in a message
     * should read a plausible address, not "null". Closed, it throws, as a real channel does.
     */
    @Override
    public SocketAddress getRemoteAddress() throws IOException {
        ensureOpen();
        return PEER;
    }

    /** This end's address: made up too, the port a server in a test might listen on. */
    @Override
    public SocketAddress getLocalAddress() throws IOException {
        ensureOpen();
        return HERE;
    }

    @Override
    public SocketChannel bind(SocketAddress local) {
        throw new UnsupportedOperationException("a controlled channel is connected from the start");
    }

    @Override
    public <T> SocketChannel setOption(SocketOption<T> name, T value) {
        return this;
    }

    @Override
    public <T> T getOption(SocketOption<T> name) {
        return null;
    }

    @Override
    public Set<SocketOption<?>> supportedOptions() {
        return Set.of();
    }

    @Override
    public Socket socket() {
        throw new UnsupportedOperationException("a controlled channel has no socket");
    }

    @Override
    protected void implCloseSelectableChannel() {
        // nothing to release; isOpen() is false from now on
    }

    @Override
    protected void implConfigureBlocking(boolean block) {
        // reads and writes never wait
    }

    @Override
    public String toString() {
        return "a controlled channel";
    }

    /**
     * Stands in for the selector service of one scheduler: answers each
     * {@link Selector.Watch} with a {@link Selector.Ready} as soon as the controlled
     * channel is ready for some of what is watched, the way the real one does, and
     * remembers a {@link Selector.Forget}. It never sleeps: run it with
     * {@link Scheduler#runCycles}.
     */
    public static final class ReadyNotices extends Component {
        private final ControlledChannel channel;
        private int watched = 0;
        private Box owner;
        private boolean forgotten = false;

        /** Registers itself as {@code scheduler}'s selector service, and starts. */
        public ReadyNotices(ControlledChannel channel, Scheduler scheduler) {
            this.channel = channel;
            scheduler.services().register(SelectorService.NAME, inbox("inbox"));
            activate(scheduler);
        }

        /** Whether the socket has asked to forget the channel. */
        boolean forgotten() {
            return forgotten;
        }

        @Override
        protected boolean step() {
            while (dataReady("inbox")) {
                Object request = recv("inbox");
                if (request instanceof Selector.Watch(var ignored, int ops, Box inbox)) {
                    watched = ops;
                    owner = inbox;
                } else if (request instanceof Selector.Forget) {
                    forgotten = true;
                    watched = 0;
                }
            }
            int ready = watched & channel.readyOps();
            if (ready != 0) {
                watched = 0; // what is reported is no longer watched, as with the real selector
                owner.put(new Selector.Ready(ready));
            }
            return !shutdownRequested();
        }
    }
}
