package grading;

import axon.Component;
import axon.Inbox;
import axon.Linkage;
import axon.Box;
import axon.Outbox;

/**
 * A component for tests: it does nothing by itself and lets the test call the methods a
 * component normally calls on itself.
 */
@Inbox(name = "extra", doc = "An inbox a subclass adds, for tests")
@Outbox(name = "log", doc = "An outbox a subclass adds, for tests")
class Probe extends Component {
    @Override
    protected boolean step() {
        return true;
    }

    void sendOut(Object message, String outbox) {
        send(message, outbox);
    }

    Object receive(String inbox) {
        return recv(inbox);
    }

    boolean ready(String inbox) {
        return dataReady(inbox);
    }

    boolean ready() {
        return dataReady();
    }

    boolean anything() {
        return anyReady();
    }

    Linkage wire(Box source, Box sink) {
        return link(source, sink);
    }

    void unwireAll() {
        unlinkAll();
    }
}
