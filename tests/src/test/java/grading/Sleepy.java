package grading;

import axon.Component;
import axon.Inbox;
import java.util.ArrayList;
import java.util.List;

/** A component for tests: each step it takes what has arrived, counts the step, and pauses. */
@Inbox(name = "extra", doc = "Another inbox, to show that any inbox wakes the component")
class Sleepy extends Component {
    int steps;
    final List<Object> received = new ArrayList<>();

    @Override
    protected boolean step() {
        steps++;
        for (var box : inboxes()) {
            while (dataReady(box.name())) {
                received.add(recv(box.name()));
            }
        }
        pause();
        return true;
    }
}
