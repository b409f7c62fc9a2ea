package kamaelia.experimental.view;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * The live view's door: a very small HTTP/1.1 server, for one page and its updates,
 * with the network console's rules.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>It listens on the address it is given; {@link LiveView} gives it loopback only.</li>
 *   <li>Every request must carry the token ({@code ?token=...}); it is compared in a time
 *       that does not depend on how much of it is right. Without it, the answer is
 *       {@code 403} and a sentence, and nothing else is served.</li>
 *   <li>At most {@link #MAX_CONNECTIONS} connections at once: the next one is answered
 *       {@code 503} and closed at once.</li>
 *   <li>A client that does not finish its request within {@link #IDLE_MILLIS}, or that
 *       stops reading its updates for that long, is disconnected.</li>
 *   <li>A request larger than {@link #MAX_REQUEST} bytes is refused ({@code 431}).</li>
 *   <li>{@link #close()} closes the listening socket and every connection, and returns
 *       when every thread it started has ended.</li>
 * </ul>
 */
final class ViewServer implements AutoCloseable {
    static final int MAX_CONNECTIONS = 8;
    static final int IDLE_MILLIS = 5_000;
    static final int MAX_REQUEST = 8 * 1024;

    /** What the server answers, once the token is right. */
    interface Handler {
        /** Answers one request; the connection is closed when it returns. */
        void handle(String method, String path, Map<String, String> query, Connection connection) throws IOException;
    }

    /** One client's connection, as a handler sees it. */
    static final class Connection {
        private final Socket socket;
        private final OutputStream out;
        /** When the write in progress began, or 0 when none is: for the watchdog. */
        private volatile long writingSince;

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.out = socket.getOutputStream();
        }

        /** Sends a whole answer. */
        void answer(int status, String type, String body) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            write("HTTP/1.1 " + status + " " + reason(status) + "\r\nContent-Type: " + type
                    + "\r\nContent-Length: " + bytes.length + "\r\nCache-Control: no-store\r\nConnection: close"
                    + "\r\nX-Content-Type-Options: nosniff\r\nContent-Security-Policy: default-src 'self';"
                    + " style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'\r\n\r\n", bytes);
        }

        /** Starts an answer that goes on: a stream of server-sent events. */
        void startEvents() throws IOException {
            write("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\n"
                    + "Connection: close\r\n\r\n", new byte[0]);
        }

        /** Sends one event of a stream. */
        void event(String data) throws IOException {
            write("data: " + data + "\n\n", new byte[0]);
        }

        /** Sends a comment line of a stream, which the page ignores. */
        void keepAlive() throws IOException {
            write(": nothing new\n\n", new byte[0]);
        }

        private void write(String head, byte[] body) throws IOException {
            writingSince = System.nanoTime();
            try {
                out.write(head.getBytes(StandardCharsets.UTF_8));
                out.write(body);
                out.flush();
            } finally {
                writingSince = 0;
            }
        }

        private boolean stuck(long now) {
            long since = writingSince;
            return since != 0 && now - since > IDLE_MILLIS * 1_000_000L;
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing: nothing more to do
            }
        }
    }

    private final ServerSocket listening;
    private final byte[] token;
    private final Handler handler;
    private final Semaphore slots = new Semaphore(MAX_CONNECTIONS);
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private final Thread watchdog;
    private volatile boolean closed;

    /** Listens on {@code address} and serves {@code handler} to clients that bring {@code token}. */
    ViewServer(InetSocketAddress address, String token, Handler handler) throws IOException {
        this.listening = new ServerSocket();
        listening.bind(address, MAX_CONNECTIONS * 2);
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.handler = handler;
        this.acceptor = Thread.ofPlatform().daemon().name("live view " + port()).start(this::accept);
        this.watchdog = Thread.ofPlatform().daemon().name("live view watchdog " + port()).start(this::watch);
    }

    /** The port it listens on. */
    int port() {
        return listening.getLocalPort();
    }

    /** The address it listens on. */
    InetAddress address() {
        return listening.getInetAddress();
    }

    /** How many connections are open now. */
    int connections() {
        return connections.size();
    }

    private void accept() {
        while (!closed) {
            Socket socket;
            try {
                socket = listening.accept();
            } catch (IOException e) {
                return;     // closed
            }
            if (!slots.tryAcquire()) {
                refuseBusy(socket);
                continue;
            }
            Thread thread = Thread.ofVirtual().name("live view client").unstarted(() -> serve(socket));
            threads.add(thread);
            thread.start();
        }
    }

    private static void refuseBusy(Socket socket) {
        try (socket) {
            socket.setSoTimeout(1000);
            socket.getOutputStream().write(("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        } catch (IOException ignored) {
            // a client that is gone need not be told
        }
    }

    private void serve(Socket socket) {
        Connection connection = null;
        try (socket) {
            connection = new Connection(socket);
            connections.add(connection);
            if (closed) {
                return;
            }
            socket.setSoTimeout(IDLE_MILLIS);
            String head = readHead(socket.getInputStream());
            if (head == null) {
                connection.answer(431, "text/plain; charset=utf-8", "request too large\n");
                return;
            }
            String[] line = head.split("\r\n", 2)[0].split(" ");
            if (line.length != 3 || !line[2].startsWith("HTTP/1.")) {
                connection.answer(400, "text/plain; charset=utf-8", "not an HTTP request\n");
                return;
            }
            String target = line[1];
            int mark = target.indexOf('?');
            String path = mark < 0 ? target : target.substring(0, mark);
            Map<String, String> query = query(mark < 0 ? "" : target.substring(mark + 1));
            if (!tokenIsRight(query.get("token"))) {
                connection.answer(403, "text/plain; charset=utf-8", "wrong or missing token: open the address"
                        + " the program printed when it opened the live view (it ends with ?token=...)\n");
                return;
            }
            handler.handle(line[0], path, query, connection);
        } catch (SocketTimeoutException | SocketException e) {
            // idle, or gone, or closed by the watchdog or by close(): nothing to answer
        } catch (IOException e) {
            // a broken connection ends the connection, never the server
        } finally {
            if (connection != null) {
                connections.remove(connection);
            }
            slots.release();
            threads.remove(Thread.currentThread());
        }
    }

    /** Reads up to the blank line that ends a request's head; null if it is too large. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (head.size() < MAX_REQUEST) {
            int b = in.read();
            if (b < 0) {
                throw new SocketException("closed before the end of the request");
            }
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == 4) {
                return head.toString(StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }

    private boolean tokenIsRight(String given) {
        return given != null && MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> query(String text) {
        Map<String, String> query = new HashMap<>();
        for (String pair : text.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                try {
                    query.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                } catch (IllegalArgumentException ignored) {
                    // a badly encoded parameter is left out
                }
            }
        }
        return query;
    }

    /** Disconnects clients that stopped reading what they are sent. */
    private void watch() {
        while (!closed) {
            long now = System.nanoTime();
            for (Connection connection : connections) {
                if (connection.stuck(now)) {
                    connection.close();
                }
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Whether it has been closed. */
    boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
        try {
            listening.close();
        } catch (IOException ignored) {
            // closing: nothing more to do
        }
        connections.forEach(Connection::close);
        watchdog.interrupt();
        join(acceptor);
        join(watchdog);
        for (Thread thread : Set.copyOf(threads)) {
            thread.interrupt();
            join(thread);
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 431 -> "Request Header Fields Too Large";
            case 503 -> "Service Unavailable";
            default -> "Status";
        };
    }
}
