package grading.support;

/**
 * A graded test that says its own stage, where it is not a method of a {@link Graded}
 * class: a component contract, which ArchUnit's engine runs from a static rule field,
 * states its stage once, in the rule the field holds ({@code contracts.GradedRule}).
 * {@link StageFilter} reads the field through the test's {@code FieldSource}, to choose
 * the run's tests and file their results.
 */
public interface Staged {
    /** The stage from which this test applies, from 1. */
    int stage();
}
