package org.byoaxon.tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Where a learner is: the kit's stages (the grader's list in
 * {@code tests/src/test/resources/grading/stages.properties}) and the first one that the
 * latest grading run did not find done. That run is the newer of the last
 * {@code ./mvnw test} ({@code tests/target/grading/}) and the last watch
 * ({@code tests/target/grading-watch/}); each writes one line per test to
 * {@code results.tsv}, its stage and its outcome first.
 */
final class Stages {
    private static final List<String> RESULTS = List.of("tests/target/grading/results.tsv",
            "tests/target/grading-watch/results.tsv");

    private Stages() {
    }

    /** The stage numbers of the kit, in order. */
    static TreeSet<Integer> all(Path root) {
        Properties stages = new Properties();
        try (var in = Files.newBufferedReader(root.resolve("tests/src/test/resources/grading/stages.properties"))) {
            stages.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TreeSet<Integer> numbers = new TreeSet<>();
        for (String key : stages.stringPropertyNames()) {
            if (key.endsWith(".title")) {
                numbers.add(Integer.parseInt(key.substring(0, key.indexOf('.'))));
            }
        }
        return numbers;
    }

    static int last(Path root) {
        TreeSet<Integer> all = all(root);
        return all.isEmpty() ? 1 : all.last();
    }

    /**
     * The first stage the latest run did not find done; after a run in which every graded
     * stage passed, the stage after them; stage 1 when nothing was graded yet.
     */
    static int firstUnfinished(Path root, int lastStage) {
        Path latest = null;
        FileTime latestTime = null;
        for (String name : RESULTS) {
            Path file = root.resolve(name);
            try {
                if (Files.isRegularFile(file)) {
                    FileTime time = Files.getLastModifiedTime(file);
                    if (latestTime == null || time.compareTo(latestTime) > 0) {
                        latest = file;
                        latestTime = time;
                    }
                }
            } catch (IOException e) {
                // as if it were not there
            }
        }
        if (latest == null) {
            return 1;
        }
        TreeMap<Integer, Boolean> done = new TreeMap<>();
        try {
            for (String line : Files.readAllLines(latest)) {
                String[] fields = line.split("\t", -1);
                if (fields.length > 1 && fields[0].matches("\\d+")) {
                    done.merge(Integer.parseInt(fields[0]), fields[1].equals("PASSED"), Boolean::logicalAnd);
                }
            }
        } catch (IOException e) {
            return 1;
        }
        for (var entry : done.entrySet()) {
            if (!entry.getValue()) {
                return entry.getKey();
            }
        }
        return done.isEmpty() ? 1 : Math.min(done.lastKey() + 1, lastStage);
    }
}
