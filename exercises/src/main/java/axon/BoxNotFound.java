package axon;

import java.util.Collection;

/**
 * Thrown when a component is asked for a box it does not declare.
 *
 * <p>The message names the component, the box asked for, and the boxes it does have,
 * so a typo is easy to spot. When the box is among them after all, the lookup itself
 * missed it: the message says so, and asks about the fields that keep inbox and outbox.
 */
public final class BoxNotFound extends IllegalArgumentException {
    /**
     * @param owner the component that was asked
     * @param kind  {@code "inbox"} or {@code "outbox"}
     * @param name  the name that was asked for
     * @param known the names of the boxes of that kind the component has
     */
    public BoxNotFound(Component owner, String kind, String name, Collection<String> known) {
        super(known.contains(name)
                ? owner.name() + " has an " + kind + " called \"" + name + "\" in its list of " + kind
                        + "es, but looking it up found none. If the lookup takes the " + kind + " \"" + name
                        + "\" from a field (standard" + capitalised(kind) + "), does the constructor set that"
                        + " field?"
                : owner.name() + " has no " + kind + " called \"" + name + "\". Its " + kind + "es are: "
                        + String.join(", ", known) + ". Declare it with @" + capitalised(kind)
                        + " on the component's class, or use one of those names.");
    }

    private static String capitalised(String kind) {
        return Character.toUpperCase(kind.charAt(0)) + kind.substring(1);
    }
}
