package examples.capstone;

import axon.Inbox;
import axon.Outbox;
import axon.ThreadedComponent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Sends the path of every file under a folder, like {@code find FOLDER -type f}, then
 * ends: the start of a batch job.
 *
 * <pre>{@code
 * new Pipeline(new FindFiles(Path.of("music")), new Sort(), new ConsolePrinter())
 * }</pre>
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>Paths are relative to the folder ({@code talks/day 1.wav}), one message per
 *       regular file, in no particular order (sort them if order matters).</li>
 *   <li>Files and folders whose name starts with a dot are left out, as {@code ls}
 *       does: they are hidden, or they are some program's work in progress.</li>
 *   <li>After the last path it sends {@link axon.Ipc.ProducerFinished} out of
 *       {@code signal} and ends; a shutdown message on {@code control} stops it early
 *       and is passed on. If the folder cannot be read, the scheduler's run ends with
 *       {@link axon.ComponentFailed}, naming this component.</li>
 * </ul>
 * It is a {@link ThreadedComponent}: walking a folder reads the disk, which blocks.
 */
@Inbox(name = "inbox", doc = "Not used")
@Outbox(name = "outbox", doc = "The path of each file under the folder, relative to it")
public class FindFiles extends ThreadedComponent {

    private final Path folder;

    /** Finds the files under {@code folder}. */
    public FindFiles(Path folder) {
        this.folder = Objects.requireNonNull(folder, "folder");
    }

    @Override
    protected void body() throws IOException, InterruptedException {
        try (Stream<Path> paths = Files.walk(folder)) {
            Iterator<Path> all = paths.iterator();
            while (all.hasNext() && !shutdownRequested()) {
                Path path = all.next();
                Path relative = folder.relativize(path);
                if (Files.isRegularFile(path) && !hidden(relative)) {
                    send(relative, "outbox");
                }
            }
        }
        passShutdownOn();
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
