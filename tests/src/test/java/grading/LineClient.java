package grading;

import static org.junit.jupiter.api.Assertions.fail;

import grading.support.WaitedInVain;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A plain blocking TCP client for the network tests, the way {@code nc} would talk to a
 * server: it writes bytes and reads lines. While it waits for the server it keeps looking
 * at the scheduler running in the background, so that an exception there (a
 * {@code Todo} in unwritten code, say) ends the wait at once instead of a time-out.
 */
public final class LineClient implements AutoCloseable {
    /** How long one read waits before looking at the scheduler again. */
    private static final int POLL_MILLIS = 20;

    private final Socket socket;
    private final InputStream in;
    /** What has been read and not yet returned: buffer[start..end). */
    private final byte[] buffer = new byte[64 * 1024];
    private int start = 0;
    private int end = 0;
    private final OutputStream out;
    private final InBackground running;

    private LineClient(Socket socket, InBackground running) throws IOException {
        this.socket = socket;
        this.running = running;
        socket.setSoTimeout(POLL_MILLIS);
        socket.setTcpNoDelay(true);
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /** Connects to {@code port} on 127.0.0.1. */
    static LineClient connect(int port, InBackground running) throws IOException {
        return connect(port, running, 0);
    }

    /** Connects to {@code port} on 127.0.0.1, with a small receive buffer if {@code receiveBuffer} is positive. */
    static LineClient connect(int port, InBackground running, int receiveBuffer) throws IOException {
        Socket socket = new Socket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
        return new LineClient(socket, running);
    }

    Socket socket() {
        return socket;
    }

    /** Sends text as UTF-8, as it is: add the "\n" yourself. */
    public LineClient send(String text) throws IOException {
        return sendBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    LineClient sendBytes(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /** Sends {@code pieces} as UTF-8 with a pause between them: see {@link #sendApart(byte[]...)}. */
    LineClient sendApart(String... pieces) throws IOException, InterruptedException {
        return sendApart(Arrays.stream(pieces).map(piece -> piece.getBytes(StandardCharsets.UTF_8))
                .toArray(byte[][]::new));
    }

    /**
     * Sends {@code pieces} one after the other with a pause of 20 ms between them, so that
     * the server most likely reads them apart (a server must work either way).
     */
    LineClient sendApart(byte[]... pieces) throws IOException, InterruptedException {
        for (int i = 0; i < pieces.length; i++) {
            if (i > 0) {
                Thread.sleep(20);
            }
            sendBytes(pieces[i]);
        }
        return this;
    }

    /**
     * The next line from the server, without its "\n", or {@code null} at the end of the
     * stream; fails if none has come within {@code patience}.
     */
    public String readLine(Duration patience) throws Throwable {
        long deadline = System.nanoTime() + patience.toNanos();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            for (int i = start; i < end; i++) {
                if (buffer[i] == '\n') {
                    line.write(buffer, start, i - start);
                    start = i + 1;
                    return line.toString(StandardCharsets.UTF_8);
                }
            }
            line.write(buffer, start, end - start);
            start = end = 0;
            int n;
            try {
                n = in.read(buffer);
            } catch (SocketTimeoutException e) {
                running.rethrow();
                if (System.nanoTime() > deadline) {
                    throw WaitedInVain.of("the server sent no complete line within " + patience.toMillis() + " ms"
                            + (line.size() > 0 ? " (it sent \"" + line.toString(StandardCharsets.UTF_8) + "\" and no \\n)" : ""));
                }
                continue;
            }
            if (n < 0) {
                return line.size() > 0 ? line.toString(StandardCharsets.UTF_8) : null;
            }
            end = n;
        }
    }

    /** The next {@code count} lines; fails if the connection ends before, or a line takes longer than {@code patience}. */
    List<String> readLines(int count, Duration patience) throws Throwable {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String line;
            try {
                line = readLine(patience);
            } catch (WaitedInVain e) {
                throw e.saying(", after " + lines.size() + " of the " + count + " lines expected: " + lines);
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + ", after " + lines.size() + " of the " + count
                        + " lines expected: " + lines, e);
            }
            if (line == null) {
                fail("the connection was closed after " + lines.size() + " of " + count + " lines: " + lines);
            }
            lines.add(line);
        }
        return lines;
    }

    /**
     * Reads until the server closes the connection (end of stream, or a reset), within
     * {@code patience}; returns the lines read on the way.
     */
    public List<String> readUntilClosed(Duration patience) throws Throwable {
        long deadline = System.nanoTime() + patience.toNanos();
        List<String> lines = new ArrayList<>();
        while (true) {
            Duration left = Duration.ofNanos(deadline - System.nanoTime());
            if (left.isNegative()) {
                failNotClosed(patience, lines);
            }
            String line;
            try {
                line = readLine(left);
            } catch (SocketException e) {
                return lines; // reset: closed too
            } catch (AssertionError e) {
                running.rethrow();
                failNotClosed(patience, lines);   // nothing more came, and the connection stayed open
                throw e;
            }
            if (line == null) {
                return lines;
            }
            lines.add(line);
        }
    }

    private static void failNotClosed(Duration patience, List<String> lines) {
        throw WaitedInVain.of("the server did not close the connection within " + patience.toMillis() + " ms; it sent " + lines.size()
                + " lines" + (lines.isEmpty() ? "" : ", the last: \"" + lines.getLast() + "\""));
    }

    /** Tells the server this client will send no more (a half-close), and keeps reading. */
    void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    /** Closes with a reset instead of a normal close, as a crashing client would. */
    void reset() throws IOException {
        socket.setSoLinger(true, 0); // a close with no time to linger sends a reset
        close();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
