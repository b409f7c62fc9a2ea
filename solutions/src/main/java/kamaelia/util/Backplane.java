package kamaelia.util;

import axon.Box;
import axon.Component;
import axon.Inbox;
import axon.Ipc;
import axon.Outbox;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A named meeting point: everything published to it reaches every current subscriber,
 * once and in order. Publishers ({@link PublishTo}) and subscribers ({@link SubscribeTo})
 * find it by name through the scheduler's services, so they need not be wired to it,
 * and they may come and go while it runs.
 *
 * <pre>{@code
 * new Backplane("news").activate(scheduler);                       // first
 * new Pipeline(new Source(headlines), new PublishTo("news")).activate(scheduler);
 * new Pipeline(new SubscribeTo("news"), new ConsolePrinter()).activate(scheduler);
 * }</pre>
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>At its first step it registers two services, {@link BackplaneServices#publishing(String)} and
 *       {@link BackplaneServices#subscribing(String)}; a second backplane of the same name is an error.
 *       Activate it before its publishers and subscribers.</li>
 *   <li>A subscriber receives what is published after its subscription reached the
 *       backplane, and nothing before. Subscriptions are handled before publications
 *       within a step.</li>
 *   <li>A shutdown message on {@code control} ends the backplane: it passes the message
 *       to every subscriber (which then ends), deregisters its services and passes the
 *       message out of {@code signal}.</li>
 * </ul>
 */
@Inbox(name = "inbox", doc = "Messages published to this backplane")
@Inbox(name = "subscriptions", doc = "Subscribe and Unsubscribe requests from subscribers")
@Outbox(name = "outbox", doc = "Not used: each subscriber gets an outbox of its own")
public class Backplane extends Component {
    // tag::given[]
    private final String name;
    private final Map<Box, String> subscribers = new LinkedHashMap<>();
    private boolean registered = false;
    private int lastOutbox = 0;

    /** Asks a backplane to send its publications to an inbox. */
    public record Subscribe(Box inbox) {
    }

    /** Asks a backplane to stop sending to an inbox. */
    public record Unsubscribe(Box inbox) {
    }

    /** A backplane called {@code name}. */
    public Backplane(String name) {
        this.name = name;
    }
    // end::given[]

    // tag::exercise[]
    @Override
    protected boolean step() {
        // >>> stage 8 step: register the services at the first step; handle subscriptions (one outbox per subscriber, linked to its inbox), then publications (to every subscriber, in order), then shutdown
        if (!registered) {
            scheduler().services().register(BackplaneServices.publishing(name), inbox("inbox"));
            scheduler().services().register(BackplaneServices.subscribing(name), inbox("subscriptions"));
            registered = true;
        }
        while (dataReady("subscriptions")) {
            switch (recv("subscriptions")) {
                case Subscribe(Box subscriber) when !subscribers.containsKey(subscriber) -> {
                    String outbox = "to subscriber " + (++lastOutbox);
                    link(addOutbox(outbox, "Publications for " + subscriber), subscriber);
                    subscribers.put(subscriber, outbox);
                }
                case Unsubscribe(Box subscriber) when subscribers.containsKey(subscriber) ->
                        removeOutbox(subscribers.remove(subscriber));
                default -> {
                    // a repeated or unknown request changes nothing
                }
            }
        }
        while (dataReady("inbox")) {
            Object message = recv("inbox");
            for (String outbox : subscribers.values()) {
                send(message, outbox);
            }
        }
        if (shutdownRequested()) {
            Ipc shutdown = shutdownMessage();
            for (String outbox : subscribers.values()) {
                send(shutdown, outbox);
            }
            scheduler().services().deregister(BackplaneServices.publishing(name));
            scheduler().services().deregister(BackplaneServices.subscribing(name));
            passShutdownOn();
            return false;
        }
        pause();
        return true;
        // <<< stage 8
    }
    // end::exercise[]
}
