/**
 * The kit's own checks, tagged {@code kit}: run by the kit check ({@code ./mvnw verify
 * -Dkit=check}), never in a learner's run. By what they keep true:
 * <ul>
 *   <li>the stage list, the build and the graded classes agree: {@code StageListTest}
 *       ({@code grading/stages.properties}, the {@code -Dstage} pattern, a graded class per
 *       stage with titles, places and hints) and {@code LaterStagesTest} (a run of stages
 *       1..N leaves out the graded classes of later stages);</li>
 *   <li>the grader helps: {@code BoardTest} (the progress board),
 *       {@code HandbookSectionsTest} (every section the board sends a learner to exists),
 *       {@code TraceTest} with {@code PlantedRun} (the trace of what ran, and the board
 *       offering it when a planted mistake fails a test), {@code RemoveOutboxMessageTest}
 *       (removing an outbox that the component did not link itself names the likely
 *       mistake);</li>
 *   <li>the exercises are fair: {@code AnswersInHintsTest} (a chapter shows its own answers
 *       only inside its hints), {@code AlternativesCoverEveryRegionTest} (every region has an
 *       alternative answer in {@code tools/alternatives}), {@code ThreadedSplitTest} (stage 9's
 *       proxy cannot see the body's side of a threaded component);</li>
 *   <li>what the handbook shows works: {@code DemoOutputTest} (each demo prints its chapter's
 *       expected output), {@code IncludedTagsTest} (every hand-written include tag in the
 *       code is included by a page), {@code JshellPlaygroundTest}, {@code SystemPictureTest} and
 *       {@code LayoutTest} (the picture of a running system), {@code LiveViewTest} and
 *       {@code NetworkConsoleTest} (the live view and the network console, behind a token and
 *       on loopback).</li>
 * </ul>
 * The tests of the given code that no learner writes (the given components, selector,
 * server and socket time-outs, and the servers under abuse) are in {@code kit.given}; they
 * use the graded tests' network and log fixtures. Those of the contracts (planted
 * violations, a place reported at its later stage, stage order) are in
 * {@code kit.contracts}. The progress board and the grading extension are in
 * {@code grading.support}.
 */
package kit;
