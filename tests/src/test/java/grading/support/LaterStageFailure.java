package grading.support;

import org.opentest4j.AssertionFailedError;

/**
 * A failure that belongs to a later stage than the test that found it: a contract rule
 * that applies from stage 3, for example, finding a blocking call in code that is written
 * at stage 13, or a test of stage 5 that never returns because code written at stage 6
 * loops ({@link LaterRegion}). The board reports it at that later stage, under the test's title, and
 * counts the test as passed at its own stage, so that a learner is sent to the stage
 * whose code is wrong.
 */
public final class LaterStageFailure extends AssertionFailedError {
    private static final long serialVersionUID = 1L;

    private final int stage;
    private final Hint hint;

    /**
     * @param stage the stage whose code breaks the rule
     * @param message what is wrong, in the learner's terms
     */
    public LaterStageFailure(int stage, String message) {
        this(stage, message, null);
    }

    /**
     * A failure with a hint of its own, shown instead of the test's: the test's hint is
     * about its own stage's code, which is not where this failure's cause lies.
     *
     * @param stage the stage whose code is wrong
     * @param message what is wrong, in the learner's terms
     * @param hint what to change, and the section of that stage's chapter to read
     */
    public LaterStageFailure(int stage, String message, Hint hint) {
        super(message);
        this.stage = stage;
        this.hint = hint;
    }

    /** Its own hint, if it has one; else the test's applies. */
    java.util.Optional<Hint> hint() {
        return java.util.Optional.ofNullable(hint);
    }

    /** The stage whose code breaks the rule. */
    public int stage() {
        return stage;
    }
}
