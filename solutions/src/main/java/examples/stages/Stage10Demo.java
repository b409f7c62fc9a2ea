package examples.stages;

import axon.Scheduler.Policy;
import axon.Scheduler;
import examples.components.Hackysack;
import java.util.Locale;

/**
 * Stage 10 at work: the same game of hackysack, 1,000 kicks, with more and more members,
 * on three schedulers. It counts steps, not seconds, so it prints the same on any
 * machine: what each kick costs, in calls of a member's {@code step()}.
 *
 * <pre>
 * ./mvnw -q -pl exercises compile exec:java -Dexec.mainClass=examples.stages.Stage10Demo
 * </pre>
 */
public final class Stage10Demo {
    private static final int KICKS = 1_000;

    private Stage10Demo() {
    }

    /** Prints the table that the handbook shows as stage 10's expected output. */
    public static void main(String[] args) {
        // tag::demo[]
        System.out.printf(Locale.ROOT, "Steps per kick in a game of %,d kicks (after every member's first step):%n", KICKS);
        System.out.printf(Locale.ROOT, "%9s %14s %14s %14s%n", "", "round-robin", "round-robin", "event-driven");
        System.out.printf(Locale.ROOT, "%9s %14s %14s %14s%n", "members", "members poll", "members sleep",
                "members sleep");
        for (int members : new int[] {10, 100, 1_000, 10_000}) {
            System.out.printf(Locale.ROOT, "%,9d %,14.1f %,14.1f %,14.1f%n", members,
                    stepsPerKick(Policy.ROUND_ROBIN, true, members),
                    stepsPerKick(Policy.ROUND_ROBIN, false, members),
                    stepsPerKick(Policy.EVENT_DRIVEN, false, members));
        }
        // end::demo[]
    }

    // tag::measure[]
    /** Plays one game and returns the members' steps per kick, leaving out their first and last steps. */
    static double stepsPerKick(Policy policy, boolean polls, int members) {
        Scheduler scheduler = new Scheduler(policy);
        Hackysack game = new Hackysack(scheduler, members, KICKS, polls, 2009);
        scheduler.runCycles(1); // every member looks at its empty inbox once
        long before = game.steps();
        game.start();
        scheduler.run();
        long leaving = members - 1; // everyone steps once to leave, but the last kicker
        return (game.steps() - before - leaving) / (double) KICKS;
    }
    // end::measure[]
}
