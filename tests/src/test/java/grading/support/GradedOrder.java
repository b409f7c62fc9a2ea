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

    /** A test's place in its class's run order, or {@link Order#DEFAULT} when it states none. */
    public static int orderOf(Method test) {
        GradedTest graded = test.getAnnotation(GradedTest.class);
        if (graded != null) {
            return graded.order();
        }
        Order order = test.getAnnotation(Order.class);
        return order != null ? order.value() : Order.DEFAULT;
    }

    /** Whether the test states its place. */
    public static boolean hasOrder(Method test) {
        return test.isAnnotationPresent(GradedTest.class) || test.isAnnotationPresent(Order.class);
    }
}
