package examples.capstone;

import axon.Inbox;
import axon.Outbox;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Transcodes files by running an external {@link Command} for each, one at a time: a
 * {@link BatchWorker}, because it waits for the command to finish.
 *
 * <h2>One file</h2>
 * For a source {@code S} (relative to {@code source/}) whose output is {@code O}:
 * <ol>
 *   <li>If {@code O} is already in {@code to-upload/} or {@code uploaded/}, an earlier
 *       run transcoded it: the command is not run again.</li>
 *   <li>Otherwise the command runs with {@code {in}} = {@code source/S} and
 *       {@code {out}} = {@code partial/A/O}, where {@code A} is a new folder for this
 *       attempt alone: a command left running by an earlier run that was killed can never
 *       write into the file of this one. When it exits with status 0, the output is
 *       renamed to {@code to-upload/O}; this atomic rename is the moment it counts as
 *       finished. If it fails, the attempt's folder is deleted and the source stays in
 *       {@code source/} for the next run.</li>
 *   <li>A finished file goes on to the uploader as a {@link ToUpload}; a failed one is
 *       sent back out of {@code done}, so that the balancer hands out another.</li>
 * </ol>
 * The command's standard output and error go to a log beside the partial output; when
 * it fails, their last line is the reason reported in {@link Status.Failed}. Its
 * standard input is closed.
 */
@Inbox(name = "inbox", doc = "Source files to transcode, as paths relative to source/")
@Outbox(name = "outbox", doc = "A ToUpload for each file whose output is finished")
@Outbox(name = "status", doc = "Status events: Transcoding, Transcoded and Failed")
public class Transcoder extends BatchWorker<Path> {
    private final Command command;

    /** A transcoder running {@code command} on files in {@code folders}. */
    public Transcoder(WorkFolders folders, Command command) {
        super(folders, Path.class);
        this.command = Objects.requireNonNull(command, "command");
    }

    // tag::handle[]
    @Override
    protected void handle(Path source) throws InterruptedException {
        Path output = command.outputFor(source);
        String failure = null;
        try {
            if (Files.exists(folders.toUpload().resolve(output)) || Files.exists(folders.uploaded().resolve(output))) {
                failure = null;                                   // an earlier run got this far
            } else if (!Files.exists(folders.source().resolve(source))) {
                failure = "it is no longer in " + folders.source();
            } else {
                send(new Status.Transcoding(source), "status");
                failure = transcode(source, output);
            }
        } catch (IOException e) {
            failure = reason(e);
        }
        if (failure == null) {
            send(new Status.Transcoded(source), "status");
            send(new ToUpload(source, output), "outbox");
        } else {
            send(new Status.Failed(source, failure), "status");
            send(source, "done");
        }
    }

    /** Runs the command into a folder of partial/ of its own, then renames its output into to-upload/; returns why it failed, or null. */
    private String transcode(Path source, Path output) throws IOException, InterruptedException {
        Files.createDirectories(folders.partial());
        Path attempt = Files.createTempDirectory(folders.partial(), "attempt-");   // a new name, every time
        Path partial = attempt.resolve(output);
        Path log = partial.resolveSibling(partial.getFileName() + ".log");
        Files.createDirectories(partial.getParent());
        List<String> arguments = command.arguments(folders.source().resolve(source), partial);
        try {
            int exit = run(arguments, log);
            if (exit != 0) {
                return "the command ended with status " + exit + lastLineOf(log);
            }
            if (!Files.isRegularFile(partial)) {
                return "the command succeeded but wrote no output";
            }
            WorkFolders.move(output, attempt, folders.toUpload());   // finished: atomically
            return null;
        } finally {
            deleteAll(attempt);
        }
    }

    /** Deletes a folder and what is in it. */
    private static void deleteAll(Path folder) throws IOException {
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
    // end::handle[]

    // tag::run[]
    /** Starts the command (no shell: one list element, one argument) and waits for it. */
    private static int run(List<String> arguments, Path log) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(arguments)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        process.getOutputStream().close();       // no input: a command that asks a question gets no answer
        boolean exited = false;
        try {
            int status = process.waitFor();
            exited = true;
            return status;
        } finally {
            if (!exited) {                        // interrupted: the run is ending, take the command down with it
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        }
    }
    // end::run[]

    private static String lastLineOf(Path log) throws IOException {
        String text = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);  // never fails on odd bytes
        List<String> lines = text.lines().filter(line -> !line.isBlank()).toList();
        return lines.isEmpty() ? "" : ": " + lines.getLast().strip();
    }
}
