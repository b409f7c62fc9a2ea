package grading.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The hints of a class of graded tests, read from its hints file: what to try when a test
 * fails, and the section of the stage's chapter to read, as the progress board shows them.
 * They live beside the class on the test class path, as prose, so that a test's header
 * says only what it checks: {@code grading/Stage02SchedulerTest.hints} for
 * {@code grading.Stage02SchedulerTest}. A file holds one block per test:
 *
 * <pre>
 * # a comment
 * finishedMicroprocessesLeave
 *     When next() returns false, do not put the microprocess back in the queue; when it
 *     returns true, put it back at the end.
 *     Read: Round robin
 * </pre>
 *
 * The block's first line, at the start of the line, is the test method's name (or
 * {@code *}: the hint of every test of the class without a block of its own; or
 * {@code time-out}: what usually loops when one of the class's tests runs out of time, or
 * {@code METHOD time-out}: when that test does, shown instead of its hint); the
 * indented lines after it are the hint, one text whatever its line breaks; an indented
 * line {@code Read: title} ends the block with the section to read. The kit checks that
 * every graded test has a hint, that every block names a test, and that every section
 * exists.
 */
public final class Hints {
    /** The name of the block that serves every test of a class without a block of its own. */
    public static final String EVERY_TEST = "*";

    /** The name of the block that says what usually loops when a test of the class runs out of time. */
    public static final String ON_TIMEOUT = "time-out";

    /** The name of the block that says what usually loops when this test runs out of time: "noSpaceInBox time-out". */
    public static String onTimeout(String test) {
        return test + " " + ON_TIMEOUT;
    }

    private static final String READ = "Read: ";
    private static final Map<Class<?>, Map<String, Hint>> LOADED = new ConcurrentHashMap<>();

    private Hints() {
    }

    /** The hint of a test ({@code member} is its method's or rule's name), or of its class. */
    public static Optional<Hint> find(Class<?> type, String member) {
        Map<String, Hint> hints = of(type);
        return Optional.ofNullable(hints.get(member)).or(() -> Optional.ofNullable(hints.get(EVERY_TEST)));
    }

    /** The hint of a graded test method, from its class's hints file. */
    public static Optional<Hint> ofTest(Method test) {
        return find(test.getDeclaringClass(), test.getName());
    }

    /** The hint of a test, or a failure that says which file lacks it. */
    public static Hint forTest(Class<?> type, String member) {
        return find(type, member).orElseThrow(() -> new IllegalStateException(file(type) + " has no hint for "
                + type.getSimpleName() + "." + member + ": add a block that starts with the line " + member
                + ", then the hint, indented, and a line \"    Read: <section>\""));
    }

    /** Every block of a class's hints file, by name, in the order of the file; empty when it has none. */
    public static Map<String, Hint> of(Class<?> type) {
        return LOADED.computeIfAbsent(type, Hints::load);
    }

    /** Where a class's hints live on the class path. */
    public static String file(Class<?> type) {
        return type.getName().replace('.', '/') + ".hints";
    }

    private static Map<String, Hint> load(Class<?> type) {
        try (InputStream in = type.getResourceAsStream("/" + file(type))) {
            return in == null ? Map.of() : parse(file(type), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The blocks of a hints file's text; {@code file} names it in errors. */
    public static Map<String, Hint> parse(String file, String text) {
        Map<String, Hint> hints = new LinkedHashMap<>();
        String name = null;
        List<String> lines = new ArrayList<>();
        String read = null;
        int number = 0;
        for (String line : (text + "\n\n").lines().toList()) {
            number++;
            if (line.startsWith("#")) {
                continue;
            }
            if (line.isBlank() || !Character.isWhitespace(line.charAt(0))) {
                if (name != null) {
                    if (lines.isEmpty()) {
                        throw new IllegalStateException(file + ": the block " + name + " has no hint text");
                    }
                    if (hints.put(name, new Hint(String.join(" ", lines), read == null ? "" : read)) != null) {
                        throw new IllegalStateException(file + ": two blocks for " + name + ", keep one");
                    }
                    name = null;
                    lines = new ArrayList<>();
                    read = null;
                }
                if (!line.isBlank()) {
                    name = line.strip();
                }
            } else if (name == null) {
                throw new IllegalStateException(file + ":" + number + ": an indented line outside a block: start the"
                        + " block with the test's name at the start of a line");
            } else if (read != null) {
                throw new IllegalStateException(file + ":" + number + ": the block " + name + " goes on after its"
                        + " \"Read:\" line, which must be its last");
            } else if (line.strip().startsWith(READ)) {
                read = line.strip().substring(READ.length()).strip();
            } else {
                lines.add(line.strip());
            }
        }
        return hints;
    }
}
