package grading.support;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One stage's line on the board: how many of its tests pass, as a bar and in words.
 *
 * @param stage the stage
 * @param results its tests' results, in the order they ran
 */
record Progress(Stage stage, List<Result> results) {
    static final int BAR = 20;

    long count(Status status) {
        return results.stream().filter(r -> r.status() == status).count();
    }

    boolean done() {
        return !results.isEmpty() && count(Status.PASSED) == results.size();
    }

    /** No test got past a TODO. Contract rules pass on code nobody has written yet, so they do not count. */
    boolean notStartedYet() {
        boolean testPassed = results.stream().anyMatch(r -> r.status() == Status.PASSED && !r.contract());
        return !testPassed && count(Status.FAILED) == 0 && count(Status.NOT_STARTED) > 0;
    }

    /** The bar and the words after it. */
    String describe() {
        int filled = results.isEmpty() || notStartedYet() ? 0 : (int) (BAR * count(Status.PASSED) / results.size());
        String bar = "[" + "#".repeat(filled) + ".".repeat(BAR - filled) + "] ";
        long notRun = count(Status.NOT_RUN);
        List<Result> tests = results.stream().filter(r -> !r.contract()).toList();
        List<Result> rules = results.stream().filter(Result::contract).toList();
        long testsPassed = tests.stream().filter(r -> r.status() == Status.PASSED).count();
        long rulesBroken = rules.stream().filter(r -> r.status() == Status.FAILED).count();
        if (results.isEmpty()) {
            return bar + "no tests in this run";
        }
        if (done()) {
            return bar + "done (" + plural(tests.size(), "test") + (rules.isEmpty() ? "" : " and "
                    + plural(rules.size(), "contract rule")) + ")";
        }
        if (notStartedYet()) {
            return bar + "not started";
        }
        if (notRun == results.size()) {
            return bar + "not run: an earlier test never finished";
        }
        return bar + testsPassed + " of " + plural(tests.size(), "test") + " pass"
                + (rulesBroken > 0 ? ", " + rulesBroken + " of " + plural(rules.size(), "contract rule") + " broken"
                        : "")
                + (notRun > 0 ? " (" + notRun + " not run: " + whyNotRun() + ")" : "");
    }

    /** What a test left out waited for, in its reason: "waited in vain for the server, and this one". */
    private static final Pattern WAITED_FOR = Pattern.compile("waited in vain for (.+?), and this one");

    /**
     * Why its tests did not run: a time-out stopped the grading, or a thread that loops in the
     * learner's code, or a test of the stage waited in vain for a server or a store, or they
     * wait long and an earlier stage fails.
     */
    private String whyNotRun() {
        boolean timedOut = results.stream().anyMatch(r -> r.status() == Status.NOT_RUN
                && r.message().contains("never finished"));
        boolean looping = results.stream().anyMatch(r -> r.status() == Status.NOT_RUN
                && r.message().contains("loops in your code"));
        Optional<String> waitedFor = results.stream().filter(r -> r.status() == Status.NOT_RUN)
                .map(r -> WAITED_FOR.matcher(r.message())).filter(Matcher::find).map(m -> m.group(1)).findFirst();
        return timedOut ? "grading stopped after a time-out" : looping ? "grading stopped: a thread loops in your code"
                : waitedFor.map(what -> "a test waited in vain for " + what + ", and they would too")
                .orElse("they wait long, and an earlier stage fails");
    }

    private static String plural(long count, String what) {
        return count + " " + what + (count == 1 ? "" : "s");
    }

    /**
     * The tests to work on, in the order the board lists them: tests before contract rules,
     * then in the order they ran (each class runs its narrowest tests first).
     */
    List<Result> open() {
        var tests = results.stream().filter(Result::isOpenTest);
        var rules = results.stream().filter(r -> r.status().isOpen() && r.contract());
        return java.util.stream.Stream.concat(tests, rules).toList();
    }
}
