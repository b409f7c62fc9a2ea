package kamaelia.util;

import axon.Inbox;
import axon.Outbox;
import java.util.function.Predicate;

/** Sends on the messages that pass a test and drops the others. Ends like {@link PureTransformer}. */
@Inbox(name = "inbox", doc = "Messages to test")
@Outbox(name = "outbox", doc = "The messages that passed the test, in order")
public class Filter extends PureTransformer {
    /** A filter keeping the messages for which {@code test} is true. */
    public Filter(Predicate<Object> test) {
        super(message -> test.test(message) ? message : null);
    }
}
