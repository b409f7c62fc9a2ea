package contracts;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import grading.support.LaterStageFailure;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
public record Contract(String title, String why, String section, ArchRule rule) {
    /** Where the handbook explains the contracts. */
    public static final String CHAPTER = "src-docs/src/docs/asciidoc/contracts.adoc";

    /** The first place a sentence names, such as {@code (Doubler.java:12)}. */
    private static final WrittenAt WRITTEN_AT = WrittenAt.ofKit();

    private static final Pattern PLACE = Pattern.compile("\\((\\w+\\.java)(?::(\\d+))?\\)");

    /**
     * What breaks the contract in these classes, one sentence per place, in the order of
     * the places (file, then line); empty when nothing does.
     */
    public List<String> violations(JavaClasses classes) {
        EvaluationResult result = rule.evaluate(classes);
        return result.getFailureReport().getDetails().stream()
                .sorted(Comparator.comparing(Contract::file).thenComparingInt(Contract::line)
                        .thenComparing(Comparator.naturalOrder()))
                .toList();
    }

    private static String file(String violation) {
        Matcher place = PLACE.matcher(violation);
        return place.find() ? place.group(1) : "";
    }

    private static int line(String violation) {
        Matcher place = PLACE.matcher(violation);
        return place.find() && place.group(2) != null ? Integer.parseInt(place.group(2)) : 0;
    }

    /** Passes when the classes keep the contract; else fails with what to change. */
    public void check(JavaClasses classes) {
        List<String> violations = violations(classes);
        if (!violations.isEmpty()) {
            throw new AssertionError(describe(violations));
        }
    }

    /**
     * As {@link #check(JavaClasses)}, for a rule that applies from {@code stage}, with each
     * place judged at the stage its code is written ({@link WrittenAt}): places of this stage
     * or earlier fail here; when every place is written at a later stage, the failure is a
     * {@link LaterStageFailure} of the first of them, which the board shows at that stage.
     */
    void check(JavaClasses classes, int stage) {
        check(classes, stage, WRITTEN_AT);
    }

    /** As {@link #check(JavaClasses, int)}, with the stages of files taken from {@code writtenAt}. */
    public void check(JavaClasses classes, int stage, WrittenAt writtenAt) {
        List<String> violations = violations(classes);
        if (violations.isEmpty()) {
            return;
        }
        List<String> now = violations.stream().filter(v -> writtenAt.stageOf(v) <= stage).toList();
        if (!now.isEmpty()) {
            throw new AssertionError(describe(now));
        }
        int later = violations.stream().mapToInt(writtenAt::stageOf).min().orElseThrow();
        throw new LaterStageFailure(later,
                describe(violations.stream().filter(v -> writtenAt.stageOf(v) == later).toList()));
    }

    private String describe(List<String> violations) {
        StringBuilder message = new StringBuilder();
        message.append(violations.size() == 1 ? "1 place breaks" : violations.size() + " places break")
                .append(" the contract \"").append(title).append("\":\n");
        for (String violation : violations) {
            message.append("- ").append(violation).append('\n');
        }
        message.append("Why: ").append(why).append('\n');
        message.append("Read: ").append(CHAPTER).append(", section \"").append(section).append('"');
        return message.toString();
    }
}
