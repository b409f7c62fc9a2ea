package examples.capstone;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The state of a transcode-and-upload batch, kept on disk in five folders under one
 * work folder, so that the batch can be stopped at any moment and carried on later.
 *
 * <pre>
 * WORK/
 *   source/     files still to do: put the files to transcode here (subfolders are fine)
 *   partial/    outputs being written by the transcoder, each attempt in a folder of its own
 *   to-upload/  finished outputs, waiting to be uploaded
 *   uploaded/   outputs that have reached the destination
 *   done/       sources whose output has been uploaded
 * </pre>
 *
 * <h2>The rules that make it safe</h2>
 * <ul>
 *   <li>A file only ever moves forward, by an atomic rename within the work folder, so
 *       at every instant it is whole in exactly one place.</li>
 *   <li>A source stays in {@code source/} until its output has been uploaded. Where its
 *       output is says how far it got: nowhere, or in {@code partial/}: transcode it
 *       (again); in {@code to-upload/}: upload it; in {@code uploaded/}: only the move
 *       to {@code done/} is left.</li>
 *   <li>Nothing in {@code partial/} counts: an output is finished only once it has been
 *       renamed into {@code to-upload/}, after the command succeeded. {@link #prepare()}
 *       empties {@code partial/} at the start of a run.</li>
 * </ul>
 * The output of {@code source/talks/day 1.wav} is {@code talks/day 1.wav.EXT}
 * (see {@link Command#outputFor}); the same relative path is used in every folder.
 *
 * @param root the work folder
 */
public record WorkFolders(Path root) {
    public WorkFolders {
        Objects.requireNonNull(root, "root");
    }

    /** Files still to do. */
    public Path source() {
        return root.resolve("source");
    }

    /** Outputs being written: never a finished output. */
    public Path partial() {
        return root.resolve("partial");
    }

    /** Finished outputs waiting to be uploaded. */
    public Path toUpload() {
        return root.resolve("to-upload");
    }

    /** Outputs that have been uploaded. */
    public Path uploaded() {
        return root.resolve("uploaded");
    }

    /** Sources whose output has been uploaded. */
    public Path done() {
        return root.resolve("done");
    }

    /** The five folders, in the order files move through them. */
    public List<Path> all() {
        return List.of(source(), partial(), toUpload(), uploaded(), done());
    }

    /**
     * Makes the folders that do not exist yet and empties {@code partial/}: whatever is
     * there was being written when an earlier run was stopped, and is not finished.
     *
     * @return this
     */
    public WorkFolders prepare() throws IOException {
        for (Path folder : all()) {
            Files.createDirectories(folder);
        }
        try (Stream<Path> leftovers = Files.walk(partial())) {
            for (Path path : leftovers.sorted(Comparator.reverseOrder()).toList()) {
                if (!path.equals(partial())) {
                    Files.delete(path);
                }
            }
        }
        return this;
    }

    /**
     * Moves {@code relative} from one of the folders to the same place in another, with
     * an atomic rename, making the folders it needs.
     */
    public static void move(Path relative, Path fromFolder, Path toFolder) throws IOException {
        Path target = toFolder.resolve(relative);
        Files.createDirectories(target.getParent());
        Files.move(fromFolder.resolve(relative), target, StandardCopyOption.ATOMIC_MOVE);
    }

    /** A relative path as a name with {@code /} between its parts, the same on every system. */
    public static String nameOf(Path relative) {
        StringBuilder name = new StringBuilder();
        for (Path part : relative) {
            name.append(name.isEmpty() ? "" : "/").append(part);
        }
        return name.toString();
    }
}
