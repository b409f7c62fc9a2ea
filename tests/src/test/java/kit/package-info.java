/**
 * The kit's own checks, tagged {@code kit}: run by the kit check ({@code ./mvnw verify
 * -Dkit=check}), never in a learner's run. They prove that the stage list, the handbook's
 * sections and the graded classes agree, that a chapter shows its own answers only inside
 * its hints, that the demos print what the chapters show, and
 * that the jshell playground, the picture and the network console work. The graded tests
 * are in {@code grading}; the progress board and the grading extension in
 * {@code grading.support}.
 */
package kit;
