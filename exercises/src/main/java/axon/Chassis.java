package axon;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a component as a chassis: it owns its children. It creates or receives them,
 * keeps them in fields, wires their boxes and activates them, so it is the one kind of
 * component that may know other components (see the handbook's chapter on the
 * contracts). {@code Pipeline} and {@code Graphline} are chassis.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Chassis {
}
