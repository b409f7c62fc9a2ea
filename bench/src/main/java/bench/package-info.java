/**
 * The hackysack benchmark: the kit's schedulers timed beside their peers, whose figures
 * stage 10's chapter, its chart and the tutorial's benchmark slide show.
 *
 * <p>Read in this order. The game: {@link bench.Game} (members, one sack, kicks to a member
 * chosen at random, then {@code exit} for everyone) and its models, one class each: {@link
 * bench.AxonGame} (the kit's reference Axon on each scheduler policy), {@link
 * bench.ThreadedGame} (threaded components), {@link bench.VirtualThreadGame}, {@link
 * bench.PekkoGame} and {@link bench.HandLoopGame} (no framework at all: the limit). {@link
 * bench.Model} names them and says how long a game of each is and how a full run measures
 * it. The second workload, {@link bench.WakeUps}, wakes many members that have almost
 * nothing to do. The JMH benchmarks that time one game per iteration: {@link
 * bench.HackysackBenchmark} and {@link bench.WakeUpBenchmark}. {@link bench.IdleMemory}
 * measures what an idle member costs, in a JVM of its own. {@link bench.Report} runs it all
 * ({@code quick} or {@code full}) and writes the table, the CSV and the chart, and with
 * {@code --publish} the figures into the handbook.
 *
 * <p>The test beside them is no measurement: each model plays small games, twice in a row,
 * with exactly the kicks asked for, and every member stops.
 */
package bench;
