package contracts;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTag;
import com.tngtech.archunit.junit.ArchTest;

/**
 * The component contracts, graded like the stages: each rule is tagged with the stage
 * from which it applies, so {@code ./mvnw test -Dstage=N} checks the contracts a learner
 * has reached, on whichever tree is graded.
 *
 * <p>ArchUnit's engine runs these methods (and makes their {@code @ArchTag}s JUnit tags),
 * but the classes they check come from {@link GradedCode#classes()}, imported once per run;
 * the engine's own {@code JavaClasses} parameter is empty.
 */
@ArchTag("contracts")
@AnalyzeClasses(locations = GradedCode.ImportedByGradedCode.class)
class ComponentContractsTest {
    private static final Contracts CONTRACTS = Contracts.AXON;

    @ArchTest
    @ArchTag("stage03")
    static void a_component_does_not_know_who_it_is_wired_to(JavaClasses unused) {
        CONTRACTS.componentsDoNotKnowEachOther().check(GradedCode.classes());
    }

    @ArchTest
    @ArchTag("stage03")
    static void a_component_talks_to_others_only_through_its_boxes(JavaClasses unused) {
        CONTRACTS.componentsShareOnlyThroughBoxes().check(GradedCode.classes());
    }

    @ArchTest
    @ArchTag("stage03")
    static void every_box_says_what_travels_through_it(JavaClasses unused) {
        CONTRACTS.boxesAreDocumented().check(GradedCode.classes());
    }

    @ArchTest
    @ArchTag("stage03")
    static void a_cooperative_component_never_blocks(JavaClasses unused) {
        CONTRACTS.cooperativeComponentsDoNotBlock().check(GradedCode.classes());
    }

    @ArchTest
    @ArchTag("stage06")
    static void a_message_cannot_change_once_it_is_sent(JavaClasses unused) {
        CONTRACTS.messagesAreImmutable().check(GradedCode.classes());
    }

    @ArchTest
    @ArchTag("stage09")
    static void a_threaded_component_uses_only_the_threaded_api(JavaClasses unused) {
        CONTRACTS.threadedComponentsUseTheThreadedApi().check(GradedCode.classes());
    }

    @ArchTest
    @ArchTag("stage09")
    static void a_threaded_component_never_waits_inside_synchronized(JavaClasses unused) {
        CONTRACTS.threadedComponentsDoNotWaitHoldingALock().check(GradedCode.classes());
    }
}
