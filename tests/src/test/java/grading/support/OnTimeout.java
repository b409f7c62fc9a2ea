package grading.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What probably loops when this test (or every test of a class, through an annotation such as
 * {@code @NetworkStage}) runs out of time; a class of its own says it in its hints file ({@link Hints#ON_TIMEOUT}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface OnTimeout {
    /** A sentence saying what never returned and the likely reason. */
    String value();
}
