package kit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * A self-test run once per planted case, each case named by its first argument: a case
 * compiles a planted class and runs a graded class with it in a JVM of its own
 * ({@link PlantedRun}), which takes seconds on a busy machine, so each case has two minutes.
 * The cases come from a source annotation beside it, as for any {@link ParameterizedTest}.
 *
 * <pre>{@code
 * @PlantedCases
 * @CsvSource(delimiter = '|', value = {"a loop in Box.linkTo|Box|...|..."})
 * void namesTheLoop(String what, String type, String right, String wrong) { ... }
 * }</pre>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@ParameterizedTest(name = "{0}")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@interface PlantedCases {
}
