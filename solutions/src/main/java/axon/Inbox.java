package axon;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares an inbox of a component, with a sentence saying what arrives there.
 *
 * <pre>{@code
 * @Inbox(name = "inbox", doc = "Lines of text to search")
 * public class Grep extends Component { ... }
 * }</pre>
 *
 * <p>A component has the boxes declared on its own class and on every superclass;
 * {@link Component} itself declares {@code inbox} and {@code control}. Declaring a
 * name again only replaces its description: do it when the default sentence does not
 * say what a component's box is for (see {@link Component}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(Inbox.List.class)
public @interface Inbox {
    /** The box's name, as used in {@code recv(name)} and {@code inbox(name)}. */
    String name();

    /** What arrives in this box, as a sentence. */
    String doc();

    /** Holds repeated {@link Inbox} declarations. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface List {
        Inbox[] value();
    }
}
