package grading.support;

import org.opentest4j.AssertionFailedError;

/**
 * A failure that belongs to a later stage than the test that found it: a contract rule
 * that applies from stage 3, for example, finding a blocking call in code that is written
 * at stage 13. The board reports it at that later stage, under the test's title, and
 * counts the test as passed at its own stage, so that a learner is sent to the stage
 * whose code is wrong.
 */
public final class LaterStageFailure extends AssertionFailedError {
    private static final long serialVersionUID = 1L;

    private final int stage;

    /**
     * @param stage the stage whose code breaks the rule
     * @param message what is wrong, in the learner's terms
     */
    public LaterStageFailure(int stage, String message) {
        super(message);
        this.stage = stage;
    }

    /** The stage whose code breaks the rule. */
    public int stage() {
        return stage;
    }
}
