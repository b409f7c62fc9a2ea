package kit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs one graded test class in a JVM of its own, for {@link TraceTest}: there, a planted
 * mistake in the core replaces the reference's class on the class path. The results are
 * written by the grading listener to the folder named by {@code grading.results}.
 */
public final class PlantedRun {
    private PlantedRun() {
    }

    /** Runs the test class named by the first argument. */
    public static void main(String[] args) throws ClassNotFoundException {
        var request = LauncherDiscoveryRequestBuilder.request().selectors(selectClass(Class.forName(args[0]))).build();
        LauncherFactory.create().execute(request);
    }
}
