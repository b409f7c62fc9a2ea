package grading;

import static grading.Network.FILE_SLACK;
import static grading.Network.PATIENCE;
import static org.junit.jupiter.api.Assertions.fail;

import com.sun.management.UnixOperatingSystemMXBean;
import grading.support.ThreadDump;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What is open and running now: what a connection or a component might leak. */
public record Resources(long files, Set<Thread> threads, Set<String> virtual) {
    /** The open file descriptors of this JVM, sockets included; -1 where the platform cannot tell (Windows). */
    public static long openFiles() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof UnixOperatingSystemMXBean unix ? unix.getOpenFileDescriptorCount() : -1;
    }

    /** The JDK's own helper threads, which come and go as they please. */
    static boolean jdkHelper(Thread thread) {
        String name = thread.getName();
        return name.startsWith("ForkJoinPool") || name.startsWith("VirtualThread-") || name.contains("Poller")
                || name.endsWith("-Updater") // JDK 21's pollers for virtual threads' sockets
                || name.startsWith("Common-Cleaner") || name.startsWith("Attach Listener");
    }

    private static final Pattern VIRTUAL_THREAD = Pattern.compile("^#\\d+ \"(.*)\" virtual\\b");

    /**
     * The names of the virtual threads alive now (each threaded component's thread is
     * one, named after the component), from a thread dump: the thread API does not list
     * virtual threads. Empty where the dump cannot be read.
     */
    static Set<String> virtualThreads() {
        Set<String> names = new HashSet<>();
        for (String line : ThreadDump.lines()) {
            Matcher virtual = VIRTUAL_THREAD.matcher(line);
            if (virtual.find()) {
                names.add(virtual.group(1));
            }
        }
        return names;
    }

    static Resources now() {
        return new Resources(openFiles(), Thread.getAllStackTraces().keySet(), virtualThreads());
    }

    /** What is open and running once the server has no connection open. */
    static Resources settled(RunningServer running) throws Throwable {
        running.awaitConnections(0, "the clients so far have gone");
        return now();
    }

    /**
     * The JDK's socket pollers for virtual threads started since then: each holds a file
     * of its own (an epoll or kqueue), and JDK 21 starts them only at the first blocking
     * socket call of a virtual thread, which may come after the snapshot.
     */
    private long newPollers() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && !threads.contains(t) && t.getName().endsWith("-Poller")).count();
    }

    /** Threads running now that were not running then (the JDK's helpers aside), virtual ones included. */
    List<String> newThreadsSince() {
        List<String> names = new ArrayList<>(Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && !threads.contains(t) && !jdkHelper(t))
                .map(Thread::getName).toList());
        virtualThreads().stream().filter(name -> !virtual.contains(name)).sorted().forEach(names::add);
        return names;
    }

    /**
     * Waits until the server has no connection open and no more files are open, and no
     * more threads run, than then; fails saying what is left.
     */
    void awaitNothingLeaked(RunningServer running) throws Throwable {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            running.background.rethrow();
            int connections = running.server.connections();
            long files = openFiles();
            List<String> threads = newThreadsSince();
            boolean filesBack = files < 0 || files <= this.files + FILE_SLACK + newPollers();
            if (connections == 0 && filesBack && threads.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                fail("something leaked: " + connections + " connections are still counted open, " + (files < 0 ? ""
                        : (files - this.files) + " more files are open than before (sockets not closed? every"
                        + " ConnectedSocket must close its channel and tell the selector to forget it), ")
                        + "new threads still running: " + threads);
            }
            Thread.sleep(20);
        }
    }
}
