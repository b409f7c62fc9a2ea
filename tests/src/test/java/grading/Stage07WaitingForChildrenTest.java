package grading;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import axon.Component;
import axon.Ipc;
import axon.Scheduler;
import grading.support.Graded;
import grading.support.GradedTest;
import java.util.Map;
import kamaelia.chassis.Graphline;
import kamaelia.chassis.Pipeline;
import kamaelia.util.Recorder;

/**
 * While its children run, a chassis waits for them, asleep: "None left: the pipeline
 * returns false, and ends after its last child. Some left: it pauses again" (chapter 7,
 * Pipeline), and the graphline "ends" only "when every child has finished" (Graphline).
 */
@Graded(stage = 7, order = 3, title = "Pipeline and Graphline, waiting for their children")
class Stage07WaitingForChildrenTest {

    @GradedTest(order = 1, value = "a Pipeline does not end while a child still runs: it ends after its last child")
    void pipelineEndsAfterItsLastChild() {
        Scheduler scheduler = new Scheduler();
        Recorder child = new Recorder();   // runs until a shutdown message reaches it
        Pipeline pipeline = new Pipeline(child);
        pipeline.activate(scheduler);
        scheduler.runCycles(20);
        assertFalse(pipeline.isFinished(), "the pipeline ended while its child was still running: \"none left: the"
                + " pipeline returns false, and ends after its last child. Some left: it pauses again\" (chapter 7,"
                + " Pipeline). Return false only when childrenDone() says every child has finished");
        assertTrue(pipeline.isPaused(), "while its child runs, the pipeline has nothing to do: it must pause");
        pipeline.inbox("control").put(new Ipc.ShutdownMicroprocess());
        scheduler.runCycles(20);
        assertTrue(child.isFinished() && pipeline.isFinished(), "once its last child has ended, the pipeline must end");
    }

    @GradedTest(order = 2, value = "a Graphline sleeps while its children run, and ends when they have")
    void graphlineSleepsWhileChildrenRun() {
        Scheduler scheduler = new Scheduler();
        Recorder child = new Recorder();
        Graphline graphline = new Graphline(Map.<String, Component>of("child", child), Map.of());
        graphline.activate(scheduler);
        scheduler.runCycles(20);
        assertFalse(graphline.isFinished(), "the graphline ended while its child was still running: it ends \"when"
                + " every child has finished\" (chapter 7, Graphline)");
        assertFalse(scheduler.runCycles(10), "with its child waiting for messages, nothing has anything to do, yet"
                + " something is still awake: the graphline must pause while its children run (stage 6: a component"
                + " with nothing to do pauses)");
        graphline.inbox("control").put(new Ipc.ShutdownMicroprocess());
        scheduler.runCycles(20);
        assertTrue(child.isFinished(), "a ShutdownMicroprocess put into the graphline's control must reach its"
                + " child, whose control no link feeds: with no link from self.control, the graphline passes what"
                + " arrives on its control on to the control of each child still running (chapter 7, Graphline)");
        assertTrue(graphline.isFinished(), "once its child has ended, the graphline must end");
    }
}
