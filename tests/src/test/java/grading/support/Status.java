package grading.support;

/** What became of one graded test in a run, as the board counts it. */
public enum Status {
    /** The test passed. */
    PASSED,
    /** The test failed: the code is written, and does not keep the contract. */
    FAILED,
    /** The test reached code that still says {@code throw new Todo(...)}. */
    NOT_STARTED,
    /** The test did not run, because an earlier one never finished. */
    NOT_RUN;

    /** Whether the test is something to work on: it failed, or its code is not written yet. */
    public boolean isOpen() {
        return this == FAILED || this == NOT_STARTED;
    }
}
