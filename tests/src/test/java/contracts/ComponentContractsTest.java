package contracts;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTag;
import com.tngtech.archunit.junit.ArchTest;
import grading.support.Hint;

/**
 * The component contracts, graded like the stages: each rule is tagged with the stage
 * from which it applies, so {@code ./mvnw test -Dstage=N} checks the contracts a learner
 * has reached, on whichever tree is graded. A place that breaks a rule in code written at a
 * later stage (a region of stage 13 in {@code axon.stm.Store}, say) is reported at that
 * stage, not at the rule's: the number passed to {@code check} is the rule's stage, the
 * same as its tag (see {@link Contract#check(JavaClasses, int)}).
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
    @Hint("Keep no other component in a field and call none of its methods: send messages out of your outboxes"
            + " and let the parent link them (handbook, chapter \"Component contracts\").")
    static void a_component_does_not_know_who_it_is_wired_to(JavaClasses unused) {
        CONTRACTS.componentsDoNotKnowEachOther().check(GradedCode.classes(), 3);
    }

    @ArchTest
    @ArchTag("stage03")
    @Hint("Make fields private, and static fields constants of immutable types; share values by sending them"
            + " (handbook, chapter \"Component contracts\").")
    static void a_component_talks_to_others_only_through_its_boxes(JavaClasses unused) {
        CONTRACTS.componentsShareOnlyThroughBoxes().check(GradedCode.classes(), 3);
    }

    @ArchTest
    @ArchTag("stage03")
    @Hint("Give every @Inbox and @Outbox a doc sentence saying what travels through it (handbook, chapter"
            + " \"Component contracts\").")
    static void every_box_says_what_travels_through_it(JavaClasses unused) {
        CONTRACTS.boxesAreDocumented().check(GradedCode.classes(), 3);
    }

    @ArchTest
    @ArchTag("stage03")
    @Hint("Do not sleep, wait, lock or read files in a cooperative component: do a little each step and return;"
            + " what must wait becomes a ThreadedComponent (handbook, chapter \"Component contracts\").")
    static void a_cooperative_component_never_blocks(JavaClasses unused) {
        CONTRACTS.cooperativeComponentsDoNotBlock().check(GradedCode.classes(), 3);
    }

    @ArchTest
    @ArchTag("stage06")
    @Hint("Make messages records of immutable values; copy lists with List.copyOf (handbook, chapter"
            + " \"Component contracts\").")
    static void a_message_cannot_change_once_it_is_sent(JavaClasses unused) {
        CONTRACTS.messagesAreImmutable().check(GradedCode.classes(), 6);
    }

    @ArchTest
    @ArchTag("stage09")
    @Hint("From a threaded component's thread use only send, recv, dataReady and anyReady: never the scheduler or"
            + " boxes directly (handbook, chapter \"Component contracts\").")
    static void a_threaded_component_uses_only_the_threaded_api(JavaClasses unused) {
        CONTRACTS.threadedComponentsUseTheThreadedApi().check(GradedCode.classes(), 9);
    }

    @ArchTest
    @ArchTag("stage09")
    @Hint("Do not wait (wait(), sleep, a blocking queue, recv) inside synchronized in a threaded component: use a"
            + " ReentrantLock and its Condition (handbook, chapter \"Component contracts\").")
    static void a_threaded_component_never_waits_inside_synchronized(JavaClasses unused) {
        CONTRACTS.threadedComponentsDoNotWaitHoldingALock().check(GradedCode.classes(), 9);
    }
}
