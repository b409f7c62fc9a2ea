package grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import axon.Box;
import axon.Scheduler;
import axon.ThreadedComponent;
import grading.support.Graded;
import grading.support.GradedTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A Box belongs to the scheduler's thread: the kit refuses one used from a threaded component's body. */
@Graded(stage = 9, order = 2, title = "threaded components, boxes stay on the scheduler's thread")
class Stage09BoxesOnOneThreadTest {

    @GradedTest(order = 1, value = "a Box used directly from a threaded component's body throws at once, naming the"
            + " box and the component")
    void boxesRefuseTheBodysThread() {
        Map<String, String> refused = new ConcurrentHashMap<>();
        List<String> tried = List.of("put", "take", "size", "isEmpty");
        Scheduler scheduler = new Scheduler();
        ThreadedComponent reckless = new ThreadedComponent() {
            @Override
            protected void body() {
                Box inbox = inbox("inbox");
                attempt("put", () -> inbox.put("from the wrong thread"));
                attempt("take", inbox::take);
                attempt("size", inbox::size);
                attempt("isEmpty", inbox::isEmpty);
            }

            private void attempt(String operation, Runnable call) {
                try {
                    call.run();
                    refused.put(operation, "");
                } catch (RuntimeException e) {
                    refused.put(operation, String.valueOf(e.getMessage()));
                }
            }
        };
        reckless.activate(scheduler);
        scheduler.run();
        List<String> allowed = new ArrayList<>();
        for (String operation : tried) {
            String message = refused.getOrDefault(operation, "");
            if (message.isEmpty()) {
                allowed.add(operation);
            } else {
                assertTrue(message.contains(reckless.name()) && message.contains("inbox"),
                        "Box." + operation + " from the body was refused, but the message names neither the component ("
                                + reckless.name() + ") nor the box: " + message);
            }
        }
        assertEquals(List.of(), allowed,
                "these Box operations were allowed from a threaded component's body, where a Box is not safe: " + allowed);
        assertTrue(reckless.isFinished(), "the component must finish when its body returns");
    }
}
