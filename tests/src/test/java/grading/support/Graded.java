package grading.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a class of graded tests and says all the kit needs of it: its stage, its place
 * among the stage's classes and its title. Its tests ({@link GradedTest}) run in their
 * order, and {@link Grading} turns unwritten code, time-outs and missing methods into
 * messages for learners; what to try, and what usually loops when a test runs out of time,
 * is prose in the class's hints file ({@link Hints}).
 *
 * <pre>{@code
 * @Graded(stage = 7, title = "Pipeline and Graphline")
 * class Stage07ChassisTest { ... }
 * }</pre>
 *
 * The stage chooses and orders the class's tests ({@link StageFilter}, {@link ByStage}) and
 * files their results on the board ({@link ResultsRecorder}); the class is shown as
 * "Stage 7: Pipeline and Graphline" ({@link GradedTitles}). Every graded class carries the
 * JUnit tag {@code graded}, by which the watch loop counts graded tests.
 *
 * <p>Each test has its stage's time-out, which {@link Grading} applies ({@link TimeLimit}); the
 * minute given to JUnit here is only a backstop behind it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(Grading.class)
@Timeout(value = 1, unit = TimeUnit.MINUTES)
@TestMethodOrder(GradedOrder.class)
@Tag("graded")
public @interface Graded {
    /** The stage whose contract the class checks, from 1. */
    int stage();

    /** The class's place among its stage's classes, the most basic contract first; by name after those with one. */
    int order() default Order.DEFAULT;

    /** What the class checks, shown after "Stage N: ". */
    String title();
}
