package bench;

import axon.Scheduler;
import java.util.function.Supplier;

/**
 * The models compared, with how many kicks one game of each makes for a number of
 * members, and how a full run measures each ({@link Plan}). The number of kicks is chosen
 * so that a game takes a fraction of a second to a few seconds, and is at least a few
 * times the number of members where a kick costs about what an exit costs, so that
 * handing out {@code exit} at the end stays a small part.
 * The models with threads play longer games than their speed alone asks for: how their
 * threads hand the sack over (parking, waking, which carrier or pool thread runs the next
 * holder) varies from one stretch of a game to the next, and a short game lets that
 * through (virtual threads at 1,000 members: a spread of 37 % of the mean between games of
 * 100,000 kicks, 14 % with 400,000, on the two-core machine at a load average of 3; at the
 * same load, games of 1,600,000 spread a third as much as games of 400,000).
 */
enum Model {
    /** Stage 2's scheduler: every member is stepped every cycle and looks at its inbox. */
    ROUND_ROBIN("round-robin (stage 2)", Plan.ONE_THREAD, () -> new AxonGame(Scheduler.Policy.ROUND_ROBIN, true)) {
        @Override
        long kicks(int members) {
            return Math.max(50, 20_000_000L / members);
        }
    },
    /** Stage 6's scheduler: members pause when idle and a delivery wakes them. */
    ROUND_ROBIN_SLEEPING("round-robin + sleeping (stage 6)", Plan.ONE_THREAD,
            () -> new AxonGame(Scheduler.Policy.ROUND_ROBIN, false)) {
        @Override
        long kicks(int members) {
            return sameGameAsTheLoop(members);
        }
    },
    /** Stage 10's scheduler: a ready queue, nothing kept for sleepers. */
    EVENT_DRIVEN("event-driven (stage 10)", Plan.ONE_THREAD,
            () -> new AxonGame(Scheduler.Policy.EVENT_DRIVEN, false)) {
        @Override
        long kicks(int members) {
            return sameGameAsTheLoop(members);
        }
    },
    /** Stage 9's threaded components, one virtual thread each, on the event-driven scheduler. */
    THREADED("threaded components (stage 9)", Plan.THREADS, ThreadedGame::new) {
        @Override
        long kicks(int members) {
            return Math.max(20_000, members);
        }
    },
    /** JDK virtual threads, a LinkedTransferQueue each. */
    VIRTUAL_THREADS("virtual threads + LinkedTransferQueue", Plan.THREADS_MORE_JVMS, VirtualThreadGame::new) {
        @Override
        long kicks(int members) {
            return Math.max(1_600_000, 12L * members);
        }
    },
    /** Apache Pekko typed actors on Pekko's default dispatcher (a fork-join pool, as many threads as cores). */
    PEKKO("Pekko typed (default dispatcher)", Plan.THREADS_MORE_JVMS, () -> new PekkoGame(false)) {
        @Override
        long kicks(int members) {
            return Math.max(1_600_000, 6L * members);
        }
    },
    /** Apache Pekko typed actors on a dispatcher of one thread: Pekko at its best in this game. */
    PEKKO_ONE_THREAD("Pekko typed (one-thread dispatcher)", Plan.THREADS, () -> new PekkoGame(true)) {
        @Override
        long kicks(int members) {
            return Math.max(2_000_000, 5L * members);
        }
    },
    /** No framework: array deques and a ready queue of indices. */
    HAND_LOOP("hand-written loop", Plan.ONE_THREAD, HandLoopGame::new) {
        @Override
        long kicks(int members) {
            return sameGameAsTheLoop(members);
        }
    };

    private final String label;
    private final Plan plan;
    private final Supplier<Game> games;

    Model(String label, Plan plan, Supplier<Game> games) {
        this.label = label;
        this.plan = plan;
        this.games = games;
    }

    /**
     * How a full run measures a model: in {@code jvms} JVMs of its own, {@code warmUps}
     * games to warm up in each, then {@code games} games measured in each. JMH's error is
     * the half-width of a 99.9 % confidence interval over all the measured games, so it
     * shrinks with their spread and with their number; several JVMs put the JIT's choices,
     * which differ from one JVM to the next, into the error instead of into the point.
     *
     * <ul>
     * <li>{@link #ONE_THREAD}: models on one thread play games of a few tens to hundreds
     * of milliseconds, which cost little, and a short game is still being compiled after
     * four: many of them, after six to warm up.</li>
     * <li>{@link #THREADS}: models with threads play games of a second or more, whose
     * spread is the hand-overs between threads rather than compilation: fewer, longer.</li>
     * <li>{@link #THREADS_MORE_JVMS}: models whose threads are placed by a pool of as many
     * threads as cores (virtual threads, Pekko's default dispatcher), which vary most
     * from one JVM to the next: one JVM more.</li>
     * </ul>
     */
    record Plan(int jvms, int warmUps, int games) {
        static final Plan ONE_THREAD = new Plan(3, 6, 12);
        static final Plan THREADS = new Plan(3, 3, 10);
        static final Plan THREADS_MORE_JVMS = new Plan(4, 2, 7);
    }

    /** How a full run measures this model. */
    Plan plan() {
        return plan;
    }

    /** A name short enough for the table. */
    String shortLabel() {
        return switch (this) {
            case ROUND_ROBIN -> "round-robin (stage 2)";
            case ROUND_ROBIN_SLEEPING -> "round-robin+sleep (stage 6)";
            case EVENT_DRIVEN -> "event-driven (stage 10)";
            case THREADED -> "threaded (stage 9)";
            case VIRTUAL_THREADS -> "virtual threads";
            case PEKKO -> "Pekko (default dispatcher)";
            case PEKKO_ONE_THREAD -> "Pekko (one thread)";
            case HAND_LOOP -> "hand-written loop";
        };
    }

    /** How many kicks one game makes with this many members. */
    abstract long kicks(int members);

    /**
     * The game of the hand-written loop, which the kit's sleeping schedulers (stages 6 and
     * 10) play too, so that their ratios to it compare like with like: ten kicks a member
     * or more, so that handing out {@code exit} at the end (a wake-up, a step and an end
     * for every member) stays a tenth of the messages or less at every N.
     */
    static long sameGameAsTheLoop(int members) {
        return Math.max(2_000_000, 10L * members);
    }

    /** How many kicks one game makes with this many members, scaled (a quick run plays shorter games). */
    long kicks(int members, double scale) {
        return Math.max(10, Math.round(kicks(members) * scale));
    }

    /** The name on the chart and in the table. */
    String label() {
        return label;
    }

    /** A new, empty game of this model. */
    Game newGame() {
        return games.get();
    }

    /** Whether members are components of the kit (so bytes per idle component applies to the kit). */
    boolean hasComponents() {
        return this != HAND_LOOP;
    }
}
