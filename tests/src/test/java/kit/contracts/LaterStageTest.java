package kit.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import contracts.Contract;
import contracts.Contracts;
import contracts.GradedCode;
import contracts.Kinds;
import contracts.WrittenAt;
import grading.support.LaterStageFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves that a contract rule judges each place at the stage its code is written: a place
 * in a file whose first region is of a later stage fails as a {@link LaterStageFailure} of
 * that stage, which the board counts there. A kit test.
 */
@Tag("kit")
@Timeout(60) // importing the classes the rules look at takes seconds on a busy machine
@DisplayName("Component contracts: a place written at a later stage is reported at that stage")
class LaterStageTest {
    private static final WrittenAt REFERENCE = new WrittenAt(
            Path.of(System.getProperty("kit.root", "..")).toAbsolutePath().normalize()
                    .resolve("solutions/src/main/java"));

    @Test
    @DisplayName("a file's stage is its first region's; a file with none, or not in the reference, has none")
    void stagesOfFiles() {
        assertEquals(13, REFERENCE.stageOf("axon.stm.Store.lockOrBusy() (Store.java:168) calls Lock.lock()"));
        assertEquals(1, REFERENCE.stageOf("Greeter.step() (Greeter.java:44)"));
        assertEquals(13, REFERENCE.stageOf("Philosopher.takeForks() (Philosopher.java:108) calls Store.usevars,"
                + " which calls Store.lockOrBusy() (Store.java:115)"), "the latest stage of the places named");
        assertEquals(0, REFERENCE.stageOf("Ticker.step() (Ticker.java:12)"), "a learner's own file");
        assertEquals(0, REFERENCE.stageOf("no place at all"));
    }

    @Test
    @DisplayName("a rule of stage 3 broken only in a file written at stage 13 fails as a LaterStageFailure of stage"
            + " 13; at its own stage, as a plain failure")
    void reportedAtTheLaterStage(@TempDir Path sources) throws IOException {
        JavaClasses planted = GradedCode.fixturesWithGradedCode().that(DescribedPredicate.describe("Ticker",
                c -> c.getSimpleName().equals("Ticker")));
        Contract blocking = new Contracts(new Kinds(axon.ThreadedComponent.class.getName(),
                axon.Ipc.class.getName())).cooperativeComponentsDoNotBlock();
        AssertionError own = assertThrows(AssertionError.class, () -> blocking.check(planted, 3, REFERENCE),
                "the planted ticker sleeps in its step");
        assertEquals(AssertionError.class, own.getClass(), "the ticker is no file of the reference: its places count"
                + " at the rule's own stage");
        Files.writeString(sources.resolve("Ticker.java"), "// >>> stage 13 step: a region of a later stage\n");
        LaterStageFailure later = assertThrows(LaterStageFailure.class,
                () -> blocking.check(planted, 3, new WrittenAt(sources)), "a place in a file written at stage 13");
        assertEquals(13, later.stage(), "the stage the failure is reported at");
        assertTrue(later.getMessage().contains("Ticker"), "the message is the rule's own: " + later.getMessage());
    }
}
