package grading.support;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The JDK's thread dump, which lists virtual threads too ({@link Thread#getAllStackTraces()}
 * does not): for a time-out's verdict ({@link BusyThreads}) and for the tests that count
 * what a component leaves running.
 */
public final class ThreadDump {
    private ThreadDump() {
    }

    /**
     * The lines of a plain-text dump of every thread alive now, virtual ones included, each
     * thread starting with a line {@code #id "name" ...} and followed by its frames; empty
     * where the dump cannot be made.
     */
    public static List<String> lines() {
        try {
            Path dump = Files.createTempFile("threads", ".txt");
            Files.delete(dump); // the JDK writes a new file, and refuses to overwrite one
            try {
                ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                        .dumpThreads(dump.toString(), HotSpotDiagnosticMXBean.ThreadDumpFormat.TEXT_PLAIN);
                return Files.readAllLines(dump);
            } finally {
                Files.deleteIfExists(dump);
            }
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
