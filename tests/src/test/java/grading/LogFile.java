package grading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * A log file in a test's folder for Follow to follow, added to the way a server writes
 * its log and replaced the way a log rotation does.
 */
public final class LogFile {
    private LogFile() {
    }

    /** {@code folder}/server.log, holding {@code text}. */
    public static Path holding(Path folder, String text) throws IOException {
        Path log = folder.resolve("server.log");
        Files.writeString(log, text);
        return log;
    }

    /** Adds {@code text} at the end of {@code log}. */
    public static void append(Path log, String text) throws IOException {
        Files.writeString(log, text, StandardOpenOption.APPEND);
    }

    /**
     * Replaces {@code log} at once by a new file holding {@code text}, the way a log rotation
     * does: the new file is written next to it, then moved over it.
     */
    public static void replace(Path log, String text) throws IOException {
        Path fresh = log.resolveSibling(log.getFileName() + ".new");
        Files.writeString(fresh, text);
        Files.move(fresh, log, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
