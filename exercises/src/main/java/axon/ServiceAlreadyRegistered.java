package axon;

/** Thrown when a service name that is already registered is registered again. */
public final class ServiceAlreadyRegistered extends IllegalStateException {
    /**
     * @param name     the name asked for
     * @param existing the inbox registered under it already
     */
    public ServiceAlreadyRegistered(String name, Box existing) {
        super("a service called \"" + name + "\" is already registered (" + existing
                + "): choose another name, or deregister the old service first");
    }
}
