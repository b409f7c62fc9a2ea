/**
 * The graded tests: one class or more per stage, {@code Stage01MicroprocessTest} to
 * {@code Stage13SharingTest}, each headed {@code @Graded(stage = N, title = "...")} (with
 * {@code order = K} where a stage has several classes), read in stage order. Each test's
 * title ({@code @GradedTest}) is a sentence of its chapter's contract, and its hint, in the
 * class's hints file beside it on the test class path ({@code Stage02SchedulerTest.hints}),
 * says what to try; a stage's classes run narrowest first (the most basic contract, then
 * what is built on it), which is the order the progress board lists failures in.
 *
 * <p>Beside them, the tests' own fixtures:
 * <ul>
 *   <li>the tests' own microprocesses and components ({@code Counting}, {@code Spawner},
 *       {@code Probe}, {@code Plain}, {@code Sleepy}, {@code Stopper}, {@code Terminal},
 *       {@code Talker} ...);</li>
 *   <li>shared set-ups and endings ({@code Wiring}, {@code Newsroom}, {@code InBackground},
 *       {@code Quietly}, {@code AllFinished}, {@code Reachable}, {@code Resources},
 *       {@code Waits});</li>
 *   <li>stage 11's network fixtures ({@code Network}, {@code LineClient},
 *       {@code ControlledChannel}, {@code RunningServer}; stage 12's consoles use some), and
 *       {@code LogFile}, the log that {@code Follow} follows (stages 9 and 11).</li>
 * </ul>
 * They are package-private, except those the kit's tests of the given code share
 * ({@code kit.given}): those classes, and only the members those tests call, are public.
 * Every class here that is not a fixture is graded; the kit's own checks are in {@code kit},
 * and how a run is graded and shown is in {@code grading.support}.
 */
package grading;
