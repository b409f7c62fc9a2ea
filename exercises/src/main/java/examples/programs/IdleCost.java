package examples.programs;

import axon.Ipc;
import axon.Outbox;
import axon.Scheduler;
import axon.ThreadedComponent;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.LongSupplier;
import kamaelia.chassis.Pipeline;
import kamaelia.file.Follow;
import kamaelia.util.ConsolePrinter;
import kamaelia.util.Grep;

/**
 * Measures what an idle system costs: {@code tail -F | grep} on a file that does not
 * grow, for a number of seconds (5 unless given). It prints how many cycles the
 * scheduler ran and how much processor time its thread, and the whole JVM, used.
 *
 * <pre>
 * ./mvnw -q -pl solutions compile exec:java -Dexec.mainClass=examples.programs.IdleCost -Dexec.args=10
 * </pre>
 */
public final class IdleCost {
    private IdleCost() {
    }

    /** Waits a second for things to settle, measures for the given time, then stops the pipeline. */
    @Outbox(name = "outbox", doc = "ShutdownMicroprocess when the measurement is done")
    static final class Stopwatch extends ThreadedComponent {
        private final Duration measure;
        /** The scheduler's cycle count, read from this thread (a number, not the scheduler itself). */
        private final LongSupplier cycles;
        private final Thread schedulerThread;

        Stopwatch(Duration measure, LongSupplier cycles, Thread schedulerThread) {
            this.measure = measure;
            this.cycles = cycles;
            this.schedulerThread = schedulerThread;
        }

        @Override
        protected void body() throws InterruptedException {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            Thread.sleep(Duration.ofSeconds(1));
            long cyclesBefore = cycles.getAsLong();
            long schedulerCpu = threads.getThreadCpuTime(schedulerThread.threadId());
            Duration processCpu = processCpu();
            Thread.sleep(measure);
            long cyclesRun = cycles.getAsLong() - cyclesBefore;
            schedulerCpu = threads.getThreadCpuTime(schedulerThread.threadId()) - schedulerCpu;
            Duration jvm = processCpu().minus(processCpu);
            System.out.printf("Idle for %d s: the scheduler ran %d cycles and its thread used %.1f ms of processor"
                    + " time;%nthe whole JVM (Follow looking at the file 10 times a second, JIT, GC) used %d ms,"
                    + " %.2f%% of one core.%n", measure.toSeconds(), cyclesRun, schedulerCpu / 1e6, jvm.toMillis(),
                    100.0 * jvm.toNanos() / measure.toNanos());
            send(new Ipc.ShutdownMicroprocess(), "outbox");
            passShutdownOn();
        }

        private static Duration processCpu() {
            return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
        }
    }

    public static void main(String[] args) throws Exception {
        Duration measure = Duration.ofSeconds(args.length > 0 ? Integer.parseInt(args[0]) : 5);
        Path file = Files.createTempFile("idle", ".log");
        try {
            Scheduler scheduler = new Scheduler();
            Pipeline tailGrep = new Pipeline(new Follow(file), new Grep("ERROR"), new ConsolePrinter());
            Stopwatch stopwatch = new Stopwatch(measure, scheduler::cycles, Thread.currentThread());
            axon.Linkage.link(stopwatch.outbox("outbox"), tailGrep.inbox("control"));
            tailGrep.activate(scheduler);
            stopwatch.activate(scheduler);
            scheduler.run();
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
