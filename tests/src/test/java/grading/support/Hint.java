package grading.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What to try when this test fails, shown on the progress board, and the handbook
 * section that explains the contract it checks. On a class, it is the hint of each of its
 * tests that has none of its own.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Hint {
    /** A sentence or two: what the test needs and the likely mistake. */
    String value();

    /** The section of the stage's chapter to read, as its title. */
    String read() default "";
}
