package grading.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What probably loops when this test runs out of time; a class says it for its tests in its
 * hints file ({@link Hints#ON_TIMEOUT}), a stage for its classes in {@code grading/stages.properties}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface OnTimeout {
    /** A sentence saying what never returned and the likely reason. */
    String value();
}
