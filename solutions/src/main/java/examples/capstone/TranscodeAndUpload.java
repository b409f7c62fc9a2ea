package examples.capstone;

import axon.Component;
import axon.Scheduler;
import examples.capstone.Balancer;
import examples.capstone.FindFiles;
import examples.capstone.NameFilter;
import examples.capstone.StopButton;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kamaelia.chassis.Graphline;
import kamaelia.util.Sort;
import kamaelia.util.Tee;

/**
 * The transcode-and-upload walkthrough: a batch system that finds the files in a
 * folder, transcodes each with an external command, two at a time, and uploads the
 * results, two at a time, while the next ones are being transcoded. It can be stopped
 * at any moment (Ctrl-C) and run again to carry on: its state is on disk
 * ({@link WorkFolders}).
 *
 * <pre>
 * ./mvnw -q -pl solutions compile
 * java -cp solutions/target/classes examples.capstone.TranscodeAndUpload --samples 12 /tmp/batch
 * </pre>
 *
 * {@link #system} builds the batch as one {@link Graphline}; {@link #main} adds a
 * {@link Progress} display and a {@link StopButton} pressed by Ctrl-C.
 */
public final class TranscodeAndUpload {
    /** How many files each lane (a transcoder and its uploader) holds at once: one transcoding, one uploading. */
    public static final int FILES_PER_LANE = 2;

    private static final String USAGE = """
            usage: TranscodeAndUpload [options] WORK [-- COMMAND ARGUMENT...]
            Transcodes every file in WORK/source/ and uploads the results, two at a time.
            Stop it at any moment with Ctrl-C, and run it again to carry on.
              --samples N      first put N sample files into WORK/source/
              --match GLOB     only files whose name matches GLOB, such as '*.wav' (default: all)
              --invert         only files whose name does not match GLOB
              --to FOLDER      upload to FOLDER (default: WORK/delivered)
              --ffmpeg EXT     transcode with ffmpeg into the format EXT, such as mp3
              --ext EXT        with -- COMMAND: the extension of its outputs (default: out)
              --slow MILLIS    how long the stand-in transcoder takes per file (default: 1000)
              --grace SECONDS  after Ctrl-C, how long the files in hand may take (default: 30)
              -- COMMAND...    run COMMAND for each file, the arguments {in} and {out} standing for the
                               two files (whole arguments only; for a shell: sh -c '... "$1" "$2"' sh {in} {out})
            Without --ffmpeg or a COMMAND it uses the kit's stand-in transcoder.""";

    private TranscodeAndUpload() {
    }

    // tag::system[]
    /**
     * The batch system: find the files under {@code source/}, sort them, keep those whose
     * name matches {@code glob} (or, if {@code invert}, those that do not), and share them
     * out between two lanes of a transcoder and an uploader.
     * <ul>
     *   <li>{@code outbox}: each file to do, as a {@link Path} relative to {@code source/},
     *       then the {@link Status} events of the lanes, for a progress display;</li>
     *   <li>{@code control}: {@link axon.Ipc.ShutdownMicroprocess} stops the batch: the
     *       files in hand are finished, the rest stay for the next run;</li>
     *   <li>{@code signal}: ProducerFinished, when the batch has ended.</li>
     * </ul>
     */
    public static Graphline system(WorkFolders folders, Command command, Destination destination, String glob,
            boolean invert) {
        // tag::slide-children[]
        Map<String, Component> children = new LinkedHashMap<>();
        children.put("find", new FindFiles(folders.source()));
        children.put("sort", new Sort());
        children.put("filter", new NameFilter(glob, invert));
        children.put("tee", new Tee());
        children.put("balance", new Balancer(2, FILES_PER_LANE));
        Map<String, String> links = new LinkedHashMap<>();
        chain(links, "find", "sort", "filter", "tee", "balance");
        // end::slide-children[]
        links.put("tee.copy", "self.outbox");                  // the files to do, for the progress display
        links.put("self.control", "balance.control");          // a stop goes where the work is handed out
        for (int lane = 1; lane <= 2; lane++) {
            String transcode = "transcode" + lane;
            String upload = "upload" + lane;
            children.put(transcode, new Transcoder(folders, command));
            children.put(upload, new Uploader(folders, destination));
            links.put("balance.outbox" + (lane - 1), transcode + ".inbox");
            links.put("balance.signal" + (lane - 1), transcode + ".control");
            chain(links, transcode, upload);
            links.put(transcode + ".done", "balance.done");    // given up on: the lane has room again
            links.put(upload + ".done", "balance.done");       // uploaded (or given up on): room again
            links.put(transcode + ".status", "self.outbox");
            links.put(upload + ".status", "self.outbox");
        }
        return new Graphline(children, links);
    }
    // end::system[]

    /** Links each named child's outbox and signal to the next one's inbox and control, as a Pipeline does. */
    private static void chain(Map<String, String> links, String... names) {
        for (int i = 0; i + 1 < names.length; i++) {
            links.put(names[i] + ".outbox", names[i + 1] + ".inbox");
            links.put(names[i] + ".signal", names[i + 1] + ".control");
        }
    }

    // tag::controls[]
    /**
     * The system with its controls: {@code stop} stops it when pressed, and
     * {@code display} receives what the system sends out of {@code outbox} and its end,
     * then ends the button.
     */
    public static Graphline withControls(StopButton stop, Graphline system, Component display) {
        return new Graphline(
                Map.of("stop", stop, "system", system, "display", display),
                Map.of("stop.outbox", "system.control",
                        "system.outbox", "display.inbox",
                        "system.signal", "display.control",
                        "display.signal", "stop.control"));
    }

    /**
     * What Ctrl-C does: presses {@code stop}, and gives the system {@code grace} to
     * finish the files in hand and end, which {@code running} (the thread that runs the
     * scheduler) ending shows. If it has not ended by then, the commands still running
     * are killed: their outputs are half-written in {@code partial/}, which the next run
     * ignores and empties.
     *
     * @return whether the system ended within {@code grace}
     */
    public static boolean stop(StopButton stop, Thread running, Duration grace) throws InterruptedException {
        stop.press();
        if (running.join(grace)) {
            return true;
        }
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
        running.join(Duration.ofSeconds(5));
        return false;
    }
    // end::controls[]

    public static void main(String[] args) throws IOException {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        Files.createDirectories(options.work);
        try (FileChannel lockFile = FileChannel.open(options.work.resolve(".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = lockFile.tryLock()) {
            if (lock == null) {
                System.err.println("Another batch is running in " + options.work + ": wait for it to end, or stop it.");
                System.exit(1);
            }
            run(options);
        }
    }

    /** Runs the batch that the command line describes, in a work folder that no other batch is using. */
    private static void run(Options options) throws IOException {
        WorkFolders folders = new WorkFolders(options.work).prepare();
        if (options.samples > 0) {
            makeSamples(folders.source(), options.samples);
        }
        PrintStream out = System.out;
        out.println("Transcoding " + folders.source() + " with " + String.join(" ", options.command.template()));
        out.println("Uploading to " + options.to);

        // tag::main[]
        Scheduler scheduler = new Scheduler();
        StopButton stop = new StopButton();
        withControls(stop,
                system(folders, options.command, new LocalFolder(options.to), options.glob, options.invert),
                new Progress(out)
        ).activate(scheduler);
        Thread running = Thread.currentThread();
        Thread onCtrlC = new Thread(() -> {
            System.err.println("Stopping: finishing the files in hand (at most " + options.grace.toSeconds() + " s);"
                    + " the others stay for the next run.");
            try {
                if (!stop(stop, running, options.grace)) {
                    System.err.println("Stopped the commands still running: their files will be done again next run.");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(onCtrlC);
        try {
            scheduler.run();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(onCtrlC);
            } catch (IllegalStateException e) {
                // Ctrl-C: the hook is running and waits for this thread to end
            }
        }
        // end::main[]
    }

    /** Puts {@code count} small sample files into {@code folder}, some with names a shell would misread. */
    static void makeSamples(Path folder, int count) throws IOException {
        List<String> names = new ArrayList<>(List.of("01 opening titles.txt", "02 it's a test.txt", "03 a;b.txt",
                "04 $(touch INJECTED).txt", "05 notes.md", "06 -n.txt", "07 {out}.txt", "08 closing.txt"));
        for (int i = names.size() + 1; names.size() < count; i++) {
            names.add(String.format("more/%02d sample.txt", i));
        }
        for (int i = 0; i < count; i++) {
            Path file = folder.resolve(names.get(i));
            Files.createDirectories(file.getParent());
            String line = "Sample " + (i + 1) + " for the transcode-and-upload walkthrough.\n";
            Files.writeString(file, line.repeat(1 + 40 * i), StandardCharsets.UTF_8);
        }
    }

    /** The command line, read. */
    private static final class Options {
        Path work;
        Path to;
        String glob = "*";
        boolean invert;
        int samples;
        long slowMillis = 1000;
        Duration grace = Duration.ofSeconds(30);
        String ffmpeg;
        String extension = "out";
        List<String> template = new ArrayList<>();
        Command command;

        static Options parse(String[] args) {
            Options o = new Options();
            int i = 0;
            for (; i < args.length && !args[i].equals("--"); i++) {
                switch (args[i]) {
                    case "--samples" -> o.samples = Integer.parseInt(value(args, ++i));
                    case "--match" -> o.glob = glob(value(args, ++i));
                    case "--invert" -> o.invert = true;
                    case "--to" -> o.to = Path.of(value(args, ++i));
                    case "--ffmpeg" -> o.ffmpeg = value(args, ++i);
                    case "--ext" -> o.extension = value(args, ++i);
                    case "--slow" -> o.slowMillis = Long.parseLong(value(args, ++i));
                    case "--grace" -> o.grace = Duration.ofSeconds(Long.parseLong(value(args, ++i)));
                    default -> {
                        if (args[i].startsWith("-") || o.work != null) {
                            throw new IllegalArgumentException("not understood: " + args[i]);
                        }
                        o.work = Path.of(args[i]);
                    }
                }
            }
            if (o.work == null) {
                throw new IllegalArgumentException("say which work folder to use");
            }
            for (i++; i < args.length; i++) {
                o.template.add(args[i]);
            }
            o.to = o.to != null ? o.to : o.work.resolve("delivered");
            if (!o.template.isEmpty()) {
                o.command = new Command(o.template, o.extension);
            } else if (o.ffmpeg != null) {
                o.command = Command.ffmpeg(o.ffmpeg);
            } else {
                o.command = Command.standIn(List.of("--millis", String.valueOf(o.slowMillis)));
            }
            return o;
        }

        /** The pattern, checked now, so that a mistake in it is a usage error and not a failure later. */
        private static String glob(String pattern) {
            FileSystems.getDefault().getPathMatcher("glob:" + pattern);   // throws IllegalArgumentException
            return pattern;
        }

        private static String value(String[] args, int i) {
            if (i >= args.length) {
                throw new IllegalArgumentException(args[i - 1] + " needs a value");
            }
            return args[i];
        }
    }
}
