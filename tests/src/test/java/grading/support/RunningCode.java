package grading.support;

import axon.Todo;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Watches the thread that runs a test, so that a time-out can say which method of the
 * graded code (the learner's, in {@code exercises/}) was running: "Scheduler.step
 * (Scheduler.java:123)". The thread's stack is sampled while the test runs, because once
 * JUnit gives up on a test it interrupts the thread, and a method that was waiting
 * returns before anyone can look.
 */
final class RunningCode {
    private static final long SAMPLE_EVERY_MS = 100;
    /** Enough busy samples for a minute of a test's run. */
    private static final int MAX_BUSY = 600;
    private static final ScheduledExecutorService SAMPLER = sampler();
    /** Where the graded code's classes come from: the tree that holds {@link Todo}. */
    private static final URL GRADED = locationOf(Todo.class);
    private static final Map<String, Boolean> IS_GRADED = new ConcurrentHashMap<>();

    private final Thread thread;
    private final ScheduledFuture<?> sampling;
    private volatile List<StackTraceElement> lastSeen = List.of();
    /** The graded frames of each sample that found the thread running (not waiting), oldest first. */
    private final List<List<StackTraceElement>> busy = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile int samples;
    /** The whole stack, and the state, of the test's thread when last sampled in graded code. */
    private volatile StackTraceElement[] lastStack;
    private volatile Thread.State lastState;

    private RunningCode(Thread thread) {
        this.thread = thread;
        this.sampling = SAMPLER.scheduleAtFixedRate(this::sample, SAMPLE_EVERY_MS, SAMPLE_EVERY_MS,
                TimeUnit.MILLISECONDS);
    }

    /**
     * One thread that samples, which ends soon after the last test stopped being watched:
     * the grader leaves no thread of its own behind when it is done (the watch loop counts
     * what a run leaves).
     */
    private static ScheduledExecutorService sampler() {
        ScheduledThreadPoolExecutor sampler = new ScheduledThreadPoolExecutor(1, task ->
                Thread.ofPlatform().daemon().name("grading: time-out watch").unstarted(task));
        sampler.setRemoveOnCancelPolicy(true);
        sampler.setKeepAliveTime(50, TimeUnit.MILLISECONDS);
        sampler.allowCoreThreadTimeOut(true);
        return sampler;
    }

    /** Starts watching the current thread. */
    static RunningCode watchCurrentThread() {
        return new RunningCode(Thread.currentThread());
    }

    /** The thread watched: the test's. */
    Thread thread() {
        return thread;
    }

    /** Stops watching. */
    void stop() {
        sampling.cancel(false);
    }

    /**
     * The graded code's frames that were running, top-most first: on the test's thread now,
     * or when last sampled, or else on any other thread (a scheduler run in the background).
     */
    List<StackTraceElement> gradedFrames() {
        List<StackTraceElement> now = graded(thread.getStackTrace());
        if (!now.isEmpty()) {
            return now;
        }
        if (!lastSeen.isEmpty()) {
            return lastSeen;
        }
        for (var entry : Thread.getAllStackTraces().entrySet()) {
            List<StackTraceElement> elsewhere = graded(entry.getValue());
            if (entry.getKey() != Thread.currentThread() && !elsewhere.isEmpty()) {
                return elsewhere;
            }
        }
        return List.of();
    }

    /** The graded frame of the method that loops (see {@link #looping}), or of the top-most graded one. */
    Optional<StackTraceElement> loopingFrame() {
        List<StackTraceElement> all = gradedFrames();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(looping(all)));
    }

    /**
     * "Scheduler.step (Scheduler.java:123) was still running after 3 seconds, called from
     * Scheduler.run (Scheduler.java:150)", or empty when no graded method was running.
     */
    Optional<String> stillRunning(String after) {
        List<StackTraceElement> all = gradedFrames();
        if (all.isEmpty()) {
            return Optional.empty();
        }
        List<StackTraceElement> frames = all.subList(looping(all), all.size());
        String top = place(frames.getFirst());
        List<String> callers = frames.stream().skip(1).map(RunningCode::place).filter(p -> !p.equals(top)).distinct()
                .limit(2).toList();
        return Optional.of(top + " was still running after " + after
                + (callers.isEmpty() ? "" : ", called from " + String.join(", from ", callers)));
    }

    /**
     * Where in these frames a loop that never ends is: the top-most method that every busy
     * sample found on the stack (a loop that calls other methods is sampled in them too, but
     * always with itself below). 0, the top, when the samples are too few to tell.
     */
    private int looping(List<StackTraceElement> frames) {
        return looping(frames, busySamples());
    }

    /** {@link #looping(List)} for frames and busy samples of any thread. */
    static int looping(List<StackTraceElement> frames, List<List<StackTraceElement>> samples) {
        if (samples.size() < 3) {
            return 0;
        }
        List<Integer> always = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            StackTraceElement frame = frames.get(i);
            if (samples.stream().allMatch(sample -> sample.stream().anyMatch(f -> sameMethod(f, frame)))) {
                always.add(i);
            }
        }
        if (always.isEmpty()) {
            return 0;
        }
        // The given code is right: a loop that runs through it is the learner's, in a region below it. Of those,
        // one sampled at more than one line is the loop itself rather than a method it calls.
        Regions regions = Regions.ofKit();
        List<Integer> learners = always.stream().filter(i -> regions.learners(frames.get(i))).toList();
        return learners.stream().filter(i -> linesSampled(samples, frames.get(i)) > 1).findFirst()
                .or(() -> learners.stream().findFirst()).orElse(always.getFirst());
    }

    private static long linesSampled(List<List<StackTraceElement>> samples, StackTraceElement frame) {
        return samples.stream().flatMap(List::stream).filter(f -> sameMethod(f, frame))
                .mapToInt(StackTraceElement::getLineNumber).distinct().count();
    }

    private static boolean sameMethod(StackTraceElement a, StackTraceElement b) {
        return a.getClassName().equals(b.getClassName()) && a.getMethodName().equals(b.getMethodName());
    }

    /**
     * The blocking call that the test's thread was found waiting in, inside a step of a
     * microprocess (called by {@code Microprocess.next}), with the graded frame that made it:
     * a step that blocks stops the whole scheduler. Empty when the thread was not waiting
     * there.
     */
    Optional<Blocked> blockedInStep() {
        StackTraceElement[] stack = lastStack;
        Thread.State state = lastState;
        if (stack == null || state == Thread.State.RUNNABLE || state == null) {
            return Optional.empty();
        }
        int first = -1;
        boolean inStep = false;
        for (int i = 0; i < stack.length; i++) {
            boolean graded = isGraded(stack[i].getClassName());
            if (graded && first < 0) {
                first = i;
            }
            if (graded && stack[i].getMethodName().equals("next") && stack[i].getClassName().endsWith(".Microprocess")) {
                inStep = true;
            }
        }
        if (first <= 0 || !inStep) {
            return Optional.empty();
        }
        StackTraceElement call = stack[first - 1];
        String type = call.getClassName().substring(call.getClassName().lastIndexOf('.') + 1);
        return Optional.of(new Blocked(type + "." + call.getMethodName(), stack[first]));
    }

    /** A blocking call ("LinkedBlockingQueue.put") and the graded frame that made it. */
    record Blocked(String call, StackTraceElement by) {
    }

    private void sample() {
        Thread.State state = thread.getState();
        StackTraceElement[] stack = thread.getStackTrace();
        List<StackTraceElement> frames = graded(stack);
        samples++;
        if (!frames.isEmpty()) {
            lastSeen = frames;
            lastStack = stack;
            lastState = state;
            if (state == Thread.State.RUNNABLE && busy.size() < MAX_BUSY) {
                busy.add(frames);
            }
        }
    }

    /**
     * The graded frames of every sample that found the test's thread running the graded
     * code rather than waiting, oldest first: what a loop that never ends was doing.
     */
    List<List<StackTraceElement>> busySamples() {
        return List.copyOf(busy);
    }

    /** How many times the test's thread was sampled. */
    int samplesTaken() {
        return samples;
    }

    /** "Scheduler.step (Scheduler.java:123)". */
    static String place(StackTraceElement frame) {
        String className = frame.getClassName().substring(frame.getClassName().lastIndexOf('.') + 1);
        String method = frame.getMethodName().equals("<init>") ? "the " + className + " constructor"
                : frame.getMethodName().startsWith("lambda$") ? "a lambda in " + className
                : className + "." + frame.getMethodName();
        return method + " (" + frame.getFileName() + ":" + frame.getLineNumber() + ")";
    }

    static List<StackTraceElement> graded(StackTraceElement[] stack) {
        List<StackTraceElement> frames = new ArrayList<>();
        for (StackTraceElement frame : stack) {
            if (isGraded(frame.getClassName())) {
                frames.add(frame);
            }
        }
        return frames;
    }

    static boolean isGraded(String className) {
        return GRADED != null && IS_GRADED.computeIfAbsent(className, name -> {
            try {
                Class<?> type = Class.forName(name, false, RunningCode.class.getClassLoader());
                return (Objects.equals(GRADED, locationOf(type)) || inGradedTree(name)) && type != Todo.class;
            } catch (ClassNotFoundException | LinkageError e) {
                return false;
            }
        });
    }

    /** Whether the graded tree has a class of this name (one planted before it on the class path replaces it). */
    private static boolean inGradedTree(String className) {
        String entry = className.replace('.', '/') + ".class";
        try {
            Path tree = Path.of(GRADED.toURI());
            if (Files.isDirectory(tree)) {
                return Files.isRegularFile(tree.resolve(entry));
            }
            return jarEntries(tree).contains(entry); // the kit check grades the packaged jar
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return false;
        }
    }

    private static volatile java.util.Set<String> jarEntries;

    private static java.util.Set<String> jarEntries(Path jar) {
        if (jarEntries == null) {
            try (var file = new java.util.jar.JarFile(jar.toFile())) {
                jarEntries = file.stream().map(java.util.zip.ZipEntry::getName)
                        .collect(java.util.stream.Collectors.toUnmodifiableSet());
            } catch (java.io.IOException e) {
                jarEntries = java.util.Set.of();
            }
        }
        return jarEntries;
    }

    private static URL locationOf(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        return source == null ? null : source.getLocation();
    }
}
