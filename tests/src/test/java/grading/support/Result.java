package grading.support;

/**
 * The outcome of one graded test, as {@link ResultsRecorder} writes it (one line of
 * {@code results.tsv}, fields separated by tabs) and {@link Board} reads it. Results are
 * written in the order the tests ran, which is the order the board lists them in.
 *
 * @param stage the stage the test grades (its class's {@code @Graded}, a contract rule's {@link Staged})
 * @param status what became of it
 * @param title its {@code @DisplayName}: a sentence of the contract
 * @param message what it said when it did not pass, on one line, or ""
 * @param hint the text of its {@link Hint}, or ""
 * @param read the handbook section its {@link Hint} names, or ""
 * @param contract whether it is an ArchUnit contract rule rather than a test
 */
public record Result(int stage, Status status, String title, String message, String hint, String read,
        boolean contract) {

    /** The result as one line of {@code results.tsv}. */
    public String toLine() {
        return String.join("\t", String.valueOf(stage), status.name(), clean(title), clean(message), clean(hint),
                clean(read), contract ? "contract" : "test");
    }

    /** Reads a line written by {@link #toLine()}. */
    public static Result fromLine(String line) {
        String[] field = line.split("\t", -1);
        if (field.length != 7) {
            throw new IllegalArgumentException("not a line of results.tsv (7 fields separated by tabs): " + line);
        }
        return new Result(Integer.parseInt(field[0]), Status.valueOf(field[1]), field[2], field[3], field[4],
                field[5], field[6].equals("contract"));
    }

    /** Whether this is something to work on, and a test rather than a contract rule. */
    boolean isOpenTest() {
        return status.isOpen() && !contract;
    }

    /** The text on one line, without tabs, as a field of {@code results.tsv}. */
    private static String clean(String text) {
        return text == null ? "" : text.replace('\t', ' ').replace("\r", "").replace("\n", " | ");
    }
}
