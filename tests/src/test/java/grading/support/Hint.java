package grading.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What to try when this test fails, shown on the progress board, and the handbook
 * section that explains the contract it checks.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Hint {
    /** A sentence or two: what the test needs and the likely mistake. */
    String value();

    /** The section of the stage's chapter to read, as its title. */
    String read() default "";
}
