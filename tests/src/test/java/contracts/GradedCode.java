package contracts;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.LocationProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The classes the contracts are checked on: the graded tree's packages as found on the
 * test class path (exercises/ in a learner's run, solutions/ with -Dkit=solutions),
 * without test classes and without the planted violations in {@code contracts.fixtures}.
 *
 * <p>They are imported once per test run and shared by every rule. The import reads only
 * the graded packages: it does not follow their references into the JDK, which would
 * triple its time; {@link Types} answers the few questions about JDK types instead.
 */
public final class GradedCode {
    /** The packages of the graded tree; learners write their components in them. */
    static final List<String> PACKAGES = List.of("axon", "examples", "kamaelia");

    private static final String FIXTURES = "contracts/fixtures";

    private static JavaClasses graded;
    private static JavaClasses fixtures;

    private GradedCode() {
    }

    /** The graded tree's classes. */
    public static synchronized JavaClasses classes() {
        if (graded == null) {
            graded = importFrom(locationsOf(PACKAGES), location -> !location.contains("/" + FIXTURES + "/")
                    && new ImportOption.DoNotIncludeTests().includes(location));
        }
        return graded;
    }

    /**
     * The planted violations and right examples in {@code contracts.fixtures}, together
     * with the graded tree they build on (so that, for example, it is known that they
     * are components).
     */
    public static synchronized JavaClasses fixturesWithGradedCode() {
        if (fixtures == null) {
            Set<Location> locations = locationsOf(PACKAGES);
            locations.addAll(locationsOf(List.of(FIXTURES.replace('/', '.'))));
            fixtures = importFrom(locations, location -> location.contains("/" + FIXTURES + "/")
                    || new ImportOption.DoNotIncludeTests().includes(location));
        }
        return fixtures;
    }

    private static JavaClasses importFrom(Set<Location> locations, ImportOption option) {
        return ArchConfiguration.withThreadLocalScope(configuration -> {
            configuration.setResolveMissingDependenciesFromClassPath(false);
            return new ClassFileImporter().withImportOption(option).importLocations(locations);
        });
    }

    /** Where the class path holds these packages (ArchUnit's own look-up scans the whole JDK as well). */
    private static Set<Location> locationsOf(List<String> packages) {
        Set<Location> locations = new LinkedHashSet<>();
        try {
            for (String pkg : packages) {
                Enumeration<URL> urls = GradedCode.class.getClassLoader().getResources(pkg.replace('.', '/'));
                while (urls.hasMoreElements()) {
                    locations.add(Location.of(urls.nextElement()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return locations;
    }

    /**
     * For {@code @AnalyzeClasses}: ArchUnit's engine runs the rules, but imports nothing
     * itself; the rules use {@link #classes()}.
     */
    public static final class ImportedByGradedCode implements LocationProvider {
        @Override
        public Set<Location> get(Class<?> testClass) {
            return Set.of();
        }
    }
}
