package grading;

import static grading.Waits.PATIENCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import axon.Scheduler;
import examples.capstone.Command;
import examples.capstone.Destination;
import examples.capstone.LocalFolder;
import examples.capstone.Progress;
import examples.capstone.Status;
import examples.capstone.StopButton;
import examples.capstone.TranscodeAndUpload;
import examples.capstone.WorkFolders;
import grading.support.Graded;
import grading.support.GradedTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import kamaelia.chassis.Graphline;
import kamaelia.chassis.Pipeline;
import kamaelia.util.Source;
import kamaelia.util.Recorder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The capstone walkthrough, transcode and upload (examples.capstone), run on the
 * learner's own Axon: it needs every stage up to threaded components, and nothing after.
 * The transcoder is the kit's stand-in, a small Java program started once per file, so
 * these tests run on any machine with a JDK.
 */
@Graded(stage = 9, order = 5, title = "the capstone, transcode and upload")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class Stage09CapstoneTest {
    @TempDir
    Path dir;
    /** This test's work folder, sources and destination, in {@link #dir}. */
    Batch batch;

    @BeforeEach
    void newBatch() throws IOException {
        batch = new Batch(dir);
    }

    @AfterEach
    void noCommandOutlivesTheTest() throws InterruptedException {
        List<ProcessHandle> left = List.of();
        for (int i = 0; i < 100; i++) {      // up to 2 s: within the 3 s a lifecycle method may take
            left = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList();
            if (left.isEmpty()) {
                return;
            }
            Thread.sleep(20);
        }
        left.forEach(ProcessHandle::destroyForcibly);
        assertEquals(List.of(), left.stream().map(p -> p.info().commandLine().orElse("?")).toList(),
                "commands still running after the batch ended");
    }

    @GradedTest(order = 1, value = "the batch transcodes and uploads each file whose name matches, once; a file the"
            + " command refuses and the others stay in source/, and the inverted filter then picks the others")
    void transcodesAndUploads() throws Throwable {
        batch.source("talk 1.wav", "first talk");
        batch.source("talks/talk 2.wav", "second talk, in a folder");
        batch.source("talk 3.wav", "BROKEN: the command refuses this one");
        batch.source("notes.txt", "not a wav");
        batch.source(".hidden.wav", "hidden files are left alone");

        Run run = batch.start(batch.standIn(), "*.wav", false);
        run.awaitEnd();
        batch.assertDone("talk 1.wav", "talks/talk 2.wav");
        batch.assertLeft("talk 3.wav", "notes.txt", ".hidden.wav");
        List<Status> failed = run.events(Status.Failed.class);
        assertEquals(1, failed.size(), "one failure expected, for talk 3.wav: " + run.events());
        assertEquals(Path.of("talk 3.wav"), failed.getFirst().source(), "the failure must be reported for the file"
                + " the command refused");
        assertTrue(((Status.Failed) failed.getFirst()).reason().contains("it is broken"),
                "the reason should end with the command's last line of output: " + failed.getFirst());
        assertEquals(List.of(Path.of("talk 1.wav"), Path.of("talk 3.wav"), Path.of("talks/talk 2.wav")), run.toDo(),
                "the batch's outbox lists the files to do, sorted, once each");

        batch.assertConsistent();
        Run inverted = batch.start(batch.standIn(), "*.wav", true);
        inverted.awaitEnd();
        batch.assertDone("talk 1.wav", "talks/talk 2.wav", "notes.txt");
        batch.assertLeft("talk 3.wav", ".hidden.wav");
    }

    @GradedTest(order = 2, value = "file names with spaces, quotes, ; $(...) {out} or a leading - reach the command as"
            + " they are, and no shell ever runs them")
    void namesArePassedSafely() throws Throwable {
        List<String> names = List.of("it's here; touch INJECTED.txt", "-n $(touch INJECTED) `touch INJECTED`.txt",
                System.getProperty("os.name").startsWith("Windows")     // Windows allows neither " nor | in names
                        ? "{out} {in} a  b & c.txt" : "{out} {in} \"a  b\" & c | d.txt");
        batch.sources(names);
        Run run = batch.start(batch.standIn(), "*", false);
        run.awaitEnd();
        batch.assertDone(names.toArray(String[]::new));
        batch.assertNothingInjected("a file name was run as a command");
    }

    @GradedTest(order = 3, value = "transcoding and uploading overlap: both transcoders run their commands while an"
            + " upload is under way")
    void transcodesWhileUploading() throws Throwable {
        for (String name : List.of("a.wav", "b.wav", "c.wav", "d.wav")) {
            batch.source(name, "sound of " + name);
        }
        batch.destination.holdDeliveries();
        Run run = batch.start(batch.standIn("--gate", batch.gate.toString()), "*", false);
        try {
            // The stand-ins stop half-way, each until the test lets it go on: a and b, one per lane, start first.
            run.awaitFile(batch.gate.resolve("a.wav.started"));
            run.awaitFile(batch.gate.resolve("b.wav.started"));
            Files.createFile(batch.gate.resolve("a.wav.go"));
            // a is finished: its lane uploads it, and its transcoder goes on with c, the next file of that lane.
            run.await(batch.destination.deliveryStarted, "the upload of a.wav never started");
            run.awaitFile(batch.gate.resolve("c.wav.started"));
            // Now b and c are both half-way through their commands while a is being delivered.
            List<String> halfWritten = partialFiles(batch).stream().map(p -> p.getFileName().toString()).toList();
            assertTrue(halfWritten.contains("b.wav.out") && halfWritten.contains("c.wav.out"),
                    "b and c should be half-written in partial/ while a is uploaded: " + halfWritten);
            assertFalse(Files.exists(batch.folders.toUpload().resolve("b.wav.out"))
                    || Files.exists(batch.folders.toUpload().resolve("c.wav.out")),
                    "a half-written output must never be in to-upload/");
            assertEquals(List.of("a.wav.out"), batch.destination.delivering(), "a.wav is being uploaded");
        } finally {
            for (String name : List.of("a.wav", "b.wav", "c.wav", "d.wav")) {
                if (!Files.exists(batch.gate.resolve(name + ".go"))) {
                    Files.createFile(batch.gate.resolve(name + ".go"));
                }
            }
            batch.destination.releaseDeliveries();
        }
        run.awaitEnd();
        batch.assertDone("a.wav", "b.wav", "c.wav", "d.wav");
    }

    @GradedTest(order = 4, value = "stopped at 20 random moments, by a stop message or by Ctrl-C, and run again each"
            + " time, the batch transcodes and uploads every file exactly once, and at every stop each file is whole"
            + " in one place")
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void stopsAndCarriesOn() throws Throwable {
        String[] names = new String[8];
        for (int i = 0; i < names.length; i++) {
            names[i] = String.format("%02d take %d.wav", i, i);
            batch.source(names[i], ("sound " + i + "\n").repeat(1 + 500 * i));
        }
        Random random = new Random(2004);
        batch.destination.slowDown(new Random(2010), 40);     // uploads take 0 to 40 ms, like a slow disk
        Command command = batch.standIn("--millis", "30");
        int stopped = 0;
        for (int round = 0; round < 20; round++) {
            Run run = batch.start(command, "*", false);
            // The moment and the way of the stop are random; whatever they are, what follows must hold.
            if (!run.running.awaitEnd(Duration.ofMillis(random.nextInt(300)))) {
                if (random.nextInt(3) > 0) {
                    run.stop.press();
                } else {   // Ctrl-C with a short grace: the commands still running then are killed
                    TranscodeAndUpload.stop(run.stop, run.running.thread(), Duration.ofMillis(random.nextInt(300)));
                }
                stopped++;
            }
            run.awaitEnd();
            for (Status failed : run.events(Status.Failed.class)) {
                assertTrue(((Status.Failed) failed).reason().startsWith("the command ended with status"),
                        "only a killed command may fail here: " + failed);
                batch.killed.merge(failed.source().toString(), 1, Integer::sum);
            }
            batch.assertConsistent();
        }
        assertTrue(stopped > 0, "no round was stopped: the batch ended before every stop");
        batch.start(command, "*", false).awaitEnd();
        batch.assertDone(names);
        for (String name : names) {
            int finished = Collections.frequency(batch.transcoded(), name);
            assertTrue(finished >= 1 && finished <= 1 + batch.killed.getOrDefault(name, 0), name + " finished "
                    + finished + " transcodes: one was kept, and only a command killed by Ctrl-C may have been another");
        }
        assertEquals(sorted(Stream.of(names).map(name -> name + ".out").toList()), sorted(batch.destination.delivered),
                "each output delivered exactly once, over all runs");
    }

    @GradedTest(order = 5, value = "after a crash, the next run finishes each file from where it was: half-written"
            + " outputs are never taken for finished ones, and nothing is transcoded or delivered again")
    void recoversFromACrash() throws Throwable {
        for (String name : List.of("a.wav", "b.wav", "c.wav", "d.wav", "e.wav")) {
            batch.source(name, "sound of " + name);
        }
        // What a crash (power cut, kill -9) can leave, one file at each point of the way:
        WorkFolders folders = batch.folders;
        batch.write(folders.partial().resolve("a.wav.out"), "stand-in transcoding of a.wav\nso");   // half-written
        batch.write(folders.toUpload().resolve("b.wav.out"), batch.expectedOutput("b.wav"));       // not uploaded
        batch.write(folders.toUpload().resolve("c.wav.out"), batch.expectedOutput("c.wav"));       // delivered,
        batch.write(batch.delivered.resolve("c.wav.out"), batch.expectedOutput("c.wav"));          // not recorded
        batch.write(folders.uploaded().resolve("d.wav.out"), batch.expectedOutput("d.wav"));       // source not moved
        batch.write(batch.delivered.resolve("d.wav.out"), batch.expectedOutput("d.wav"));
        batch.write(folders.toUpload().resolve("e.wav.out"), batch.expectedOutput("e.wav"));       // copy cut short
        batch.write(batch.delivered.resolve(".e.wav.out.part"), "stand-in trans");

        batch.start(batch.standIn(), "*", false).awaitEnd();
        batch.assertDone("a.wav", "b.wav", "c.wav", "d.wav", "e.wav");
        assertEquals(List.of("a.wav"), batch.transcoded(), "only a.wav had no finished output");
        assertEquals(List.of("a.wav.out", "b.wav.out", "e.wav.out"), sorted(batch.destination.delivered),
                "c and d had been delivered already");
    }

    @GradedTest(order = 6, value = "Ctrl-C lets the files in hand finish for a grace period, then kills the commands"
            + " still running; their half-written outputs are dropped and done again by the next run")
    void ctrlCKillsWhatOutlastsTheGrace() throws Throwable {
        batch.sources(List.of("long 1.wav", "long 2.wav"));
        Run run = batch.start(batch.standIn("--gate", batch.gate.toString()), "*", false);
        run.awaitFile(batch.gate.resolve("long 1.wav.started"));
        run.awaitFile(batch.gate.resolve("long 2.wav.started"));
        // Both commands are held half-way and never finish by themselves: the grace runs out.
        assertFalse(TranscodeAndUpload.stop(run.stop, run.running.thread(), Duration.ofMillis(200)),
                "the commands could not have finished: stop must report that it killed them");
        run.awaitEnd();
        assertEquals(2, run.events(Status.Failed.class).size(), "both files should be reported failed for this run");
        batch.assertLeft("long 1.wav", "long 2.wav");
        batch.assertConsistent();

        batch.start(batch.standIn(), "*", false).awaitEnd();
        batch.assertDone("long 1.wav", "long 2.wav");
    }

    @GradedTest(order = 7, value = "the command line makes sample files, shows files done of total and the files in"
            + " hand, and ends with a summary")
    void commandLine(@TempDir Path work) throws Throwable {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            TranscodeAndUpload.main(new String[] {"--samples", "4", "--slow", "200", work.toString()});
        } finally {
            System.setOut(original);
        }
        List<String> lines = printed.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals("All 4 files transcoded and uploaded.", lines.getLast(), "the last line: " + lines);
        assertTrue(lines.contains("4 of 4 done | transcoding: - | uploading: -"), "the progress lines: " + lines);
        assertTrue(lines.stream().anyMatch(line -> line.matches("[0-3] of 4 done \\| transcoding: 0[1-4] .*")),
                "a progress line should name the files being transcoded: " + lines);
        try (Stream<Path> delivered = Files.list(work.resolve("delivered"))) {
            assertEquals(4, delivered.count(), "four outputs delivered to WORK/delivered");
        }
    }

    @GradedTest(order = 8, value = "a shell gets file names only as its positional parameters: {in} or {out} inside an"
            + " argument is refused, and sh -c 'cp \"$1\" \"$2\"' sh {in} {out} copies names holding $(...), backticks"
            + " and ; without running them")
    void shellGetsNamesAsParameters() throws Throwable {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs /bin/sh");
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new Command(List.of("/bin/sh", "-c", "cp {in} {out}"), "out"),
                "a template that pastes {in} into a shell's script must be refused");
        assertTrue(refused.getMessage().contains("sh -c 'cp \"$1\" \"$2\"' sh {in} {out}"),
                "the refusal shows the safe form: " + refused.getMessage());
        List<String> names = List.of("a $(touch INJECTED1).wav", "b `touch INJECTED2`.wav", "c; touch INJECTED3.wav",
                "d' ; touch INJECTED4 ; '.wav");
        batch.sources(names);
        batch.start(new Command(List.of("/bin/sh", "-c", "cp \"$1\" \"$2\"", "sh", "{in}", "{out}"), "out"),
                "*", false).awaitEnd();
        for (String name : names) {
            assertEquals("content of " + name, Files.readString(batch.delivered.resolve(name + ".out")),
                    name + " should have been copied by the shell and delivered");
        }
        batch.assertNothingInjected("a file name was run as shell code");
    }

    @GradedTest(order = 9, value = "every attempt at a file writes to a partial name of its own, so that a command"
            + " left running by a killed run can never write into the file of the next run")
    void eachAttemptHasItsOwnPartialFile() throws Throwable {
        batch.source("song.wav", "a song");
        Path started = batch.gate.resolve("song.wav.started");
        Run first = batch.start(batch.standIn("--gate", batch.gate.toString()), "*", false);
        first.awaitFile(started);
        List<Path> firstPartial = partialFiles(batch);
        assertFalse(TranscodeAndUpload.stop(first.stop, first.running.thread(), Duration.ZERO),
                "the command was held half-way: stop must kill it");
        first.awaitEnd();
        Files.delete(started);
        Run second = batch.start(batch.standIn("--gate", batch.gate.toString()), "*", false);
        second.awaitFile(started);
        List<Path> secondPartial = partialFiles(batch);
        assertEquals(1, firstPartial.size(), "one partial file while the first attempt ran: " + firstPartial);
        assertEquals(1, secondPartial.size(), "one partial file while the second attempt ran: " + secondPartial);
        assertNotEquals(firstPartial, secondPartial, "two attempts at song.wav wrote to the same partial file");
        Files.createFile(batch.gate.resolve("song.wav.go"));
        second.awaitEnd();
        batch.assertDone("song.wav");
    }

    /** The files being written in partial/ now. */
    static List<Path> partialFiles(Batch batch) throws IOException {
        try (Stream<Path> all = Files.walk(batch.folders.partial())) {
            return all.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(".out")).toList();
        }
    }

    @GradedTest(order = 10, value = "the progress lines show file names and reasons with control characters escaped: a"
            + " name cannot split a line or send codes to the terminal")
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void progressEscapesNames() throws Throwable {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Path newline = Path.of("two\nlines.wav");
        Path escape = Path.of("\u001b[2Jcleared.wav");
        Scheduler scheduler = new Scheduler();
        new Pipeline(new Source(List.of(newline, escape, new Status.Transcoding(newline),
                new Status.Failed(escape, "bad input\u001b[31m\u202e"))),
                new Progress(new PrintStream(printed, true, StandardCharsets.UTF_8))).activate(scheduler);
        InBackground running = InBackground.run(scheduler);
        assertTrue(running.awaitEnd(Duration.ofSeconds(10)), "the progress display never ended");
        String text = printed.toString(StandardCharsets.UTF_8);
        assertTrue(text.chars().noneMatch(c -> c != '\n' && (Character.isISOControl(c)
                || Character.getType(c) == Character.FORMAT)), "a control character reached the terminal: "
                + text.replace("\u001b", "<ESC>"));
        assertTrue(text.contains("two\\nlines.wav") && text.contains("\\u001b[2Jcleared.wav")
                && text.contains("bad input\\u001b[31m\\u202e"), "names and reasons are shown escaped: " + text);
        assertTrue(text.lines().filter(line -> line.contains("lines.wav")).allMatch(line -> line.contains("two")),
                "a name split a line: " + text);
    }

    // ------------------------------------------------------------------------------------
    // The fixture: a work folder, the stand-in's log, and a destination that keeps count

    static List<String> sorted(Collection<String> names) {
        return names.stream().sorted().toList();
    }

    /** A work folder with sources, the stand-in's log of finished transcodes, and a counting destination. */
    static final class Batch {
        final WorkFolders folders;
        final Path delivered;
        final Path log;
        final Path gate;
        final CountingDestination destination;
        /** Each source's relative name and content. */
        final Map<String, String> sources = new TreeMap<>();
        /**
         * How many of the commands run on each source were killed by Ctrl-C: each may have finished its transcode just
         * before it was killed, so the stand-in may have logged it although its output was dropped.
         */
        final Map<String, Integer> killed = new TreeMap<>();

        private final Path dir;

        Batch(Path dir) throws IOException {
            this.dir = dir;
            folders = new WorkFolders(dir.resolve("work")).prepare();
            delivered = dir.resolve("delivered");
            log = dir.resolve("stand-in.log");
            gate = Files.createDirectories(dir.resolve("gate"));
            destination = new CountingDestination(new LocalFolder(delivered));
        }

        void source(String name, String content) throws IOException {
            sources.put(name, content);
            write(folders.source().resolve(name), content);
        }

        /** Sources whose content is "content of " and their name. */
        void sources(List<String> names) throws IOException {
            for (String name : names) {
                source(name, "content of " + name);
            }
        }

        /** No command ran a file name: nothing called INJECTED... was made anywhere in the batch's folder. */
        void assertNothingInjected(String failure) throws IOException {
            try (Stream<Path> all = Files.walk(dir)) {
                assertEquals(List.of(), all.filter(p -> p.getFileName().toString().startsWith("INJECTED")).toList(),
                        failure);
            }
        }

        void write(Path file, String content) throws IOException {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        }

        /** What the stand-in makes of a source. */
        String expectedOutput(String name) {
            return "stand-in transcoding of " + Path.of(name).getFileName() + "\n" + sources.get(name);
        }

        Command standIn(String... options) {
            List<String> all = new ArrayList<>(List.of("--log", log.toString()));
            all.addAll(List.of(options));
            return Command.standIn(all);
        }

        /** Builds the batch with a stop button and a collector for its events, and runs it on another thread. */
        Run start(Command command, String glob, boolean invert) throws IOException {
            folders.prepare();                       // as the command line does at every start
            Scheduler scheduler = new Scheduler();
            StopButton stop = new StopButton();
            Recorder events = new Recorder();
            Graphline system = TranscodeAndUpload.system(folders, command, destination, glob, invert);
            TranscodeAndUpload.withControls(stop, system, events).activate(scheduler);
            return new Run(scheduler, InBackground.run(scheduler), stop, events);
        }

        /** The input names of the transcodes that finished, as the stand-in logged them, in order. */
        List<String> transcoded() throws IOException {
            return Files.exists(log) ? Files.readAllLines(log).stream().sorted().toList() : List.of();
        }

        /** The files under a folder, relative to it, with / between parts. */
        static Map<String, String> filesIn(Path folder) throws IOException {
            Map<String, String> files = new TreeMap<>();
            if (!Files.exists(folder)) {
                return files;
            }
            try (Stream<Path> all = Files.walk(folder)) {
                for (Path file : all.filter(Files::isRegularFile).toList()) {
                    files.put(WorkFolders.nameOf(folder.relativize(file)), Files.readString(file));
                }
            }
            return files;
        }

        /** These sources are done: transcoded once, delivered once, whole, and recorded as such on disk. */
        void assertDone(String... names) throws IOException {
            assertConsistent();
            Map<String, String> done = filesIn(folders.done());
            Map<String, String> uploaded = filesIn(folders.uploaded());
            Map<String, String> copies = filesIn(delivered);
            for (String name : names) {
                String output = name + ".out";
                assertEquals(sources.get(name), done.get(name), name + " should be in done/, unchanged");
                assertEquals(expectedOutput(name), uploaded.get(output), output + " should be whole in uploaded/");
                assertEquals(expectedOutput(name), copies.get(output), output + " should be whole at the destination");
                assertTrue(destination.delivered.stream().filter(output::equals).count() <= 1,
                        output + " should have been delivered once at most: " + destination.delivered);
                assertTrue(Collections.frequency(transcoded(), Path.of(name).getFileName().toString())
                        <= 1 + killed.getOrDefault(name, 0), name + " should have been transcoded once: " + transcoded());
            }
            assertEquals(List.of(), new ArrayList<>(filesIn(folders.toUpload()).keySet()), "to-upload/ should be empty");
            assertEquals(List.of(), new ArrayList<>(filesIn(folders.partial()).keySet()), "partial/ should be empty");
        }

        /** These sources have not been done: they are still in source/, unchanged, with no output anywhere. */
        void assertLeft(String... names) throws IOException {
            Map<String, String> source = filesIn(folders.source());
            for (String name : names) {
                assertEquals(sources.get(name), source.get(name), name + " should still be in source/, unchanged");
                for (Path folder : List.of(folders.toUpload(), folders.uploaded(), delivered)) {
                    assertFalse(filesIn(folder).containsKey(name + ".out"), name + " should have no output in " + folder);
                }
            }
        }

        /** What must hold whenever the batch has stopped, at whatever moment. */
        void assertConsistent() throws IOException {
            Map<String, String> source = filesIn(folders.source());
            Map<String, String> done = filesIn(folders.done());
            Map<String, String> toUpload = filesIn(folders.toUpload());
            Map<String, String> uploaded = filesIn(folders.uploaded());
            Map<String, String> copies = filesIn(delivered);
            for (String name : sources.keySet()) {
                assertTrue(source.containsKey(name) != done.containsKey(name),
                        name + " should be in exactly one of source/ and done/");
                String output = name + ".out";
                assertFalse(toUpload.containsKey(output) && uploaded.containsKey(output),
                        output + " is in both to-upload/ and uploaded/");
                for (Map<String, String> folder : List.of(toUpload, uploaded, copies)) {
                    if (folder.containsKey(output)) {
                        assertEquals(expectedOutput(name), folder.get(output), output + " is not whole");
                    }
                }
                if (done.containsKey(name)) {
                    assertTrue(uploaded.containsKey(output) && copies.containsKey(output),
                            name + " is in done/, so its output must have been uploaded");
                }
            }
            assertEquals(List.of(), copies.keySet().stream().filter(n -> n.contains("/.") || n.startsWith(".")).toList(),
                    "no half-delivered copy should be left at the destination after a stop");
            assertEquals(List.of(), new ArrayList<>(filesIn(folders.partial()).keySet()),
                    "partial/ should be empty when the batch has stopped");
            List<String> transcoded = transcoded();
            for (String name : sources.keySet()) {
                assertTrue(Collections.frequency(transcoded, Path.of(name).getFileName().toString())
                        <= 1 + killed.getOrDefault(name, 0), name + " was transcoded twice: " + transcoded);
            }
            assertEquals(new TreeSet<>(destination.delivered).size(), destination.delivered.size(),
                    "a file was delivered twice: " + destination.delivered);
        }
    }

    /** A running batch. */
    record Run(Scheduler scheduler, InBackground running, StopButton stop, Recorder collector) {
        /** Waits for the batch to end, then checks that every component has finished. */
        void awaitEnd() throws Throwable {
            try {
                assertTrue(running.awaitEnd(PATIENCE), "the batch did not end within " + PATIENCE.toSeconds() + " s");
            } finally {
                running.stop();
            }
            assertEquals(List.of(), scheduler.microprocesses(), "every component must have finished");
        }

        /** The events the batch sent out (read it only once the batch has ended). */
        List<Object> events() {
            return collector.collected();
        }

        List<Status> events(Class<? extends Status> kind) {
            return events().stream().filter(kind::isInstance).map(Status.class::cast).toList();
        }

        /** The files to do that the batch listed, in order. */
        List<Path> toDo() {
            return events().stream().filter(Path.class::isInstance).map(Path.class::cast).toList();
        }

        void awaitFile(Path file) throws Throwable {
            await(() -> Files.exists(file), file.getFileName() + " never appeared");
        }

        void await(CountDownLatch latch, String failure) throws Throwable {
            await(() -> latch.getCount() == 0, failure);
        }

        /** Polls until the condition holds, for up to {@link #PATIENCE}; fails if the batch ends or fails first. */
        void await(BooleanSupplier condition, String failure) throws Throwable {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (!condition.getAsBoolean()) {
                running.rethrow();
                assertTrue(running.thread().isAlive(), failure + ": the batch ended first");
                assertTrue(System.nanoTime() < deadline, failure + " within " + PATIENCE.toSeconds() + " s");
                Thread.sleep(5);
            }
        }
    }

    /** A destination that delivers to a local folder, counts deliveries, and can hold them until released. */
    static final class CountingDestination implements Destination {
        private final LocalFolder folder;
        final List<String> delivered = new CopyOnWriteArrayList<>();
        private final List<String> inProgress = new CopyOnWriteArrayList<>();
        final CountDownLatch deliveryStarted = new CountDownLatch(1);
        private volatile CountDownLatch release = new CountDownLatch(0);
        private Random delays;
        private int maxDelay;

        CountingDestination(LocalFolder folder) {
            this.folder = folder;
        }

        void holdDeliveries() {
            release = new CountDownLatch(1);
        }

        /** Makes each delivery take a random time, up to {@code maxMillis}, as a slow disk or network would. */
        synchronized void slowDown(Random random, int maxMillis) {
            delays = random;
            maxDelay = maxMillis;
        }

        private synchronized long delay() {
            return delays == null ? 0 : delays.nextInt(maxDelay + 1);
        }

        void releaseDeliveries() {
            release.countDown();
        }

        List<String> delivering() {
            return List.copyOf(inProgress);
        }

        @Override
        public boolean holds(String name, Path file) throws IOException {
            return folder.holds(name, file);
        }

        @Override
        public void deliver(String name, Path file) throws IOException {
            inProgress.add(name);
            deliveryStarted.countDown();
            try {
                if (!release.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
                    throw new IOException("the test never released the delivery of " + name);
                }
                Thread.sleep(delay());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while the test held the delivery of " + name);
            }
            folder.deliver(name, file);
            delivered.add(name);
            inProgress.remove(name);
        }
    }
}
