package contracts;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;

/**
 * One of Axon's component contracts: a sentence, the reason behind it, the handbook
 * section that explains it, and the ArchUnit rule that checks it.
 *
 * <p>{@link #check(JavaClasses)} fails with a message written for a learner: each place
 * that breaks the contract (class, member, file and line, and what to do instead) first,
 * since the progress board shows only the start of a message, then the reason.
 *
 * @param title   the contract as a sentence, such as "a component does not know who it is wired to"
 * @param why     why Axon wants it, as a sentence
 * @param section the section of the handbook's contracts chapter that explains it
 * @param rule    the rule, described as {@code title, because why}
 */
record Contract(String title, String why, String section, ArchRule rule) {
    /** Where the handbook explains the contracts. */
    static final String CHAPTER = "src-docs/src/docs/asciidoc/contracts.adoc";

    /** What breaks the contract in these classes, one sentence per place, sorted; empty when nothing does. */
    List<String> violations(JavaClasses classes) {
        EvaluationResult result = rule.evaluate(classes);
        return result.getFailureReport().getDetails().stream().sorted().toList();
    }

    /** Passes when the classes keep the contract; else fails with what to change. */
    void check(JavaClasses classes) {
        List<String> violations = violations(classes);
        if (violations.isEmpty()) {
            return;
        }
        StringBuilder message = new StringBuilder();
        message.append(violations.size() == 1 ? "1 place breaks" : violations.size() + " places break")
                .append(" the contract \"").append(title).append("\":\n");
        for (String violation : violations) {
            message.append("- ").append(violation).append('\n');
        }
        message.append("Why: ").append(why).append('\n');
        message.append("Read: ").append(CHAPTER).append(", section \"").append(section).append('"');
        throw new AssertionError(message.toString());
    }
}
