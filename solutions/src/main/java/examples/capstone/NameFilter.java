package examples.capstone;

import axon.Inbox;
import axon.Outbox;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.function.Predicate;
import kamaelia.util.Filter;
import kamaelia.util.PureTransformer;

/**
 * Sends on the file paths whose file name matches a glob pattern, such as
 * {@code *.wav} or {@code {*.wav,*.flac}}; inverted, the ones that do not match, like
 * {@code grep -v}. Only the last part of the path, the file name, is matched, so
 * {@code *.wav} keeps {@code talks/day 1.wav}. Ends like {@link PureTransformer}.
 *
 * <pre>{@code
 * new NameFilter("*.wav", false)   // only .wav files
 * new NameFilter("*.tmp", true)    // everything but .tmp files
 * }</pre>
 */
@Inbox(name = "inbox", doc = "File paths (java.nio.file.Path) to test")
@Outbox(name = "outbox", doc = "The paths whose file name matches (or, inverted, does not), in order")
public class NameFilter extends Filter {
    /**
     * A filter keeping paths whose file name matches {@code glob} (the syntax of
     * {@link java.nio.file.FileSystem#getPathMatcher}), or, if {@code invert}, those
     * whose file name does not.
     */
    public NameFilter(String glob, boolean invert) {
        super(matching(glob, invert));
    }

    private static Predicate<Object> matching(String glob, boolean invert) {
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        return message -> {
            Path name = ((Path) message).getFileName();
            return name != null && matcher.matches(name) != invert;
        };
    }
}
