package kit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import grading.support.Regions;
import grading.support.Regions.Region;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The grader places a frame of a stack trace in the region of the stage that wrote it
 * (grading.support.Regions), so that a loop or an exception in code of a later stage is
 * reported at that stage: by the markers where the graded tree has them, by the method in
 * the reference where it does not (the exercises).
 */
@Tag("kit")
@DisplayName("Kit: a line of graded code is placed in the region of the stage that wrote it")
class RegionsTest {
    private static final String WITH_MARKERS = """
            package planted;

            public class Thing {
                void linkTo(Thing next) {
                    // >>> stage 5 link-to: link, then move the messages
                    int a = 1;
                    // >>> stage 6 link-wakes: wake the owner
                    int b = 2;
                    // <<< stage 6
                    int c = 3;
                    // <<< stage 5
                }

                public void wake() {
                    // >>> stage 6 wake: wake up
                    int d = 4;
                    // <<< stage 6
                }

                public Thing() {
                    // >>> stage 3 constructor: make the boxes
                    int e = 5;
                    // <<< stage 3
                }
            }
            """;

    /** The same file as a learner's exercises hold it: no markers, and the learner's own code in the methods. */
    private static final String WITHOUT_MARKERS = """
            package planted;

            public class Thing {
                void linkTo(Thing next) {
                    // TODO stage 5: link, then move the messages
                    long linked = 10;
                    long moved = linked * 2;
                    long woken = moved + 1;
                }

                public void wake() {
                    boolean learnersOwnLine = true;
                    long wokenUp = 4;
                }

                public Thing() {
                    long boxes = 5;
                }
            }
            """;

    @TempDir
    Path folder;

    private Regions regions() throws Exception {
        Path graded = folder.resolve("graded");
        Path reference = folder.resolve("reference");
        Files.createDirectories(graded.resolve("planted"));
        Files.createDirectories(reference.resolve("planted"));
        Files.writeString(reference.resolve("planted/Thing.java"), WITH_MARKERS);
        return new Regions(graded, reference);
    }

    private static StackTraceElement at(String method, int line) {
        return new StackTraceElement("planted.Thing", method, "Thing.java", line);
    }

    private static Optional<String> named(Optional<Region> region) {
        return region.map(r -> "stage " + r.stage() + " " + r.name() + ": " + r.task());
    }

    @Test
    @DisplayName("with markers, the innermost region around the line: a nested later stage's part is that stage's")
    void byMarkers() throws Exception {
        Regions regions = regions();
        Files.writeString(folder.resolve("graded/planted/Thing.java"), WITH_MARKERS);
        assertEquals(Optional.of("stage 5 link-to: link, then move the messages"), named(regions.of(at("linkTo", 6))));
        assertEquals(Optional.of("stage 6 link-wakes: wake the owner"), named(regions.of(at("linkTo", 8))));
        assertEquals(Optional.of("stage 5 link-to: link, then move the messages"), named(regions.of(at("linkTo", 10))));
        assertEquals(Optional.empty(), named(regions.of(at("linkTo", 4))), "a line outside every region is none's");
        assertEquals(Optional.of("stage 6 wake: wake up"), named(regions.of(at("wake", 16))));
    }

    @Test
    @DisplayName("without markers (the exercises), by the method in the reference, at the stage of its outer regions,"
            + " with the later part nested in them named")
    void byMethod() throws Exception {
        Regions regions = regions();
        Files.writeString(folder.resolve("graded/planted/Thing.java"), WITHOUT_MARKERS);
        assertEquals(Optional.of("stage 6 wake: wake up"), named(regions.of(at("wake", 13))));
        assertEquals(Optional.empty(), named(regions.of(at("linkTo", 4))),
                "a given line (the same text stands in the reference outside every region) is no region's");
        assertEquals(Optional.of("stage 3 constructor: make the boxes"), named(regions.of(at("<init>", 17))));
        assertEquals(Optional.of("stage 5 link-to: link, then move the messages"), named(regions.of(at("linkTo", 7))),
                "a method with code of stages 5 and 6 is placed at the stage of its outer region");
        assertEquals(List.of("link-wakes"), regions.laterInMethod(at("linkTo", 7), 5).stream().map(Region::name)
                .toList(), "the later part nested in it is named, as it cannot be told apart without the markers");
        assertEquals(List.of(), regions.laterInMethod(at("linkTo", 7), 6), "nothing in it is later than stage 6");
    }
}
