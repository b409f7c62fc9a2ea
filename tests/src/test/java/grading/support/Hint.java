package grading.support;

/**
 * What the progress board tells a learner when a test fails, as its class's hints file
 * gives it ({@link Hints}).
 *
 * @param value what to try: a sentence or two naming what the test needs and the likely mistake
 * @param read the title of the section of the stage's chapter to read, or "" for none
 */
public record Hint(String value, String read) {
}
