package grading.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The graded code that another thread was busy in when a test ran out of time: a threaded
 * component's body that loops instead of waiting, say, while the test's own thread waits
 * for a wake-up that never comes. A threaded component runs on a virtual thread, which
 * {@link Thread#getAllStackTraces()} does not list, so this reads the JDK's thread dump,
 * which does, a few times, and names a thread found busy in graded code every time (or,
 * failing that, one found asleep in a {@code Thread.sleep} that the learner's code called).
 */
final class BusyThreads {
    private static final Pattern HEADER = Pattern.compile("^#(\\d+) \"(.*)\"(.*)$");
    /** A frame, as JDK 25 writes it ("    at java.base/java.lang.Thread.run(Thread.java:1)") or JDK 21 (without "at"). */
    private static final Pattern FRAME = Pattern.compile(
            "^\\s+(?:at )?(?:[\\w.]+/)?([\\w.$]+)\\.([\\w$<>]+)\\(([^()]*)\\)\\s*$");
    private static final int DUMPS = 4;
    private static final long APART_MS = 60;

    private BusyThreads() {
    }

    /**
     * "ThreadedComponent.recv (ThreadedComponent.java:265) was busy on the thread "Echo#3" all
     * the while", if a thread was busy in graded code at every look, naming the method that
     * loops as {@link RunningCode} does for the test's own thread; else a thread that the
     * learner's code put to sleep ({@code Thread.sleep}) at every look, which hears neither a
     * message nor a shutdown request while it sleeps.
     */
    static Optional<Finding> besides(Thread testThread) {
        try {
            List<Map<Long, Busy>> dumps = new ArrayList<>();
            for (int i = 0; i < DUMPS; i++) {
                if (i > 0) {
                    Thread.sleep(APART_MS);
                }
                dumps.add(busy(ThreadDump.lines(), testThread));
            }
            for (var entry : dumps.getLast().entrySet()) {
                List<List<StackTraceElement>> samples = dumps.stream().map(d -> d.get(entry.getKey()))
                        .filter(seen -> seen != null && !seen.asleep()).map(Busy::frames).toList();
                if (samples.size() == DUMPS) {
                    List<StackTraceElement> frames = entry.getValue().frames();
                    StackTraceElement loop = frames.get(RunningCode.looping(frames, samples));
                    return Optional.of(new Finding(RunningCode.place(loop) + " was busy on the thread \""
                            + entry.getValue().name() + "\" all the while", false));
                }
            }
            for (var entry : dumps.getLast().entrySet()) {
                StackTraceElement where = entry.getValue().frames().getFirst();
                boolean always = dumps.stream().map(d -> d.get(entry.getKey())).allMatch(seen -> seen != null
                        && seen.asleep() && seen.frames().getFirst().equals(where));
                if (always) {
                    return Optional.of(new Finding(RunningCode.place(where) + " was asleep in Thread.sleep on the"
                            + " thread \"" + entry.getValue().name() + "\" at every look", true));
                }
            }
        } catch (RuntimeException e) {
            return Optional.empty(); // no dump here: the time-out says what it can without it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }

    /**
     * What another thread was doing in graded code: "...was busy on the thread ... all the
     * while", or, when {@code asleep}, sleeping in {@code Thread.sleep} at every look.
     */
    record Finding(String text, boolean asleep) {
    }

    /**
     * A thread in graded code: its name and its graded frames, top-most first; running, or
     * {@code asleep} in {@code Thread.sleep} called from the learner's code.
     */
    private record Busy(String name, List<StackTraceElement> frames, boolean asleep) {
    }

    /** The threads of a dump that run graded code and do not wait, by id. */
    private static Map<Long, Busy> busy(List<String> lines, Thread testThread) {
        Map<Long, Busy> busy = new LinkedHashMap<>();
        long id = -1;
        String name = null;
        String rest = "";
        List<StackTraceElement> frames = new ArrayList<>();
        for (String line : lines) {
            Matcher header = HEADER.matcher(line);
            Matcher frame = FRAME.matcher(line);
            if (header.matches()) {
                add(busy, id, name, rest, frames, testThread);
                id = Long.parseLong(header.group(1));
                name = header.group(2);
                rest = header.group(3);
                frames = new ArrayList<>();
            } else if (frame.find() && name != null) {
                String[] fileAndLine = frame.group(3).split(":");
                frames.add(new StackTraceElement(frame.group(1), frame.group(2), fileAndLine[0],
                        fileAndLine.length > 1 ? Integer.parseInt(fileAndLine[1].replaceAll("\\D", "")) : -1));
            }
        }
        add(busy, id, name, rest, frames, testThread);
        return busy;
    }

    private static void add(Map<Long, Busy> busy, long id, String name, String rest, List<StackTraceElement> frames,
            Thread testThread) {
        if (name == null || frames.isEmpty() || id == testThread.threadId() || name.startsWith("grading")) {
            return;
        }
        boolean waiting = rest.contains("WAITING") || rest.contains("BLOCKED") || parked(frames.getFirst());
        List<StackTraceElement> graded = frames.stream().filter(f -> RunningCode.isGraded(f.getClassName())).toList();
        if (graded.isEmpty()) {
            return;
        }
        if (!waiting) {
            busy.put(id, new Busy(name, graded, false));
        } else if (sleepsIn(frames, graded.getFirst())) {
            busy.put(id, new Busy(name, graded, true));
        }
    }

    /**
     * Whether the frames above {@code first} (the top-most graded one) are a
     * {@code Thread.sleep} that the learner's code called: the given code never sleeps to
     * wait for a message.
     */
    private static boolean sleepsIn(List<StackTraceElement> frames, StackTraceElement first) {
        boolean sleep = frames.subList(0, frames.indexOf(first)).stream()
                .anyMatch(f -> f.getClassName().equals("java.lang.Thread") && f.getMethodName().startsWith("sleep"));
        return sleep && Regions.ofKit().learners(first);
    }

    private static boolean parked(StackTraceElement top) {
        String method = top.getMethodName();
        return method.startsWith("park") || method.equals("wait") || method.contains("sleep")
                || method.startsWith("await") || method.equals("yield0");
    }
}
