package grading;

import static org.junit.jupiter.api.Assertions.assertEquals;

import axon.Box;
import axon.Component;
import axon.Scheduler;
import grading.support.Graded;
import grading.support.GradedTest;
import grading.support.OnTimeout;
import java.util.ArrayList;
import java.util.List;
import kamaelia.chassis.Pipeline;
import kamaelia.util.Recorder;
import kamaelia.util.Source;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;

/**
 * A chassis lets go of its finished children, "undoing every link it made to or from
 * their boxes" (chapter, Pipeline): not only forgetting the links, but unlinking the boxes.
 */
@Graded
@Tag("stage07")
@DisplayName("Stage 7: Pipeline and Graphline, letting go of finished children")
@OnTimeout("the run never ended: does the pipeline end once its last child has ended?")
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
