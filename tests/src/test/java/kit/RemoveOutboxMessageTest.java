package kit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import axon.Component;
import axon.Inbox;
import axon.Linkage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * An outbox linked with {@code Linkage.link} instead of the component's own {@code link}
 * cannot be removed: the message says why, and names the likely mistake (stage 8, where a
 * backplane adds and removes outboxes).
 */
@Tag("kit")
@DisplayName("Kit: removing an outbox that the component did not link itself names the likely mistake")
class RemoveOutboxMessageTest {

    /** A component that adds an outbox and links it the wrong way, with Linkage.link. */
    static final class Fanout extends Component {
        void addAndLinkWithLinkage(Component to) {
            Linkage.link(addOutbox("extra", "a copy for one subscriber"), to.inbox("inbox"));
        }

        void remove() {
            removeOutbox("extra");
        }

        @Override
        protected boolean step() {
            return false;
        }
    }

    @Inbox(name = "inbox", doc = "anything")
    static final class Sink extends Component {
        @Override
        protected boolean step() {
            return false;
        }
    }

    @Test
    @DisplayName("the message names the box, where it leads, and Linkage.link against link(...)")
    void namesTheLikelyMistake() {
        Fanout fanout = new Fanout();
        Sink sink = new Sink();
        fanout.addAndLinkWithLinkage(sink);
        IllegalStateException refused = assertThrows(IllegalStateException.class, fanout::remove,
                "an outbox still linked cannot be removed");
        String message = refused.getMessage();
        assertTrue(message.contains("extra") && message.contains(sink.name()) && message.contains("Linkage.link")
                && message.contains("link(...)"), "the message names the box, its destination and the likely"
                + " mistake: " + message);
    }
}
