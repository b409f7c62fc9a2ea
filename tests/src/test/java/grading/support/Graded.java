package grading.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a class of graded tests: its tests ({@link GradedTest}) run in their order, and {@link Grading}
 * turns unwritten code, time-outs and missing methods into messages for learners.
 * Put it beside {@code @Tag("stageNN")} and a {@code @DisplayName}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(Grading.class)
@TestMethodOrder(GradedOrder.class)
public @interface Graded {
}
