package grading.support;

import java.nio.file.Path;

/**
 * Attached by {@link Grading} to the failure of a test at stages 4 to 8: the page where
 * the test's {@link axon.Trace} was written. {@link ResultsRecorder} passes its path on to
 * the board, which offers it as the place to see where the messages went.
 */
final class TraceOffered extends RuntimeException {
    private final transient Path page;

    TraceOffered(Path page) {
        super("what ran in this test, as a picture: " + page, null, false, false);
        this.page = page;
    }

    /** The trace's page. */
    Path page() {
        return page;
    }

    /** How a result's message ends when a trace is offered: this, then the page's path. */
    static final String MARK = " | what ran, as a picture: ";

    /** The page's path as a learner can open it: from the kit's root when it is known. */
    String shown() {
        String root = System.getProperty("kit.root", "");
        Path absolute = page.toAbsolutePath().normalize();
        if (!root.isBlank()) {
            Path rootPath = Path.of(root).toAbsolutePath().normalize();
            if (absolute.startsWith(rootPath)) {
                return rootPath.relativize(absolute).toString();
            }
        }
        return absolute.toString();
    }

    /** The trace of a failure, if {@link Grading} attached one. */
    static java.util.Optional<TraceOffered> of(Throwable failure) {
        for (Throwable suppressed : failure.getSuppressed()) {
            if (suppressed instanceof TraceOffered offered) {
                return java.util.Optional.of(offered);
            }
        }
        return java.util.Optional.empty();
    }
}
