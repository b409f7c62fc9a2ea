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
 *   <li>If the file is replaced by another (a new file moved over it, or the old one
 *       moved away and a new one made, as log rotation does), it first reads the rest of
 *       the old file, which it keeps open, then the new one from its start: no line
 *       written to the old file is lost.</li>
 *   <li>If the file shrinks (it was truncated in place), it reads it again from the
 *       start. What was added since the last look and then truncated away is gone from
 *       the file, and cannot be sent; and a file truncated and then regrown past the old
 *       end between two looks goes unnoticed. Rotate by renaming to lose nothing.</li>
 *   <li>The file is open while it is followed, and closed when it is replaced or when
 *       the component ends.</li>
 *   <li>It looks at the file every {@code pollEvery}; a shutdown message on
 *       {@code control} ends it at once, and is passed on out of {@code signal}.</li>
 * </ul>
 * It is a {@link ThreadedComponent}: waiting between looks, and reading the file, block.
 */
@Inbox(name = "inbox", doc = "Not used")
@Outbox(name = "outbox", doc = "Each line added to the file, without its line ending, in order")
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
    /** The file being read, kept open so that the rest of it can be read after it has been replaced. */
    private SeekableByteChannel reading;

    /** Follows {@code file}, looking at it every {@link #DEFAULT_POLL}. */
    public Follow(Path file) {
        this(file, DEFAULT_POLL);
    }

    /** Follows {@code file}, looking at it every {@code pollEvery}. */
    public Follow(Path file, Duration pollEvery) {
        this.file = Objects.requireNonNull(file, "file");
        this.pollEvery = Objects.requireNonNull(pollEvery, "pollEvery");
    }

    @Override
    protected void body() throws IOException, InterruptedException {
        try {
            startAtTheEnd();
            while (!shutdownRequested()) {
                sendNewLines();
                // Waits pollEvery; a message (a shutdown) ends the wait sooner.
                pause(pollEvery);
            }
        } finally {
            stopReading();
        }
        passShutdownOn();
    }

    private void startAtTheEnd() throws IOException {
        try {
            reading = Files.newByteChannel(file);
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            fileKey = attributes.fileKey();
            position = reading.size();
        } catch (NoSuchFileException e) {
            stopReading();
            fileKey = null;
            position = 0;
        }
    }

    /** Looks at the file once: notices a truncation or a replacement, then sends the lines added since the last look. */
    private void sendNewLines() throws IOException, InterruptedException {
        BasicFileAttributes now;
        try {
            now = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            readToTheEnd(); // moved away or deleted: what was added to it last is still there to read
            return;         // a new one may come: look again later
        }
        if (reading == null || !Objects.equals(now.fileKey(), fileKey)) {
            readToTheEnd(); // the rest of the old file first, then the new one from its start
            stopReading();
            try {
                reading = Files.newByteChannel(file);
            } catch (NoSuchFileException e) {
                return; // gone again in between: look again later
            }
            fileKey = now.fileKey();
            restart();
        } else if (reading.size() < position) {
            restart(); // truncated: read it again from the start
        }
        readToTheEnd();
    }

    private void restart() {
        position = 0;
        partialLine.reset();
    }

    /** Reads the open file from {@code position} to its end, sending each complete line. */
    private void readToTheEnd() throws IOException, InterruptedException {
        if (reading == null || reading.size() <= position) {
            return;
        }
        reading.position(position);
        ByteBuffer buffer = ByteBuffer.allocate(8192);
        while (reading.read(buffer) > 0 && !shutdownRequested()) {
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

    private void stopReading() throws IOException {
        if (reading != null) {
            reading.close();
            reading = null;
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
