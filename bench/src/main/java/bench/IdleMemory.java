package bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Measures what an idle member costs: makes a game of {@code N} members (each idle,
 * waiting for the sack), and prints the heap it added, per member. Run it in a JVM of
 * its own: {@code java -cp hackysack.jar bench.IdleMemory EVENT_DRIVEN 100000}.
 * Prints one line: {@code model members bytesPerMember heapUsedBytes maxHeapBytes}.
 */
public final class IdleMemory {
    private IdleMemory() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: IdleMemory MODEL MEMBERS, for example IdleMemory EVENT_DRIVEN 100000");
            System.exit(2);
        }
        Model model = Model.valueOf(args[0]);
        int members = Integer.parseInt(args[1]);
        try (Game game = model.newGame()) {
            game.setUp(2, 1, 1); // loads the classes, starts what a model starts once
            long before = usedAfterGc();
            game.setUp(members, 1, 1);
            long after = usedAfterGc();
            long max = Runtime.getRuntime().maxMemory();
            System.out.println(model + " " + members + " " + Math.round((after - before) / (double) members) + " "
                    + after + " " + max);
            java.lang.ref.Reference.reachabilityFence(game);
        }
        System.exit(0); // the members are idle threads or actors in some models: do not wait for them
    }

    private static long usedAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(50);
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
