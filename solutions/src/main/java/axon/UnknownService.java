package axon;

import java.util.Collection;

/** Thrown when a service name that is not registered is retrieved or deregistered. */
public final class UnknownService extends IllegalArgumentException {
    /**
     * @param name  the name asked for
     * @param known the names that are registered
     */
    public UnknownService(String name, Collection<String> known) {
        super("no service called \"" + name + "\" is registered"
                + (known.isEmpty() ? " (none is)" : " (the services are " + String.join(", ", known) + ")")
                + ": is the component that registers it activated, on the same scheduler, before those that use it?");
    }
}
