package grading.support;

import java.lang.reflect.Method;
import java.util.Comparator;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.MethodOrdererContext;
import org.junit.jupiter.api.Order;

/**
 * Runs a graded class's tests in the order their {@link GradedTest#order()} gives, the
 * narrowest first; the board relies on it. A test without a place runs last.
 */
public final class GradedOrder implements MethodOrderer {
    @Override
    public void orderMethods(MethodOrdererContext context) {
        context.getMethodDescriptors().sort(Comparator.comparingInt(d -> orderOf(d.getMethod())));
    }

    /** A test's place in its class's run order, or {@link Order#DEFAULT} when it is not a graded test. */
    public static int orderOf(Method test) {
        GradedTest graded = test.getAnnotation(GradedTest.class);
        return graded != null ? graded.order() : Order.DEFAULT;
    }
}
