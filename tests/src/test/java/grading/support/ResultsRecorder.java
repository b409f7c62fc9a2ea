package grading.support;

import com.tngtech.archunit.junit.engine_api.FieldSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Writes the outcome of every graded test to {@code results.tsv} in the folder named by
 * the system property {@code grading.results}, for the {@link Board} to show. Registered
 * through {@code META-INF/services}; does nothing when the property is not set (as in
 * an IDE).
 */
public final class ResultsRecorder implements TestExecutionListener {
    private final List<Result> results = new ArrayList<>();
    /** "Class#method" of the test of each result. */
    private final Map<Result, String> tests = new IdentityHashMap<>();
    /** For a result whose failure belongs to another test's contract: that test, as "Class#method". */
    private final Map<Result, String> about = new IdentityHashMap<>();
    private TestPlan plan;

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
        results.clear();
        tests.clear();
        about.clear();
        String folder = System.getProperty("grading.results");
        if (folder != null && !folder.isBlank()) {
            forgetOldTraces();
        }
    }

    /**
     * Where the traces of failed tests go: {@code traces} beside the results folder
     * ({@code tests/target/traces} for Maven and for the watch loop alike), whatever the
     * working folder of the JVM that grades.
     */
    static Path traces() {
        String folder = System.getProperty("grading.results");
        return folder == null || folder.isBlank() ? Path.of("target", "traces")
                : Path.of(folder).toAbsolutePath().normalize().resolveSibling("traces");
    }

    /** The traces of an earlier run's failures would mislead: the board names only this run's. */
    private static void forgetOldTraces() {
        Path traces = traces();
        if (!Files.isDirectory(traces)) {
            return;
        }
        try (var files = Files.list(traces)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches(".*\\.(html|svg|txt)")).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // old traces left behind are harmless: the board names only this run's
        }
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        if (test.isTest()) {
            record(test, Status.NOT_RUN, reason, null);
        } else {
            plan.getChildren(test).forEach(child -> executionSkipped(child, reason));
        }
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (!test.isTest()) {
            return;
        }
        String message = result.getThrowable().map(ResultsRecorder::describe).orElse("");
        Status status = switch (result.getStatus()) {
            case SUCCESSFUL -> Status.PASSED;
            case ABORTED -> message.startsWith("not started") ? Status.NOT_STARTED : Status.NOT_RUN;
            case FAILED -> Status.FAILED;
        };
        record(test, status, message, result.getThrowable().orElse(null));
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        String folder = System.getProperty("grading.results");
        if (folder == null || folder.isBlank()) {
            return;
        }
        List<String> lines = causesFirst().stream().map(Result::toLine).toList();
        try {
            Path dir = Path.of(folder);
            Files.createDirectories(dir);
            Files.write(dir.resolve("results.tsv"), lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The results in the order the tests ran, except that a failing test whose contract
     * another test's failure broke (see {@link HintedFailure#ofTest(String, Class,
     * String)}) moves up to just before the first such failure of its stage.
     */
    private List<Result> causesFirst() {
        List<Result> ordered = new ArrayList<>(results);
        for (int i = 0; i < ordered.size(); i++) {
            Result found = ordered.get(i);
            String cause = about.get(found);
            if (cause == null) {
                continue;
            }
            for (int j = i + 1; j < ordered.size(); j++) {
                Result candidate = ordered.get(j);
                if (candidate.stage() == found.stage() && candidate.status() == Status.FAILED
                        && cause.equals(tests.get(candidate))) {
                    ordered.remove(j);
                    ordered.add(i, candidate);
                    break;
                }
            }
        }
        return ordered;
    }

    private void add(Result result, TestIdentifier test) {
        results.add(result);
        tests.put(result, keyOf(test));
    }

    /** "Class#method" of a test, or "" when it has no method. */
    private static String keyOf(TestIdentifier test) {
        return test.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
                .map(m -> m.getClassName() + "#" + m.getMethodName()).orElse("");
    }

    private void record(TestIdentifier test, Status status, String message, Throwable thrown) {
        int stage = stageOf(test);
        if (stage == 0) {
            return;
        }
        Optional<LaterStageFailure> later = causeOf(thrown, LaterStageFailure.class)
                .filter(failure -> failure.stage() > stage);
        if (later.isPresent()) {
            Optional<Hint> hint = later.get().hint().or(() -> hintOf(test));
            // Found after the test failed (by a check after it), the later failure explains the test's own.
            String said = later.get() == thrown ? message : describe(later.get());
            for (int at : new int[] {stage, later.get().stage()}) {
                boolean own = at == stage;
                add(new Result(at, own ? Status.PASSED : status, test.getDisplayName(),
                        own ? "" : said, hint.map(Hint::value).orElse(""), hint.map(Hint::read).orElse(""),
                        hasTag(test, "contracts")), test);
            }
            return;
        }
        Optional<HintedFailure> own = causeOf(thrown, HintedFailure.class);
        if (own.isPresent()) {
            Result result = new Result(stage, status, test.getDisplayName(), message, own.get().hint(),
                    own.get().read(), hasTag(test, "contracts"));
            add(result, test);
            if (!own.get().about().isEmpty()) {
                about.put(result, own.get().about());
            }
            return;
        }
        Optional<Hint> hint = hintOf(test);
        add(new Result(stage, status, test.getDisplayName(), message,
                hint.map(Hint::value).orElse(""), hint.map(Hint::read).orElse(""), hasTag(test, "contracts")), test);
    }

    /**
     * A failure of the given kind (one that carries its own hint, or its own stage), anywhere
     * in the chain of causes and suppressed failures.
     */
    private static <T extends Throwable> Optional<T> causeOf(Throwable thrown, Class<T> kind) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (kind.isInstance(t)) {
                return Optional.of(kind.cast(t));
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (kind.isInstance(suppressed)) {
                    return Optional.of(kind.cast(suppressed));
                }
            }
        }
        return Optional.empty();
    }

    private boolean hasTag(TestIdentifier test, String name) {
        for (TestIdentifier t = test; t != null; t = plan.getParent(t).orElse(null)) {
            if (t.getTags().contains(TestTag.create(name))) {
                return true;
            }
        }
        return false;
    }

    private int stageOf(TestIdentifier test) {
        for (TestIdentifier t = test; t != null; t = plan.getParent(t).orElse(null)) {
            int stage = StageFilter.stageOf(t.getSource().orElse(null));
            if (stage != 0) {
                return stage;
            }
        }
        return 0;
    }

    /** A test's hint, from its class's hints file. */
    private static Optional<Hint> hintOf(TestIdentifier test) {
        Optional<TestSource> source = test.getSource();
        try {
            if (source.isPresent() && source.get() instanceof MethodSource method) {
                return Hints.ofTest(method.getJavaMethod());
            }
            if (source.isPresent() && source.get() instanceof FieldSource field) {
                return Hints.find(field.getJavaClass(), field.getFieldName());
            }
        } catch (RuntimeException e) {
            return Optional.empty(); // a test without its hint still counts; the kit's checks find the gap
        }
        return Optional.empty();
    }

    /** The first line of a failure: what an assertion said, or the exception and its message. */
    private static String describe(Throwable thrown) {
        return message(thrown) + TraceOffered.of(thrown).map(t -> TraceOffered.MARK + t.shown()).orElse("");
    }

    static String message(Throwable thrown) {
        String text = thrown instanceof AssertionError || thrown instanceof org.opentest4j.TestAbortedException
                ? String.valueOf(thrown.getMessage())
                : thrown.getClass().getSimpleName() + (thrown.getMessage() == null ? "" : ": " + thrown.getMessage())
                        + where(thrown);
        return text;
    }

    /** Where in the learner's code an unexpected exception came from. */
    private static String where(Throwable thrown) {
        for (StackTraceElement e : thrown.getStackTrace()) {
            String cls = e.getClassName();
            if (!cls.startsWith("java.") && !cls.startsWith("jdk.") && !cls.startsWith("grading.")
                    && !cls.startsWith("org.junit.")) {
                return " (at " + e.getFileName() + ":" + e.getLineNumber() + ")";
            }
        }
        return "";
    }
}
