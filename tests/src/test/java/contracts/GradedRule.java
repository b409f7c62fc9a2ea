package contracts;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import grading.support.Staged;

/**
 * A contract as ArchUnit's engine runs it from an {@code @ArchTest} field: whatever classes
 * the engine hands it, it checks the graded tree ({@link GradedCode#classes()}, imported
 * once per run), and fails with the contract's message for learners; a place in code written
 * at a later stage than the rule's is reported at that stage ({@link Contract#check(JavaClasses, int)}).
 * Its stage is the only place a rule's stage is written: the grader reads it from the rule
 * field ({@link Staged}) to choose the rules of a run and to file their results.
 *
 * @param contract the contract to check
 * @param stage the stage from which the rule applies
 */
public record GradedRule(Contract contract, int stage) implements ArchRule, Staged {

    @Override
    public void check(JavaClasses ignored) {
        contract.check(GradedCode.classes(), stage);
    }

    @Override
    public EvaluationResult evaluate(JavaClasses ignored) {
        return contract.rule().evaluate(GradedCode.classes());
    }

    @Override
    public String getDescription() {
        return contract.rule().getDescription();
    }

    @Override
    public ArchRule because(String reason) {
        return new GradedRule(new Contract(contract.title(), reason, contract.section(),
                contract.rule().because(reason)), stage);
    }

    @Override
    public ArchRule allowEmptyShould(boolean allowEmptyShould) {
        return new GradedRule(new Contract(contract.title(), contract.why(), contract.section(),
                contract.rule().allowEmptyShould(allowEmptyShould)), stage);
    }

    @Override
    public ArchRule as(String description) {
        return new GradedRule(new Contract(description, contract.why(), contract.section(),
                contract.rule().as(description)), stage);
    }
}
