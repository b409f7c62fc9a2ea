package grading.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;

/**
 * A graded test: its place in its class's run order and its title, a sentence of the
 * chapter's contract, as the progress board shows it. What to try when it fails is not
 * written here but in the class's hints file ({@link Hints}).
 *
 * <pre>{@code
 * @GradedTest(order = 2, value = "a microprocess that has finished leaves the run queue at once")
 * void finishedMicroprocessesLeave() { ... }
 * }</pre>
 *
 * A stage's tests run narrowest first, the most basic contract at {@code order = 1}: the
 * board shows the first failure in this order ({@link GradedOrder}); {@link GradedTitles}
 * makes the title the test's display name.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Test
public @interface GradedTest {
    /** The test's place in its class's run order, from 1, one place per test. */
    int order();

    /** The test's title: the sentence of the contract it checks. */
    String value();
}
