package grading.support;

import org.opentest4j.AssertionFailedError;

/**
 * A failure found by shared set-up or tear-down rather than by what a test is about: a
 * server that never ends after its shutdown, for example, found while stopping the server
 * of a test about lines. It carries the hint that fits what went wrong, and the board
 * shows that hint (and its section) instead of the test's own, so that the hint never
 * points at code the failure does not concern.
 */
public final class HintedFailure extends AssertionFailedError {
    private static final long serialVersionUID = 1L;

    private final String hint;
    private final String read;

    /**
     * @param message what went wrong, in the learner's terms
     * @param hint what to change, as a {@link Hint} says it
     * @param read the chapter section to read, as {@link Hint#read()}
     */
    public HintedFailure(String message, String hint, String read) {
        super(message);
        this.hint = hint;
        this.read = read;
    }

    /**
     * @param message what went wrong, in the learner's terms
     * @param hint what to change and the section to read, as a hints file gives them
     */
    public HintedFailure(String message, Hint hint) {
        this(message, hint.value(), hint.read());
    }

    /** What to change. */
    public String hint() {
        return hint;
    }

    /** The chapter section to read. */
    public String read() {
        return read;
    }
}
