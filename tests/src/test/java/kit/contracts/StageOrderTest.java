package kit.contracts;

import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import contracts.GradedCode;
import contracts.WrittenAt;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves that the kit teaches in order: no code a learner meets at a stage refers to a
 * class the kit first teaches at a later one (see {@link TaughtAt} for what stage a class
 * and a line belong to). A kit test, on the reference's classes.
 */
@Tag("kit")
@Timeout(60) // importing the classes takes seconds on a busy machine
@DisplayName("Stage order: no code refers to a class first taught at a later stage")
class StageOrderTest {
    private static final String TRACE_HOOK = "a given line reports what happens (a cycle, a step, a put, a link) to the trace,"
            + " which does nothing until stage 12 turns it on; the comment beside the call says so";

    /** References ahead that the kit makes on purpose, each with the reason the reader is given. */
    private static final Map<String, String> DELIBERATE = Map.ofEntries(
            entry("axon.Microprocess -> axon.Scheduler", "stage 1 activates a microprocess on a given scheduler;"
                    + " its loop is written at stage 2"),
            entry("examples.stages.Stage01Demo -> axon.Scheduler", "the stage 1 demo runs on the given scheduler,"
                    + " as the chapter says"),
            entry("axon.Scheduler -> axon.Sleepers", "a scheduler keeps its sleepers through the strategy of its"
                    + " policy from the start; stage 6 fills the default one in, stage 10 writes the other"),
            entry("axon.Sleepers -> axon.ActivatedList", "the one place where a policy picks its strategy names"
                    + " both; stage 10 writes the event-driven one"),
            entry("axon.Scheduler -> axon.ServiceRegistry", "as in Axon, each scheduler holds the registry of its"
                    + " services, which stage 8 teaches"),
            entry("axon.Component -> axon.Linkage", "a component's given helpers (link, addChild, removeChild)"
                    + " record the links they make, which stage 5 writes"),
            entry("axon.Component -> axon.Ipc", "the given passShutdownOn sends ProducerFinished, the message stage 6"
                    + " teaches"),
            entry("axon.Microprocess -> axon.Trace", TRACE_HOOK),
            entry("axon.Scheduler -> axon.Trace", TRACE_HOOK),
            entry("axon.Box -> axon.Trace", TRACE_HOOK),
            entry("axon.Linkage -> axon.Trace", TRACE_HOOK),
            entry("axon.Scheduler -> axon.ViewFlag", "the given field for stage 12's live view, which the scheduler"
                    + " asks for by name only when the flag is given"));

    @Test
    @DisplayName("every reference in the reference's code is to a class taught at its own stage or before")
    void noReferenceAhead() {
        TaughtAt stages = TaughtAt.ofKit();
        Map<String, String> onePlacePerPair = new TreeMap<>();
        for (JavaClass c : GradedCode.classes()) {
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                ahead(stages, d).ifPresent(message -> onePlacePerPair.putIfAbsent(pair(d), message));
            }
        }
        Set<String> stale = new TreeSet<>(DELIBERATE.keySet());
        stale.removeAll(onePlacePerPair.keySet());
        onePlacePerPair.keySet().removeAll(DELIBERATE.keySet());
        assertEquals(List.of(), List.copyOf(onePlacePerPair.values()), "references to classes a learner has not"
                + " been taught yet, one place for each pair of classes");
        assertEquals(Set.of(), stale, "listed as references ahead on purpose, but the code no longer makes them:"
                + " remove them from StageOrderTest.DELIBERATE");
    }

    @Test
    @DisplayName("the capstone comes after the stage that grades it: its chapter's :after-stage: is its graded"
            + " class's stage")
    void capstonePlacedWhereItIsGraded() throws Exception {
        Path chapter = Path.of(System.getProperty("kit.root", "..")).resolve("src-docs/src/docs/asciidoc/capstone.adoc");
        Class<?> graded = Class.forName("grading.Stage09CapstoneTest");
        int stage = graded.getAnnotation(grading.support.Graded.class).stage();
        assertEquals(Optional.of(stage), TaughtAt.afterStage(chapter), "capstone.adoc's :after-stage: places the"
                + " capstone's classes for this test; it must be the stage " + graded.getSimpleName() + " grades it at");
    }

    @Test
    @DisplayName("a line of a stage 2 region that names a class of stage 9 is found; the same line in a stage 9"
            + " region is not; a walkthrough places its classes at the stage it comes after")
    void aReferenceAheadIsFound(@TempDir Path kit) throws IOException {
        Path sources = Files.createDirectories(kit.resolve("sources"));
        Path chapters = Files.createDirectories(kit.resolve("chapters"));
        Files.writeString(sources.resolve("Early.java"), """
                class Early {
                    // >>> stage 2 step: a region of stage 2
                    Late late;
                    // <<< stage 2
                    // >>> stage 9 step: a region of stage 9
                    Late later;
                    // <<< stage 9
                    // >>> stage 5 outer: a region of stage 5
                    // >>> stage 6 inner: a region of stage 6 inside it
                    Late inner;
                    // <<< stage 6
                    Late outer;
                    // <<< stage 5
                }
                """);
        Files.writeString(sources.resolve("Named.java"), "class Named {\n}\n");
        Files.writeString(sources.resolve("Late.java"), "// >>> stage 9 late: a class of stage 9\n");
        Files.writeString(chapters.resolve("stage-01-first.adoc"), "include::{exercises}/examples/Early.java[]\n");
        Files.writeString(sources.resolve("Marked.java"), "@interface Marked {\n}\n");
        Files.writeString(chapters.resolve("stage-04-fourth.adoc"), "Here `Named.go()` does it, on a class marked"
                + " `@Marked`.\n");
        Files.writeString(sources.resolve("Walk.java"), "class Walk {\n}\n");
        Files.writeString(sources.resolve("Aside.java"), "class Aside {\n}\n");
        Files.writeString(chapters.resolve("walkthrough.adoc"), "= A walkthrough\n:after-stage: 9\n\n"
                + "include::{solutions}/examples/Walk.java[]\n");
        Files.writeString(chapters.resolve("aside.adoc"), "= Not placed\n\ninclude::{solutions}/examples/Aside.java[]\n");
        TaughtAt stages = new TaughtAt(new WrittenAt(sources), chapters);

        assertEquals(1, stages.classOf("Early.java"), "the chapter of stage 1 includes it, before its first region");
        assertEquals(9, stages.classOf("Late.java"), "its first region");
        assertEquals(0, stages.classOf("Elsewhere.java"), "a file of no region and no chapter");
        assertEquals(4, stages.classOf("Named.java"), "the chapter of stage 4 names the class as code");
        assertEquals(4, stages.classOf("Marked.java"), "the chapter of stage 4 names the annotation as code");
        assertEquals(9, stages.classOf("Walk.java"), "a walkthrough that comes after stage 9 (:after-stage: 9) includes it");
        assertEquals(0, stages.classOf("Aside.java"), "a chapter that is neither a stage's nor says :after-stage:");
        assertEquals(List.of(6, 5), List.of(stages.lineOf("Early.java", 10), stages.lineOf("Early.java", 12)),
                "a line in a region nested in another is of the inner one's stage; after it closes, of the outer's");
        assertEquals(List.of(2, 9, 1), List.of(stages.lineOf("Early.java", 3), stages.lineOf("Early.java", 6),
                stages.lineOf("Early.java", 14)), "a line in a region is of its stage; outside, of the file's");
        Optional<String> early = ahead(stages, "Early", "Early.java", 3, "Late", "Late.java");
        assertTrue(early.isPresent() && early.get().contains("written at stage 2") && early.get().contains(
                "taught at stage 9"), "the stage 2 line names a stage 9 class: " + early);
        assertEquals(Optional.empty(), ahead(stages, "Early", "Early.java", 6, "Late", "Late.java"));
    }

    private static Optional<String> ahead(TaughtAt stages, Dependency reference) {
        JavaClass target = reference.getTargetClass();
        Optional<String> targetFile = target.getSource().flatMap(s -> s.getFileName());
        return targetFile.flatMap(file -> ahead(stages, reference.getOriginClass().getName(),
                reference.getSourceCodeLocation().getSourceFileName(),
                reference.getSourceCodeLocation().getLineNumber(), target.getName(), file));
    }

    /** Such as {@code axon.Scheduler -> axon.Sleepers}: the two top-level classes of a reference. */
    private static String pair(Dependency reference) {
        return topLevel(reference.getOriginClass()) + " -> " + topLevel(reference.getTargetClass());
    }

    private static String topLevel(JavaClass c) {
        return c.getName().replaceFirst("\\$.*", "");
    }

    /** A sentence for a reference from a line written at one stage to a class taught at a later one. */
    static Optional<String> ahead(TaughtAt stages, String origin, String file, int line, String target,
            String targetFile) {
        int written = stages.lineOf(file, line);
        int taught = stages.classOf(targetFile);
        if (file.equals(targetFile) || written == 0 || taught <= written) {
            return Optional.empty();
        }
        return Optional.of(origin + " (" + file + ":" + line + "), written at stage " + written + ", refers to "
                + target + ", first taught at stage " + taught + ": a learner at stage " + written + " would meet"
                + " a class the kit has not taught yet. Move the reference into a stage " + taught
                + " region, or teach " + target + " earlier.");
    }
}
