package examples.capstone;

import java.nio.file.Path;

/**
 * What the transcoders and uploaders report, out of their {@code status} outboxes, as
 * each file moves along: for a progress display, a log, or a test. Every event names the
 * source file, relative to {@code source/}.
 */
public sealed interface Status {
    /** The source of the event. */
    Path source();

    /** The transcoder has started the command on this file. */
    record Transcoding(Path source) implements Status {
    }

    /** This file's output is finished and waits to be uploaded (now, or in an earlier run). */
    record Transcoded(Path source) implements Status {
    }

    /** The uploader has started delivering this file's output. */
    record Uploading(Path source) implements Status {
    }

    /** This file is done: its output has been uploaded and the source moved to {@code done/}. */
    record Uploaded(Path source) implements Status {
    }

    /** This file could not be done in this run, and why; it stays where it is, to be tried again next run. */
    record Failed(Path source, String reason) implements Status {
    }
}
