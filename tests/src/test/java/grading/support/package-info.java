/**
 * How a run is graded and shown. {@link grading.support.Graded} marks a class of graded
 * tests and brings in {@link grading.support.Grading}, which turns unwritten code into "not
 * started", a time-out into the learner's method that was still running, and a missing
 * method into a sentence. {@link grading.support.GradedTest} gives a test its place
 * ({@link grading.support.GradedOrder}) and its title ({@link grading.support.GradedTitles});
 * {@link grading.support.Hints} reads its hint from the class's hints file. {@link grading.support.StageFilter} chooses the tests of a run,
 * {@link grading.support.ByStage} orders the classes, {@link grading.support.ResultsRecorder}
 * writes each {@link grading.support.Result}, and {@link grading.support.Board} prints the
 * progress board from them.
 */
package grading.support;
