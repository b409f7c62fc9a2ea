package bench;

import axon.Scheduler;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One game of {@link WakeUps} per measured iteration: {@code members} members woken
 * {@link #rounds} times each, on the kit's three schedulers. The score is the time of a
 * game; {@link Report} turns it into wake-ups per second. As in
 * {@link HackysackBenchmark}, making the members is not measured.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g", "-Xmn512m"}) // as Report.forkArguments()
public class WakeUpBenchmark {
    /** About this many wake-ups a game, whatever the number of members. */
    static final long WAKE_UPS = 2_000_000;

    @Param({"1000", "10000", "100000"})
    public int members;

    /** One of the models of the kit's own schedulers (see {@link #models()}). */
    @Param({"ROUND_ROBIN", "ROUND_ROBIN_SLEEPING", "EVENT_DRIVEN"})
    public String model;

    /** Scales the number of rounds: a quick run plays shorter games. */
    @Param({"1"})
    public double kickScale;

    private WakeUps game;

    /** The models this workload runs: the kit's schedulers, polling or sleeping. */
    static Model[] models() {
        return new Model[] {Model.ROUND_ROBIN, Model.ROUND_ROBIN_SLEEPING, Model.EVENT_DRIVEN};
    }

    /** How many rounds a game of this many members plays: enough for about {@link #WAKE_UPS} wake-ups. */
    static int rounds(int members, double scale) {
        return (int) Math.max(2, Math.round(WAKE_UPS * scale / members));
    }

    /** A game of {@code model}, which must be one of {@link #models()}. */
    static WakeUps newGame(Model model) {
        return switch (model) {
            case ROUND_ROBIN -> new WakeUps(Scheduler.Policy.ROUND_ROBIN, true);
            case ROUND_ROBIN_SLEEPING -> new WakeUps(Scheduler.Policy.ROUND_ROBIN, false);
            case EVENT_DRIVEN -> new WakeUps(Scheduler.Policy.EVENT_DRIVEN, false);
            default -> throw new IllegalArgumentException(model + " is not one of the kit's schedulers");
        };
    }

    @Setup(Level.Trial)
    public void makeGame() {
        game = newGame(Model.valueOf(model));
    }

    @Setup(Level.Iteration)
    public void makeMembers() {
        game.setUp(members, rounds(members, kickScale));
        System.gc(); // the members settle, in the order they were made; the game starts with no garbage
    }

    @Benchmark
    public long play() {
        return game.play();
    }

    @TearDown(Level.Trial)
    public void close() {
        game.close();
    }
}
