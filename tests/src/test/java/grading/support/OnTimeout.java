package grading.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** What probably loops when this test (or every test of the class) runs out of time. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface OnTimeout {
    /** A sentence saying what never returned and the likely reason. */
    String value();
}
