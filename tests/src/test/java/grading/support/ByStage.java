package grading.support;

import java.util.Comparator;
import java.util.Optional;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.Order;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Runs the graded classes stage by stage, and within a stage in their {@link Graded#order()}
 * (the class of the stage's most basic contract first), then by name. The board relies on
 * it: the first test of a stage that fails is the narrowest one.
 */
public final class ByStage implements ClassOrderer {
    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors().sort(Comparator.comparingInt(ByStage::stage)
                .thenComparingInt(ByStage::order)
                .thenComparing(d -> d.getTestClass().getName()));
    }

    private static int stage(ClassDescriptor descriptor) {
        return graded(descriptor).map(Graded::stage).orElse(Integer.MAX_VALUE);
    }

    private static int order(ClassDescriptor descriptor) {
        return graded(descriptor).map(Graded::order).orElse(Order.DEFAULT);
    }

    private static Optional<Graded> graded(ClassDescriptor descriptor) {
        return AnnotationSupport.findAnnotation(descriptor.getTestClass(), Graded.class);
    }
}
