package bench;

import axon.Scheduler;
import java.util.function.Supplier;

/**
 * The models compared, with how many kicks one game of each makes for a number of
 * members. The number of kicks is chosen so that a game takes a fraction of a second on
 * a laptop, and is at least a few times the number of members where a kick costs about
 * what an exit costs, so that handing out {@code exit} at the end stays a small part.
 * The models with threads play longer games than their speed alone asks for: how their
 * threads hand the sack over (parking, waking, a pool's own choices) varies from game to
 * game, and a game of a few tens of milliseconds let that variance through (virtual threads at
 * 1,000 members: a spread of 37 % of the mean between games of 100,000 kicks, 14 % with
 * 400,000, on the two-core machine at a load average of 3).
 */
enum Model {
    /** Stage 2's scheduler: every member is stepped every cycle and looks at its inbox. */
    ROUND_ROBIN("round-robin (stage 2)", () -> new AxonGame(Scheduler.Policy.ROUND_ROBIN, true)) {
        @Override
        long kicks(int members) {
            return Math.max(50, 20_000_000L / members);
        }
    },
    /** Stage 6's scheduler: members pause when idle and a delivery wakes them. */
    ROUND_ROBIN_SLEEPING("round-robin + sleeping (stage 6)",
            () -> new AxonGame(Scheduler.Policy.ROUND_ROBIN, false)) {
        @Override
        long kicks(int members) {
            return sameGameAsTheLoop(members);
        }
    },
    /** Stage 10's scheduler: a ready queue, nothing kept for sleepers. */
    EVENT_DRIVEN("event-driven (stage 10)", () -> new AxonGame(Scheduler.Policy.EVENT_DRIVEN, false)) {
        @Override
        long kicks(int members) {
            return sameGameAsTheLoop(members);
        }
    },
    /** Stage 9's threaded components, one virtual thread each, on the event-driven scheduler. */
    THREADED("threaded components (stage 9)", ThreadedGame::new) {
        @Override
        long kicks(int members) {
            return Math.max(20_000, members);
        }
    },
    /** JDK virtual threads, a LinkedTransferQueue each. */
    VIRTUAL_THREADS("virtual threads + LinkedTransferQueue", VirtualThreadGame::new) {
        @Override
        long kicks(int members) {
            return Math.max(400_000, 3L * members);
        }
    },
    /** Apache Pekko typed actors on Pekko's default dispatcher (a fork-join pool, as many threads as cores). */
    PEKKO("Pekko typed (default dispatcher)", () -> new PekkoGame(false)) {
        @Override
        long kicks(int members) {
            return Math.max(800_000, 3L * members);
        }
    },
    /** Apache Pekko typed actors on a dispatcher of one thread: Pekko at its best in this game. */
    PEKKO_ONE_THREAD("Pekko typed (one-thread dispatcher)", () -> new PekkoGame(true)) {
        @Override
        long kicks(int members) {
            return Math.max(2_000_000, 5L * members);
        }
    },
    /** No framework: array deques and a ready queue of indices. */
    HAND_LOOP("hand-written loop", HandLoopGame::new) {
        @Override
        long kicks(int members) {
            return sameGameAsTheLoop(members);
        }
    };

    private final String label;
    private final Supplier<Game> games;

    Model(String label, Supplier<Game> games) {
        this.label = label;
        this.games = games;
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
