package axon;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The services of one scheduler: named inboxes that components can find without being
 * wired to them. Axon calls this the co-ordinating assistant tracker.
 *
 * <h2>What it is for</h2>
 * Some components are shared by many others that come and go: a backplane, a selector
 * watching sockets, a display. Rather than wire each newcomer by hand, the shared
 * component registers one of its inboxes under a name, and others retrieve the inbox by
 * that name and link to it or send requests to it.
 *
 * <pre>{@code
 * scheduler.services().register("clock", clock.inbox("requests"));
 * Box clockRequests = scheduler().services().retrieve("clock");   // in another component
 * }</pre>
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>A name is registered once: registering it again throws
 *       {@link ServiceAlreadyRegistered}, naming it.</li>
 *   <li>Retrieving or deregistering a name that is not registered throws
 *       {@link UnknownService}, naming it.</li>
 *   <li>A service must be an inbox; an outbox is an {@link IllegalArgumentException}.</li>
 *   <li>Each scheduler has its own registry ({@link Scheduler#services()}), so nothing
 *       leaks from one run to another.</li>
 * </ul>
 * Not thread-safe: use it from the scheduler's thread.
 */
public final class ServiceRegistry {
    // tag::exercise[]
    private final Map<String, Box> services = new LinkedHashMap<>();

    /**
     * Registers an inbox under a name.
     *
     * @throws ServiceAlreadyRegistered if the name is taken
     * @throws IllegalArgumentException if the box is an outbox
     */
    public void register(String name, Box inbox) {
        // >>> stage 8 register: refuse an outbox and a name that is taken, then remember the inbox under the name
        if (!inbox.isInbox()) {
            throw new IllegalArgumentException("service \"" + name + "\" must be an inbox, but " + inbox
                    + " is an outbox: others send to a service");
        }
        if (services.containsKey(name)) {
            throw new ServiceAlreadyRegistered(name, services.get(name));
        }
        services.put(name, inbox);
        // <<< stage 8
    }

    /**
     * The inbox registered under a name.
     *
     * @throws UnknownService if no service has that name
     */
    public Box retrieve(String name) {
        // >>> stage 8 retrieve: the inbox registered under the name, or throw new UnknownService(name, names())
        Box box = services.get(name);
        if (box == null) {
            throw new UnknownService(name, names());
        }
        return box;
        // <<< stage 8
    }

    /** The inbox registered under a name, if there is one. */
    public Optional<Box> find(String name) {
        // >>> stage 8 find: like retrieve, without the error
        return Optional.ofNullable(services.get(name));
        // <<< stage 8
    }

    /**
     * Removes a service.
     *
     * @throws UnknownService if no service has that name
     */
    public void deregister(String name) {
        // >>> stage 8 deregister: forget the name, or throw new UnknownService(name, names()) if it is not registered
        if (services.remove(name) == null) {
            throw new UnknownService(name, names());
        }
        // <<< stage 8
    }
    // end::exercise[]

    /** The registered names, in the order they were registered. */
    public Set<String> names() {
        return java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(services.keySet()));
    }
}
