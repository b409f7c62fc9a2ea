package org.byoaxon.tools;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchService;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The warm grading loop: one JVM that waits for a save under the graded tree, compiles
 * what changed ({@link Javac}), grades it in a fresh class loader ({@link GradingRun})
 * and prints the same board as {@code ./mvnw test -Dstage=N}. Started, and restarted
 * when it asks, by {@link Kit#watch}.
 *
 * <pre>
 * WatchLoop ROOT STAGE|follow TREE [--wait]
 * </pre>
 *
 * <p>With {@code follow} it grades up to the first unfinished stage, and when that one is
 * done, grades again up to the next, to show where it starts. With {@code --wait} it grades nothing until the next
 * save (after a restart, when the code that made it restart is still the same).
 * It exits with {@link #RESTART} when the learner's code left a loop running that would
 * slow every later run down, or too many threads piled up.
 */
final class WatchLoop {
    /** The exit status that asks {@link Kit#watch} for a fresh JVM. */
    static final int RESTART = 75;
    /** Runs that may leave waiting threads behind before the JVM is renewed. */
    private static final int MAX_ABANDONED = Integer.getInteger("kit.watch.abandoned", 20);
    /**
     * Loops left running that the JVM keeps: none by default, as on a two-core laptop one
     * such loop halves the speed of every later run, and could make a threaded stage's
     * test run out of time where it would not with Maven.
     */
    private static final int MAX_BUSY = Integer.getInteger("kit.watch.busy", 0);

    private final Path root;
    private final String tree;
    private final Path sources;
    private final Javac javac;
    private final GradingRun runs;
    private final Path classes;
    private final boolean follow;
    private final int lastStage;
    private int stage;
    private int abandoned;

    WatchLoop(Path root, String stageText, String tree) {
        this.root = root.toAbsolutePath().normalize();
        this.tree = tree;
        this.sources = this.root.resolve(tree).resolve("src/main/java");
        this.classes = this.root.resolve(tree).resolve("target/watch-classes");
        this.javac = new Javac(this.root, sources, classes, release(this.root));
        this.runs = new GradingRun(this.root, this.root.resolve("tests/target/test-classes"),
                this.root.resolve("tests/target/grading-watch"));
        this.lastStage = Stages.last(this.root);
        this.follow = stageText.equals("follow");
        this.stage = follow ? Stages.firstUnfinished(this.root, lastStage) : Integer.parseInt(stageText);
    }

    public static void main(String[] args) {
        WatchLoop loop = new WatchLoop(Path.of(args[0]), args[1], args[2]);
        boolean wait = args.length > 3 && args[3].equals("--wait");
        System.exit(loop.run(wait));
    }

    /** Grades now (unless told to wait), then after every save; returns only to restart. */
    int run(boolean wait) {
        try (Changes changes = new Changes(sources)) {
            if (wait) {
                if (javac.compile().ok()) {
                    runs.warmUp(classes, String.valueOf(stage));
                }
                System.out.println("Watching " + tree + "/ again in a fresh JVM: save a file to grade stages 1 to "
                        + stage + ".");
            } else {
                Integer status = gradeAndReport(System.nanoTime());
                if (status != null) {
                    return status;
                }
            }
            while (true) {
                long saved = changes.next();
                Integer status = gradeAndReport(saved);
                if (status != null) {
                    return status;
                }
            }
        }
    }

    /** One round: compile, grade, board, and what comes next; non-null to end this JVM. */
    private Integer gradeAndReport(long since) {
        PrintStream out = System.out;
        out.print("\033[H\033[2J");
        out.println("Grading stages 1 to " + stage + " of " + tree + "/ at " + LocalTime.now().withNano(0) + " ...");
        out.flush();
        Javac.Result compiled = javac.compile();
        if (!compiled.ok()) {
            out.print(CompileReport.of(root, compiled.problems()));
            footer(out, "Checked", since, "Fix it and save: the next save grades again.");
            return null;
        }
        GradingRun.Outcome outcome = runs.grade(classes, tree, String.valueOf(stage), out);
        while (follow && outcome.done() && outcome.leftBusy() <= MAX_BUSY && stage < lastStage) {
            stage++;   // that stage is done: show where the next one starts
            out.print("\033[H\033[2J");
            out.println("Stages 1 to " + (stage - 1) + " pass. Grading stages 1 to " + stage + " of " + tree + "/ ...");
            out.flush();
            outcome = runs.grade(classes, tree, String.valueOf(stage), out);
        }
        footer(out, "Graded", since, outcome.kept() == 0 ? "" : "(" + outcome.kept() + " test classes kept their results"
                + " from the last run: they passed then, and none of the code they use has changed.)");
        if (!outcome.finished() || outcome.leftBusy() > MAX_BUSY) {
            out.println("Your code left " + (outcome.finished() ? "a loop running after its test gave up on it"
                    : "a test that never returned") + "; it cannot be stopped, so this grader starts afresh"
                    + " (a few seconds) before the next save.");
            out.flush();
            return RESTART;
        }
        if (outcome.leftIdle() > 0 && ++abandoned > MAX_ABANDONED) {
            out.println("Threads your code started are piling up; this grader starts afresh before the next save.");
            out.flush();
            return RESTART;
        }
        return null;
    }

    private void footer(PrintStream out, String what, long since, String extra) {
        double seconds = (System.nanoTime() - since) / 1e9;
        out.printf("%n%s %.1f s after the save. Watching %s/ for changes: save a file to grade again, Ctrl-C to"
                + " stop.%s%n", what, seconds, tree, extra.isEmpty() ? "" : " " + extra);
        out.flush();
    }

    /** The Java release the build compiles for (the root pom's maven.compiler.release). */
    static String release(Path root) {
        try {
            Matcher m = Pattern.compile("<maven\\.compiler\\.release>(\\d+)</maven\\.compiler\\.release>")
                    .matcher(Files.readString(root.resolve("pom.xml")));
            return m.find() ? m.group(1) : "21";
        } catch (IOException e) {
            return "21";
        }
    }

    /**
     * Saves under a folder: the file system's events where it has them, and a look at
     * every file's size and time a few times a second where it has not (some network
     * and virtual-machine folders).
     */
    static final class Changes implements AutoCloseable {
        private final Path dir;
        private final WatchService events;
        private Map<Path, String> seen;

        Changes(Path dir) {
            this.dir = dir;
            WatchService service;
            try {
                service = FileSystems.getDefault().newWatchService();
            } catch (IOException | UnsupportedOperationException e) {
                service = null;
            }
            this.events = service;
            this.seen = look();
            register();
        }

        /** Waits for a save and returns when it was seen (System.nanoTime). */
        long next() {
            while (true) {
                try {
                    if (events != null) {
                        var key = events.poll(150, TimeUnit.MILLISECONDS);
                        if (key != null) {
                            key.pollEvents();
                            key.reset();
                        }
                    } else {
                        Thread.sleep(150);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted");
                }
                Map<Path, String> now = look();
                if (!now.equals(seen)) {
                    long when = System.nanoTime();
                    settle(now);
                    register();
                    return when;
                }
            }
        }

        /** Editors write in steps: waits until two looks in a row agree. */
        private void settle(Map<Path, String> now) {
            Map<Path, String> last = now;
            while (true) {
                try {
                    Thread.sleep(15);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                Map<Path, String> again = look();
                if (again.equals(last)) {
                    seen = again;
                    return;
                }
                last = again;
            }
        }

        private Map<Path, String> look() {
            Map<Path, String> files = new HashMap<>();
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.toList()) {
                    try {
                        files.put(p, Files.isDirectory(p) ? "dir"
                                : Files.size(p) + "@" + Files.getLastModifiedTime(p).toMillis());
                    } catch (IOException e) {
                        // gone while looking: the next look sees it
                    }
                }
            } catch (IOException | UncheckedIOException e) {
                // the folder changes while walked: the next look sees it
            }
            return files;
        }

        private void register() {
            if (events == null) {
                return;
            }
            for (var entry : seen.entrySet()) {
                if (entry.getValue().equals("dir")) {
                    try {
                        entry.getKey().register(events, StandardWatchEventKinds.ENTRY_CREATE,
                                StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
                    } catch (IOException e) {
                        // the look every few hundred milliseconds still sees it
                    }
                }
            }
        }

        @Override
        public void close() {
            if (events != null) {
                try {
                    events.close();
                } catch (IOException e) {
                    // closing anyway
                }
            }
        }
    }
}
