package axon;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares an outbox of a component, with a sentence saying what leaves through it.
 *
 * <pre>{@code
 * @Outbox(name = "outbox", doc = "The lines that match")
 * public class Grep extends Component { ... }
 * }</pre>
 *
 * <p>A component has the boxes declared on its own class and on every superclass;
 * {@link Component} itself declares {@code outbox} and {@code signal}. Declaring a
 * name again only replaces its description: do it when the default sentence does not
 * say what a component's box is for (see {@link Component}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(Outbox.List.class)
public @interface Outbox {
    /** The box's name, as used in {@code send(message, name)} and {@code outbox(name)}. */
    String name();

    /** What leaves through this box, as a sentence. */
    String doc();

    /** Holds repeated {@link Outbox} declarations. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface List {
        Outbox[] value();
    }
}
