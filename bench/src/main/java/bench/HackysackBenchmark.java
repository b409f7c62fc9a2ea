package bench;

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
 * One game of hackysack per measured iteration: {@code members} members, one sack, and
 * {@link Model#kicks(int, double)} kicks, then {@code exit} for everyone. The score is the time
 * of a game; {@link Report} turns it into kicks per second. Members are made before the
 * iteration starts, so making them is not measured; handing out {@code exit} is.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g", "-Xmn512m"}) // as Report.forkArguments()
public class HackysackBenchmark {
    @Param({"1000", "10000", "100000"})
    public int members;

    @Param({"ROUND_ROBIN", "ROUND_ROBIN_SLEEPING", "EVENT_DRIVEN", "THREADED", "VIRTUAL_THREADS", "PEKKO",
            "PEKKO_ONE_THREAD", "HAND_LOOP"})
    public String model;

    /** Scales every model's number of kicks: a quick run plays shorter games. */
    @Param({"1"})
    public double kickScale;

    private Game game;
    private long seed = 2009;

    @Setup(Level.Trial)
    public void makeGame() {
        game = Model.valueOf(model).newGame();
    }

    @Setup(Level.Iteration)
    public void makeMembers() throws Exception {
        game.setUp(members, Model.valueOf(model).kicks(members, kickScale), seed++);
        System.gc(); // the members settle, in the order they were made; the game starts with no garbage
    }

    @Benchmark
    public long play() throws Exception {
        return game.play();
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        game.close();
    }
}
