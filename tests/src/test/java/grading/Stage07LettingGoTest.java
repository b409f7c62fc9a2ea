package grading;

import static org.junit.jupiter.api.Assertions.assertEquals;

import axon.Box;
import axon.Component;
import axon.Scheduler;
import grading.support.Graded;
import grading.support.GradedTest;
import java.util.ArrayList;
import java.util.List;
import kamaelia.chassis.Pipeline;
import kamaelia.util.Recorder;
import kamaelia.util.Source;

/**
 * A chassis lets go of its finished children, "undoing every link it made to or from
 * their boxes" (chapter, Pipeline): not only forgetting the links, but unlinking the boxes.
 */
@Graded(stage = 7, title = "Pipeline and Graphline, letting go of finished children")
class Stage07LettingGoTest {

    @GradedTest(order = 1, value = "after a pipeline ends, no box of its children is still linked")
    void finishedChildrenAreUnlinked() {
        Scheduler scheduler = new Scheduler();
        Source source = new Source(List.of("a", "b"));
        Recorder recorder = new Recorder();
        Pipeline pipeline = new Pipeline(source, recorder);
        pipeline.activate(scheduler);
        scheduler.run();
        assertEquals(List.of("a", "b"), recorder.collected(), "the pipeline must carry the source's items to the recorder");
        List<String> stillLinked = new ArrayList<>();
        for (Component child : List.of(source, recorder, pipeline)) {
            for (Box box : child.outboxes()) {
                if (box.target() != null) {
                    stillLinked.add(box + " -> " + box.target());
                }
            }
            for (Box box : child.inboxes()) {
                if (box.target() != null) {
                    stillLinked.add(box + " -> " + box.target());
                }
            }
        }
        assertEquals(List.of(), stillLinked, "\"each child was let go as it finished, with every link the pipeline made"
                + " to or from its boxes\" (chapter, Pipeline): after the pipeline ended, these"
                + " boxes were still linked");
    }
}
