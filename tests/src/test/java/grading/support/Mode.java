package grading.support;

/**
 * How this test run is meant, from the system property {@code grading.mode} that the
 * build sets.
 */
public enum Mode {
    /** A learner's run (the default, also in an IDE): graded tests of stages 1..N. */
    GRADE,
    /** The kit check on the reference: every test must pass, kit tests included. */
    STRICT,
    /** The kit check on the untouched exercises: every graded test must fail or not start. */
    UNSOLVED;

    /** The mode of this run. */
    public static Mode current() {
        return switch (System.getProperty("grading.mode", "grade")) {
            case "strict" -> STRICT;
            case "unsolved" -> UNSOLVED;
            default -> GRADE;
        };
    }

    /** The highest stage to grade: -Dstage=N, or every stage. */
    public static int lastStage() {
        String stage = System.getProperty("grading.stage", "all");
        try {
            return Integer.parseInt(stage.trim());
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }
}
