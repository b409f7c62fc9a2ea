package contracts;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;

/**
 * A contract as ArchUnit's engine runs it from an {@code @ArchTest} field: whatever classes
 * the engine hands it, it checks the graded tree ({@link GradedCode#classes()}, imported
 * once per run), and fails with the contract's message for learners ({@link Contract#check}).
 *
 * @param contract the contract to check
 */
record GradedRule(Contract contract) implements ArchRule {

    @Override
    public void check(JavaClasses ignored) {
        contract.check(GradedCode.classes());
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
                contract.rule().because(reason)));
    }

    @Override
    public ArchRule allowEmptyShould(boolean allowEmptyShould) {
        return new GradedRule(new Contract(contract.title(), contract.why(), contract.section(),
                contract.rule().allowEmptyShould(allowEmptyShould)));
    }

    @Override
    public ArchRule as(String description) {
        return new GradedRule(new Contract(description, contract.why(), contract.section(),
                contract.rule().as(description)));
    }
}
