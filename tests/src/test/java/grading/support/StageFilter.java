package grading.support;

import com.tngtech.archunit.junit.engine_api.FieldSource;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.PostDiscoveryFilter;

/**
 * Chooses the tests of a run: in a learner's run, the graded tests of stages 1..N
 * ({@code -Dstage=N}); in the kit check, everything (reference) or every graded test
 * (untouched exercises). Registered through {@code META-INF/services}.
 */
public final class StageFilter implements PostDiscoveryFilter {
    @Override
    public FilterResult apply(TestDescriptor descriptor) {
        // A parameterised test is a container whose invocations are made only as it runs, too
        // late for this filter: it is judged here, like a test.
        if (!descriptor.isTest() && !(descriptor.getSource().orElse(null) instanceof MethodSource)) {
            return FilterResult.included("container");
        }
        int stage = stageOf(descriptor);
        boolean kitTest = descriptor.getTags().contains(TestTag.create("kit"));
        return switch (Mode.current()) {
            case STRICT -> FilterResult.included("kit check runs everything");
            case UNSOLVED -> kitTest ? FilterResult.excluded("kit test") : FilterResult.included("graded");
            case GRADE -> {
                if (Board.Policy.named(System.getProperty("axon.scheduler", "")).isEmpty()) {
                    yield FilterResult.excluded("-Daxon.scheduler names no policy: the board says so");
                }
                if (kitTest) {
                    yield FilterResult.excluded("kit tests belong to the kit check");
                }
                yield stage <= Mode.lastStage() ? FilterResult.included("stage " + stage)
                        : FilterResult.excluded("stage " + stage + " is after -Dstage=" + Mode.lastStage());
            }
        };
    }

    /** The stage of a test, from its class's {@link Graded} or its rule's {@link Staged} (on it or a parent), or 0. */
    public static int stageOf(TestDescriptor descriptor) {
        for (TestDescriptor d = descriptor; d != null; d = d.getParent().orElse(null)) {
            int stage = stageOf(d.getSource().orElse(null));
            if (stage != 0) {
                return stage;
            }
        }
        return 0;
    }

    /**
     * The stage one node of the test tree names: a graded class's ({@link Graded}), or the one
     * a contract rule states in itself ({@link Staged}: ArchUnit's engine reports a rule
     * field as a {@link FieldSource}); 0 if none.
     */
    public static int stageOf(TestSource source) {
        if (source instanceof FieldSource field) {
            return valueOf(field) instanceof Staged staged ? staged.stage() : 0;
        }
        Class<?> type = source instanceof ClassSource c ? c.getJavaClass()
                : source instanceof MethodSource m ? m.getJavaClass() : null;
        if (type != null && type.isAnnotationPresent(Graded.class)) {
            return type.getAnnotation(Graded.class).stage();
        }
        return 0;
    }

    /** The value of a static field that a test comes from, or null if it has none. */
    private static Object valueOf(FieldSource source) {
        try {
            Field field = source.getJavaClass().getDeclaredField(source.getFieldName());
            if (!Modifier.isStatic(field.getModifiers())) {
                return null;
            }
            field.setAccessible(true);
            return field.get(null);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }
}
