package grading.support;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DisplayNameGenerator;

/**
 * Gives a graded test its {@link GradedTest#value()} as its display name, the title the
 * board and the IDE show; every other name is made as before, underscores read as spaces.
 * The default generator of the test module (see {@code junit-platform.properties}).
 */
public final class GradedTitles extends DisplayNameGenerator.ReplaceUnderscores {
    @Override
    public String generateDisplayNameForMethod(List<Class<?>> enclosingInstanceTypes, Class<?> testClass,
            Method testMethod) {
        return titleOf(testMethod).orElseGet(() -> super.generateDisplayNameForMethod(enclosingInstanceTypes,
                testClass, testMethod));
    }

    /** A graded test's title, from {@link GradedTest} or, in the older form, {@link DisplayName}. */
    public static Optional<String> titleOf(Method test) {
        GradedTest graded = test.getAnnotation(GradedTest.class);
        if (graded != null) {
            return Optional.of(graded.value());
        }
        return Optional.ofNullable(test.getAnnotation(DisplayName.class)).map(DisplayName::value);
    }
}
