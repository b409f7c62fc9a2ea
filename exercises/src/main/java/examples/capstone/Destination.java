package examples.capstone;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Where the uploader delivers finished outputs: a local folder ({@link LocalFolder}), or
 * any other place with a class of its own (a server, a bucket, a queue).
 *
 * <h2>Contract</h2>
 * For a batch that can be stopped at any moment and carried on, a destination must be
 * able to tell a finished copy from none:
 * <ul>
 *   <li>{@link #deliver} is all or nothing as {@link #holds} sees it: a delivery cut
 *       short (a stop, a crash, a lost connection) must not look finished. A folder
 *       gets this by writing under a temporary name and renaming at the end; a server,
 *       by committing the upload only once all of it has arrived.</li>
 *   <li>Delivering a file the destination already holds is harmless, but the uploader
 *       asks {@link #holds} first, so that a file delivered just before a stop is not
 *       delivered again after it.</li>
 * </ul>
 * Methods may block (they do input and output); they are called from an
 * {@link Uploader}'s thread, one file at a time.
 */
public interface Destination {
    /**
     * Whether the destination holds a finished copy of {@code file} under {@code name}.
     *
     * @param name the file's name at the destination: a relative path with {@code /}
     *             between its parts, such as {@code talks/day 1.wav.mp3}
     */
    boolean holds(String name, Path file) throws IOException;

    /** Delivers {@code file} under {@code name}: when this returns, {@link #holds} says {@code true}. */
    void deliver(String name, Path file) throws IOException;
}
