/**
 * The graded tests: one class or more per stage, each marked
 * {@code @Graded(stage = N, order = K, title = "...")}, read in stage order. Each test's title ({@code @GradedTest}) is a sentence of its
 * chapter's contract, and its hint, in the class's hints file beside it on the test class
 * path ({@code Stage02SchedulerTest.hints}), says what to try; a stage's classes run narrowest first
 * (the most basic contract, then what is built on it), which is the order the progress
 * board lists failures in. The small classes beside them ({@code Counting}, {@code Probe},
 * {@code Sleepy}, {@code RunningServer} ...) are the tests' own microprocesses, components
 * and fixtures. How a run is graded and shown is in {@code grading.support}; the kit's own
 * checks are in {@code kit}.
 */
package grading;
