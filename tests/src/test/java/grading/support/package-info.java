/**
 * How a run is graded and shown. Read in this order:
 * <ol>
 *   <li>What a graded class and test are: {@link grading.support.Graded} marks a class (its
 *       stage, place and title) and brings in {@link grading.support.Grading}, which turns
 *       unwritten code into "not started", a time-out into the learner's method that was still
 *       running ({@link grading.support.RunningCode}, {@link grading.support.OnTimeout},
 *       {@link grading.support.BusyThreads} for the other threads, read from a
 *       {@link grading.support.ThreadDump}, also when a test waited in vain:
 *       {@link grading.support.WaitedInVain}), and a missing method into a
 *       sentence. A failure whose cause lies in a later stage's region goes to that stage:
 *       {@link grading.support.Regions} places a line of code in its region,
 *       {@link grading.support.LaterRegion} judges a time-out or an exception by it, and
 *       {@link grading.support.NeverPaused} finds a microprocess put to sleep by stage 6's code in
 *       an earlier stage's test, {@link grading.support.TwiceInATurn} a second next() in stage 6's
 *       part of a scheduler's step. {@link grading.support.GradedTest} gives a test its place
 *       ({@link grading.support.GradedOrder}) and its title ({@link grading.support.GradedTitles});
 *       {@link grading.support.Hints} reads its {@link grading.support.Hint} from the class's hints
 *       file.</li>
 *   <li>Which tests a run has, in which order: {@link grading.support.Mode} (a learner's run, or
 *       the kit check on the reference or on the untouched exercises),
 *       {@link grading.support.Stage} (one line of {@code grading/stages.properties}),
 *       {@link grading.support.StageFilter} (the tests of stages 1..N) and
 *       {@link grading.support.ByStage} (the classes, stage by stage, narrowest first).</li>
 *   <li>What each test came to: {@link grading.support.ResultsRecorder} writes each
 *       {@link grading.support.Result} ({@link grading.support.Status}), moving a failure to a
 *       later stage ({@link grading.support.LaterStageFailure}) or to the test it names
 *       ({@link grading.support.HintedFailure}), with the trace offered at stages 4 to 8
 *       ({@link grading.support.TraceOffered}).</li>
 *   <li>The board: {@link grading.support.Board} prints it from the results, a
 *       {@link grading.support.Progress} line per stage, with the place in the learner's files
 *       ({@link grading.support.ExerciseFiles}) and the section to read
 *       ({@link grading.support.Handbook}).</li>
 * </ol>
 * Four classes here serve the graded tests rather than grading:
 * {@link grading.support.Setup} (the one-line set-ups most tests begin with),
 * {@link grading.support.SelfWaking} (the component of the lost-wake-up tests of stages 6
 * and 10), {@link grading.support.Holding} (where the messages are, in a test's failure
 * message) and {@link grading.support.StillAlive} (where a thread that should have ended is).
 */
package grading.support;
