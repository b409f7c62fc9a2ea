package grading.support;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayNameGenerator;

/**
 * Gives a graded test its {@link GradedTest#value()} as its display name, the title the
 * board and the IDE show, and a graded class "Stage N: " and its {@link Graded#title()};
 * every other name is made as before, underscores read as spaces.
 * The default generator of the test module (see {@code junit-platform.properties}).
 */
public final class GradedTitles extends DisplayNameGenerator.ReplaceUnderscores {
    @Override
    public String generateDisplayNameForMethod(List<Class<?>> enclosingInstanceTypes, Class<?> testClass,
            Method testMethod) {
        return titleOf(testMethod).orElseGet(() -> super.generateDisplayNameForMethod(enclosingInstanceTypes,
                testClass, testMethod));
    }

    @Override
    public String generateDisplayNameForClass(Class<?> testClass) {
        Graded graded = testClass.getAnnotation(Graded.class);
        return graded != null ? "Stage " + graded.stage() + ": " + graded.title()
                : super.generateDisplayNameForClass(testClass);
    }

    /** A graded test's title; empty when the method is not a graded test. */
    public static Optional<String> titleOf(Method test) {
        return Optional.ofNullable(test.getAnnotation(GradedTest.class)).map(GradedTest::value);
    }
}
