package examples.capstone;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What a transcoder sends its uploader: the output of {@code source} is finished and
 * waits in {@code to-upload/} (or, if an earlier run got further, is already in
 * {@code uploaded/}). Both paths are relative to their folders (see {@link WorkFolders}).
 *
 * @param source the source file, relative to {@code source/}
 * @param output its output, relative to {@code to-upload/}
 */
public record ToUpload(Path source, Path output) {
    public ToUpload {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(output, "output");
    }
}
