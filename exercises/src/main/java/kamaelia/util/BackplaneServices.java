package kamaelia.util;

/**
 * The names under which a {@link Backplane} registers its two services, so that
 * {@link PublishTo} and {@link SubscribeTo} can find it knowing only its name.
 */
public final class BackplaneServices {
    private BackplaneServices() {
    }

    /** The name of the service publishers send to. */
    public static String publishing(String backplane) {
        return "backplane " + backplane;
    }

    /** The name of the service subscribers send their requests to. */
    public static String subscribing(String backplane) {
        return "backplane " + backplane + " subscriptions";
    }
}
