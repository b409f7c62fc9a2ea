package kamaelia.file;

import axon.Inbox;
import axon.Outbox;
import axon.ThreadedComponent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Objects;
import kamaelia.chassis.Pipeline;
import kamaelia.util.ConsolePrinter;
import kamaelia.util.Grep;

/**
 * Follows a growing file, like {@code tail -F}: sends every line added to it from the
 * moment it starts, one message per line, in order.
 *
 * <pre>{@code
 * new Pipeline(new Follow(Path.of("server.log")), new Grep("ERROR"), new ConsolePrinter()).activate(scheduler);
 * }</pre>
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>It starts at the end of the file: lines already there are not sent. If the file
 *       does not exist yet, it waits for it and reads it from the start.</li>
 *   <li>A line is sent once it is complete (its {@code \n} has been written), without its
 *       line ending ({@code \n} or {@code \r\n}); text is read as UTF-8.</li>
 *   <li>If the file shrinks (it was truncated), it reads it again from the start. If the
 *       file is replaced by another (a new file moved over it, as log rotation does), it
 *       reads the new one from its start. Both are noticed at the next look, so a file
 *       truncated and then regrown past the old end between two looks goes unnoticed.</li>
 *   <li>It looks at the file every {@code pollEvery}; a shutdown message on
 *       {@code control} ends it at once, and is passed on out of {@code signal}.</li>
 * </ul>
 * It is a {@link ThreadedComponent}: waiting between looks, and reading the file, block.
 */
@Inbox(name = "inbox", doc = "Not used")
@Inbox(name = "control", doc = "ProducerFinished or ShutdownMicroprocess stops following")
@Outbox(name = "outbox", doc = "Each line added to the file, without its line ending, in order")
@Outbox(name = "signal", doc = "The shutdown message, passed on when it stops")
public class Follow extends ThreadedComponent {
    /** How often to look at the file unless told otherwise. */
    public static final Duration DEFAULT_POLL = Duration.ofMillis(100);

    private final Path file;
    private final Duration pollEvery;

    // Where the thread is in the file; only the thread touches these.
    /** Which file it is reading (the inode on Unix), to notice a replacement; null before it exists. */
    private Object fileKey;
    /** How many bytes of the file have been read. */
    private long position;
    /** The bytes of a line whose end has not been written yet. */
    private final ByteArrayOutputStream partialLine = new ByteArrayOutputStream();

    /** Follows {@code file}, looking at it every {@link #DEFAULT_POLL}. */
    public Follow(Path file) {
        this(file, DEFAULT_POLL);
    }

    /** Follows {@code file}, looking at it every {@code pollEvery}. */
    public Follow(Path file, Duration pollEvery) {
        this.file = Objects.requireNonNull(file, "file");
        this.pollEvery = Objects.requireNonNull(pollEvery, "pollEvery");
    }

    // tag::body[]
    @Override
    protected void body() throws IOException, InterruptedException {
        startAtTheEnd();
        while (!shutdownRequested()) {
            sendNewLines();
            // Waits pollEvery; a message (a shutdown) ends the wait sooner.
            pause(pollEvery);
        }
        passShutdownOn();
    }
    // end::body[]

    private void startAtTheEnd() throws IOException {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            fileKey = attributes.fileKey();
            position = attributes.size();
        } catch (NoSuchFileException e) {
            fileKey = null;
            position = 0;
        }
    }

    // tag::look[]
    /** Looks at the file once: notices a truncation or a replacement, then sends the lines added since the last look. */
    private void sendNewLines() throws IOException, InterruptedException {
        BasicFileAttributes now;
        try {
            now = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return; // gone for a moment, as when it is being replaced: look again later
        }
        if (!Objects.equals(now.fileKey(), fileKey)) {
            fileKey = now.fileKey(); // another file: read it from its start
            restart();
        } else if (now.size() < position) {
            restart(); // truncated: read it again from the start
        }
        if (now.size() > position) {
            readFrom(position);
        }
    }
    // end::look[]

    private void restart() {
        position = 0;
        partialLine.reset();
    }

    /** Reads from {@code start} to the end of the file, sending each complete line. */
    private void readFrom(long start) throws IOException, InterruptedException {
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            channel.position(start);
            ByteBuffer buffer = ByteBuffer.allocate(8192);
            while (channel.read(buffer) > 0 && !shutdownRequested()) {
                buffer.flip();
                position += buffer.remaining();
                while (buffer.hasRemaining()) {
                    byte b = buffer.get();
                    if (b == '\n') {
                        sendLine();
                    } else {
                        partialLine.write(b);
                    }
                }
                buffer.clear();
            }
        }
    }

    private void sendLine() throws InterruptedException {
        String line = partialLine.toString(StandardCharsets.UTF_8);
        partialLine.reset();
        if (line.endsWith("\r")) {
            line = line.substring(0, line.length() - 1);
        }
        send(line, "outbox");   // waits for room: no line is lost
    }
}
