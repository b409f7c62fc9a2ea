package grading;

import static grading.Waits.PATIENCE;
import static grading.Wiring.children;
import static grading.Wiring.links;
import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import axon.Scheduler;
import grading.support.Graded;
import grading.support.GradedTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import kamaelia.chassis.Graphline;
import kamaelia.experimental.Interpreter;
import kamaelia.experimental.Session;
import org.junit.jupiter.api.Timeout;

/** How an interpreter ends: on a system of its own, since it ends the system it is in. */
@Graded(stage = 12, order = 3, title = "an interpreter that ends leaves nothing behind")
class Stage12InterpreterEndsTest {
    @GradedTest(order = 1, value = "the interpreter ends at /exit, passes the shutdown on, and leaves no thread"
            + " behind")
    @Timeout(value = 60, unit = TimeUnit.SECONDS) // it starts a JShell of its own
    void endsAndLeavesNoThread() throws Throwable {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        Scheduler scheduler = new Scheduler();
        Terminal terminal = new Terminal();
        Interpreter interpreter = new Interpreter();
        new Graphline(children(entry("terminal", terminal), entry("interpreter", interpreter)),
                links("terminal.outbox -> interpreter.inbox", "interpreter.outbox -> terminal.inbox",
                        "interpreter.signal -> terminal.control")).activate(scheduler);
        InBackground running = InBackground.run(scheduler);
        try {
            terminal.type("1 + 1");
            assertEquals("2", terminal.answer(running, PATIENCE), "what the interpreter answered to: 1 + 1");
            terminal.type("/exit");
            assertTrue(running.awaitEnd(Duration.ofSeconds(10)), "after /exit the interpreter ends, and passes"
                    + " the shutdown on to the terminal, which ends too");
        } finally {
            running.stop();
        }
        assertTrue(interpreter.isFinished(), "after /exit the interpreter must have finished");
        assertThrows(IllegalStateException.class, () -> Session.of(interpreter.name()),
                "once the interpreter has ended, its session is gone");
        // Threads that would outlive it: any that keeps the JVM alive, and any still running a snippet. (The
        // JVM's carrier threads for virtual threads and JShell's one shared indexing thread are daemons that
        // belong to the JVM, not to an interpreter.)
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        List<Thread> left = new ArrayList<>();
        do {
            left.clear();
            for (Thread thread : Thread.getAllStackTraces().keySet()) {
                ThreadGroup group = thread.getThreadGroup();
                boolean snippet = group != null && group.getName().startsWith("JShell");
                if (!before.contains(thread) && thread.isAlive() && (!thread.isDaemon() || snippet)) {
                    left.add(thread);
                }
            }
        } while (!left.isEmpty() && System.nanoTime() < deadline && pauseBriefly());
        assertEquals(List.of(), left, "threads left running after the interpreter ended");
    }

    private static boolean pauseBriefly() throws InterruptedException {
        Thread.sleep(20);
        return true;
    }
}
