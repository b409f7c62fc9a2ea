package org.byoaxon.tools;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.engine.TestExecutionResult;

/**
 * One grading run inside this JVM, as {@code ./mvnw test -Dstage=N} does it in its own:
 * the graded classes and the test classes in a fresh class loader (so that nothing of
 * the last run's classes, statics included, is seen), the test classes Surefire would
 * pick, the JUnit Platform launcher with the suite's own configuration
 * ({@code junit-platform.properties}, the stage filter and the results recorder, found
 * through the class loader as Surefire finds them), the same system properties, and then
 * the suite's own progress board.
 *
 * <p>The first classes of the run that passed last time and can see nothing that changed
 * since are not run again: their results are kept ({@link Unchanged}).
 *
 * <p>A learner's code may leave threads behind, a loop that a time-out gave up on above
 * all. They cannot be stopped; the run counts them, and the loop restarts its JVM when
 * they would slow the next runs down.
 */
final class GradingRun {
    /** What a run left: the board's text and the threads that outlived it. */
    record Outcome(String board, boolean done, int leftBusy, int leftIdle, boolean finished, int kept) {
    }

    /** How long a run may go without a single test starting or ending before it is given up. */
    static final long STALL_MILLIS = Long.getLong("kit.watch.stall", 120_000);

    /** {@code -Dkit.watch.profile=true}: each test and class that takes over 50 ms, with its time, on standard error. */
    private static final boolean PROFILE = Boolean.getBoolean("kit.watch.profile");
    /**
     * The launcher's notes on discovery (such as an {@code @Order} that the suite's own
     * class orderer makes moot) are not shown by {@code ./mvnw test} either. Held here, since
     * the logging keeps only weak references to its loggers.
     */
    private static final java.util.logging.Logger DISCOVERY_NOTES = quiet(
            "org.junit.platform.launcher.core.DiscoveryIssueNotifier");

    private final Path root;
    private final Path testClasses;
    private final Path results;
    private final Unchanged unchanged = new Unchanged();

    /**
     * @param root        the kit's top folder
     * @param testClasses the graded suite's compiled test classes and resources
     * @param results     where the run writes its results for the board
     */
    GradingRun(Path root, Path testClasses, Path results) {
        this.root = root;
        this.testClasses = testClasses;
        this.results = results;
    }

    /**
     * Grades stages 1..stage of the classes in {@code graded} and prints the board.
     *
     * @param graded  the compiled classes of the graded tree
     * @param tree    "exercises" or "solutions", as the board names it
     * @param stage   the last stage to grade, or "all"
     * @param out     where the tests' own output and the board go
     */
    Outcome grade(Path graded, String tree, String stage, PrintStream out) {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        Unchanged.Recording loader = new Unchanged.Recording("graded-" + System.nanoTime(),
                new URL[] {url(graded), url(testClasses)}, GradingRun.class.getClassLoader());
        setProperties(stage);
        deleteResults();
        Unchanged.Plan plan = unchanged.plan(graded, testClasses, graded + "|" + stage + "|"
                + System.getProperty("axon.scheduler") + "|"
                + Unchanged.hashes(testClasses), loader);
        AtomicLong lastEvent = new AtomicLong(System.nanoTime());
        Throwable[] failure = new Throwable[1];
        Thread runner = new Thread(() -> {
            try {
                execute(loader, lastEvent, plan);
            } catch (Throwable t) {
                failure[0] = t;
            }
        }, "kit-grading");
        runner.setContextClassLoader(loader);
        runner.setDaemon(true);
        runner.start();
        boolean finished = waitFor(runner, lastEvent);
        String board;
        boolean done = false;
        if (!finished) {
            board = "\nGrading stopped: no test started or ended for " + STALL_MILLIS / 1000 + " s, so something in the"
                    + " tests' own set-up never returned. Save again to grade afresh.\n";
        } else if (failure[0] != null) {
            board = "\nGrading could not run: " + failure[0] + "\n";
        } else if (!keepUnchanged(plan) && !plan.skipped().isEmpty()) {
            close(loader);   // the kept results could not be put back: grade every class
            return grade(graded, tree, stage, out);
        } else {
            String[] shown = showBoard(loader, tree, stage);
            board = shown[0];
            done = shown[1].equals("0");
        }
        out.print(board);
        out.flush();
        int[] left = leftBehind(before);
        if (!finished || failure[0] != null || left[0] > 0) {
            unchanged.forget();   // the JVM starts afresh, or the run could not be checked
        }
        if (left[0] + left[1] == 0 && finished) {   // else the loader stays with what still runs its classes
            close(loader);
        }
        return new Outcome(board, done, left[0], left[1], finished, plan.skipped().size());
    }

    /**
     * Finds the tests of a run without running any (no code of the graded tree runs), so
     * that a fresh JVM has the launcher, the engines and the compiler's output warm
     * before the first save.
     */
    void warmUp(Path graded, String stage) {
        try (URLClassLoader loader = new URLClassLoader("warm-up", new URL[] {url(graded), url(testClasses)},
                GradingRun.class.getClassLoader())) {
            setProperties(stage);
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(loader);
            try {
                LauncherFactory.create(LauncherConfig.DEFAULT).discover(request(loader, Set.of()));
            } finally {
                thread.setContextClassLoader(previous);
            }
        } catch (IOException | RuntimeException e) {
            // only a warm-up: the next run reports whatever is wrong
        }
    }

    private LauncherDiscoveryRequest request(ClassLoader loader, Set<String> skipped) throws IOException {
        List<ClassSelector> selectors = new ArrayList<>();
        for (String name : testClassNames()) {
            if (!skipped.contains(name)) {
                selectors.add(DiscoverySelectors.selectClass(loader, name));
            }
        }
        return LauncherDiscoveryRequestBuilder.request().selectors(selectors).build();
    }

    private void execute(ClassLoader loader, AtomicLong lastEvent, Unchanged.Plan plan) throws IOException {
        LauncherDiscoveryRequest request = request(loader, plan.skipped());
        Launcher launcher = LauncherFactory.create(LauncherConfig.DEFAULT);
        java.util.Map<String, Long> started = new java.util.concurrent.ConcurrentHashMap<>();
        launcher.execute(request, new TestExecutionListener() {
            @Override
            public void executionStarted(TestIdentifier test) {
                lastEvent.set(System.nanoTime());
                started.put(test.getUniqueId(), System.nanoTime());
            }

            @Override
            public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                lastEvent.set(System.nanoTime());
                Long since = started.remove(test.getUniqueId());
                if (PROFILE && since != null && (System.nanoTime() - since) > 50_000_000L) {
                    System.err.printf("kit.watch.profile %7.3f s %s %s%n", (System.nanoTime() - since) / 1e9,
                            test.isContainer() ? "class" : "  test", test.getDisplayName());
                }
            }

            @Override
            public void executionSkipped(TestIdentifier test, String reason) {
                lastEvent.set(System.nanoTime());
            }
        }, plan);
    }

    private static boolean waitFor(Thread runner, AtomicLong lastEvent) {
        try {
            while (runner.isAlive()) {
                runner.join(200);
                if (runner.isAlive() && System.nanoTime() - lastEvent.get() > STALL_MILLIS * 1_000_000L) {
                    return false;
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * The test classes Surefire runs by default: {@code Test*}, {@code *Test},
     * {@code *Tests} and {@code *TestCase}, no nested classes.
     */
    List<String> testClassNames() throws IOException {
        try (Stream<Path> walk = Files.walk(testClasses)) {
            return walk.filter(p -> p.toString().endsWith(".class"))
                    .map(p -> testClasses.relativize(p).toString().replace('\\', '/'))
                    .filter(name -> !name.contains("$"))
                    .map(name -> name.substring(0, name.length() - ".class".length()))
                    .filter(name -> {
                        String simple = name.substring(name.lastIndexOf('/') + 1);
                        return simple.startsWith("Test") || simple.endsWith("Test") || simple.endsWith("Tests")
                                || simple.endsWith("TestCase");
                    })
                    .map(name -> name.replace('/', '.')).sorted().toList();
        }
    }

    /** The system properties the build gives the tests (tests/pom.xml, Surefire's systemPropertyVariables). */
    private void setProperties(String stage) {
        System.setProperty("grading.mode", "grade");
        System.setProperty("grading.stage", stage);
        System.setProperty("grading.results", results.toString());
        System.setProperty("kit.root", root.toString());
        System.setProperty("axon.scheduler", System.getProperty("kit.watch.scheduler", ""));
    }

    /** Puts the results of the classes this run kept back in their place in results.tsv; false if it cannot. */
    private boolean keepUnchanged(Unchanged.Plan plan) {
        Path file = results.resolve("results.tsv");
        try {
            List<String> written = Files.exists(file) ? Files.readAllLines(file) : List.of();
            List<String> merged = plan.finish(written);
            if (merged != null && !merged.equals(written)) {
                Files.write(file, merged);
            }
            return merged != null;
        } catch (IOException e) {
            unchanged.forget();
            throw new UncheckedIOException(e);
        }
    }

    private void deleteResults() {
        try {
            Files.deleteIfExists(results.resolve("results.tsv"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the suite's board on this run's results; returns its text and its status ("0": all done). */
    private String[] showBoard(ClassLoader loader, String tree, String stage) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int status;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            Class<?> board = Class.forName("grading.support.Board", true, loader);
            Object answer = board.getMethod("show", String[].class)
                    .invoke(null, (Object) new String[] {results.toString(), root.toString(), stage, tree});
            status = (Integer) answer;
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("the progress board failed: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the progress board has no entry point Board.show(String...): " + e, e);
        } finally {
            System.out.flush();
            System.setOut(original);
        }
        return new String[] {captured.toString(StandardCharsets.UTF_8), String.valueOf(status)};
    }

    /**
     * The threads this run started that are still alive after a short grace: how many
     * still use a processor (a loop that never ends) and how many only wait.
     */
    private static int[] leftBehind(Set<Thread> before) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long deadline = System.nanoTime() + 300_000_000L;
        List<Thread> left;
        do {
            left = new ArrayList<>();
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (!before.contains(t) && t.isAlive() && t != Thread.currentThread()) {
                    left.add(t);
                }
            }
            if (left.isEmpty()) {
                return new int[] {0, 0};
            }
            sleep(50);
        } while (System.nanoTime() < deadline);
        // Busy: it ran in this short window. On a loaded machine a loop gets only a sliver of a processor.
        long[] cpu = left.stream().mapToLong(t -> threads.getThreadCpuTime(t.threadId())).toArray();
        sleep(150);
        int busy = 0;
        int idle = 0;
        for (int i = 0; i < left.size(); i++) {
            Thread thread = left.get(i);
            long now = threads.getThreadCpuTime(thread.threadId());
            if (thread.getState() == Thread.State.RUNNABLE && cpu[i] >= 0 && now - cpu[i] > 500_000L) {
                busy++;
            } else if (!thread.getClass().getName().equals("jdk.internal.misc.CarrierThread")) {
                idle++;   // a virtual threads' carrier is the JDK's, kept for a while, not the learner's
                if (PROFILE) {
                    System.err.println("kit.watch.profile left waiting: " + thread);
                }
            }
        }
        return new int[] {busy, idle};
    }

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(java.util.logging.Level.WARNING);
        return logger;
    }

    private static void close(URLClassLoader loader) {
        try {
            loader.close();
        } catch (IOException e) {
            // nothing more to free
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static URL url(Path dir) {
        try {
            return dir.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Names of the threads alive now, for messages. */
    static Set<String> threadNames() {
        Set<String> names = new HashSet<>();
        Thread.getAllStackTraces().keySet().forEach(t -> names.add(t.getName()));
        return names;
    }
}
