package contracts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The stage at which a learner writes the code of a class: the first stage whose region
 * ({@code // >>> stage N}) the reference source of its file holds. A contract rule applies
 * from its own stage, but code a learner writes only at a later stage cannot break it
 * before then: a violation is reported at the later of the two (see
 * {@link Contract#check(com.tngtech.archunit.core.domain.JavaClasses, int)}).
 *
 * <p>Files are found by name under the reference tree ({@code solutions/src/main/java} of
 * the kit, whose file names are unique); a file the reference does not have, such as a
 * learner's own component, and a file with no region belong to no stage (0).
 */
public final class WrittenAt {
    private static final Pattern REGION = Pattern.compile("//\\s*>>> stage (\\d+)");
    private static final Pattern PLACE = Pattern.compile("\\((\\w+\\.java):\\d+\\)");

    private final Path sources;
    private final Map<String, Integer> stageOfFile = new HashMap<>();
    private Map<String, Path> files;

    public WrittenAt(Path sources) {
        this.sources = sources;
    }

    /** For the kit that runs the tests. */
    static WrittenAt ofKit() {
        Path root = Path.of(System.getProperty("kit.root", "..")).toAbsolutePath().normalize();
        return new WrittenAt(root.resolve("solutions/src/main/java"));
    }

    /** The latest stage of the files a violation names as "(Store.java:168)"; 0 when none is written at a stage. */
    public synchronized int stageOf(String violation) {
        int stage = 0;
        Matcher place = PLACE.matcher(violation);
        while (place.find()) {
            stage = Math.max(stage, stageOfFile(place.group(1)));
        }
        return stage;
    }

    /** The stage of the first region of the reference file of this name, such as {@code Box.java}; 0 when none. */
    public synchronized int stageOfFile(String fileName) {
        return stageOfFile.computeIfAbsent(fileName, this::firstRegion);
    }

    /** The reference source file of this name, such as {@code Box.java}; null when the reference has none. */
    public synchronized Path file(String fileName) {
        return files().get(fileName);
    }

    private int firstRegion(String fileName) {
        Path file = files().get(fileName);
        if (file == null) {
            return 0;
        }
        try (Stream<String> lines = Files.lines(file)) {
            OptionalInt first = lines.map(REGION::matcher).filter(Matcher::find)
                    .mapToInt(m -> Integer.parseInt(m.group(1))).min();
            return first.orElse(0);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private Map<String, Path> files() {
        if (files == null) {
            files = new HashMap<>();
            if (Files.isDirectory(sources)) {
                try (Stream<Path> walk = Files.walk(sources)) {
                    walk.filter(p -> p.toString().endsWith(".java"))
                            .forEach(p -> files.putIfAbsent(p.getFileName().toString(), p));
                } catch (IOException | RuntimeException e) {
                    // no reference tree: every file belongs to no stage, and rules report at their own
                }
            }
        }
        return files;
    }
}
