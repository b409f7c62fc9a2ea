package contracts;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTag;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The component contracts, graded like the stages: each rule states once, in its
 * {@link GradedRule}, the stage from which it applies, so {@code ./mvnw test -Dstage=N}
 * checks the contracts a learner has reached, on whichever tree is graded. The grader reads
 * that stage from the rule field itself ({@code grading.support.StageFilter} chooses the
 * run's rules by it, {@code grading.support.ResultsRecorder} files their results under it).
 * A place that breaks a rule in code written at a later stage (a region of stage 13 in
 * {@code axon.stm.Store}, say) is reported at that stage, not at the rule's (see
 * {@link Contract#check(JavaClasses, int)}).
 *
 * <p>ArchUnit's engine runs these rules, but each checks the classes of
 * {@link GradedCode#classes()}, imported once per run, not the engine's own import, which is
 * empty ({@link GradedRule}). The class's tags mark its rules as graded (what the watch loop
 * counts) and as contracts (what the board counts apart from tests). What the board says to
 * try when a rule fails is in {@code ComponentContractsTest.hints} beside this class.
 */
@ArchTag("graded")
@ArchTag("contracts")
@AnalyzeClasses(locations = GradedCode.ImportedByGradedCode.class)
public class ComponentContractsTest {
    private static final Contracts CONTRACTS = Contracts.AXON;

    @ArchTest
    static final ArchRule a_component_does_not_know_who_it_is_wired_to =
            new GradedRule(CONTRACTS.componentsDoNotKnowEachOther(), 3);

    @ArchTest
    static final ArchRule a_component_talks_to_others_only_through_its_boxes =
            new GradedRule(CONTRACTS.componentsShareOnlyThroughBoxes(), 3);

    @ArchTest
    static final ArchRule every_box_says_what_travels_through_it =
            new GradedRule(CONTRACTS.boxesAreDocumented(), 3);

    @ArchTest
    static final ArchRule a_cooperative_component_never_blocks =
            new GradedRule(CONTRACTS.cooperativeComponentsDoNotBlock(), 3);

    @ArchTest
    static final ArchRule a_message_cannot_change_once_it_is_sent =
            new GradedRule(CONTRACTS.messagesAreImmutable(), 6);

    @ArchTest
    static final ArchRule a_threaded_component_uses_only_the_threaded_api =
            new GradedRule(CONTRACTS.threadedComponentsUseTheThreadedApi(), 9);

    @ArchTest
    static final ArchRule a_threaded_component_never_waits_inside_synchronized =
            new GradedRule(CONTRACTS.threadedComponentsDoNotWaitHoldingALock(), 9);
}
