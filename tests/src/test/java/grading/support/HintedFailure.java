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

    private final Hint hint;
    private final Class<?> aboutClass;
    private final String aboutMethod;

    /**
     * @param message what went wrong, in the learner's terms
     * @param hint what to change and the section to read, as a hints file gives them
     */
    public HintedFailure(String message, Hint hint) {
        this(message, hint, null, null);
    }

    private HintedFailure(String message, Hint hint, Class<?> aboutClass, String aboutMethod) {
        super(message);
        this.hint = hint;
        this.aboutClass = aboutClass;
        this.aboutMethod = aboutMethod;
    }

    /**
     * A failure of the contract that another test is about, with that test's hint: when
     * that test fails too, the board lists it first, since its title names the cause (a
     * server that does not end after its shutdown, found while stopping the server of a
     * test about lines, is the failure of the test about shutting a server down).
     *
     * @param message what went wrong, in the learner's terms
     * @param testClass the class of the test about this contract
     * @param testMethod the name of that test's method
     */
    public static HintedFailure ofTest(String message, Class<?> testClass, String testMethod) {
        return new HintedFailure(message, Hints.forTest(testClass, testMethod), testClass, testMethod);
    }

    /** "Class#method" of the test about this failure's contract, or "" when it is the failing test's own. */
    String about() {
        return aboutClass == null ? "" : aboutClass.getName() + "#" + aboutMethod;
    }

    /** What to change. */
    public String hint() {
        return hint.value();
    }

    /** The chapter section to read. */
    public String read() {
        return hint.read();
    }
}
