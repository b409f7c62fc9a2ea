package kit.given;

import static grading.Wiring.activate;
import static grading.Wiring.wire;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import axon.Component;
import axon.Ipc;
import axon.Linkage;
import axon.Outbox;
import axon.Scheduler;
import axon.ThreadedComponent;
import grading.InBackground;
import grading.Stopper;
import grading.Wiring;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import kamaelia.util.ConsolePrinter;
import kamaelia.util.Metronome;
import kamaelia.util.PureTransformer;
import kamaelia.util.Recorder;
import kamaelia.util.Sort;
import kamaelia.util.Tee;
import kamaelia.util.ThreadedTransformer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The given components of {@code kamaelia.util} that no learner writes, held to stage 6's
 * idle rule (a component with nothing to do pauses) and to their class comments.
 */
@Tag("kit")
@DisplayName("Kit: the given util components sleep when idle and do what their comments say")
class GivenComponentsTest {

    /** Runs {@code component} with a recorder on its outbox, gives it one message, and returns whether all then sleep. */
    private static boolean sleepsAfterOneMessage(Component component) {
        Scheduler scheduler = new Scheduler();
        Recorder next = new Recorder();
        Linkage.link(component.outbox("outbox"), next.inbox("inbox"));
        activate(scheduler, component, next);
        scheduler.runCycles(5);
        component.inbox("inbox").put("b");
        scheduler.runCycles(5);
        return !scheduler.runCycles(10);
    }

    @Test
    @DisplayName("PureTransformer, Sort, Tee and ConsolePrinter pause when they have nothing to do")
    void idleComponentsSleep() {
        List<Supplier<Component>> given = List.of(() -> new PureTransformer(message -> message), Sort::new,
                Tee::new, () -> new ConsolePrinter(new PrintStream(new ByteArrayOutputStream(), true,
                        StandardCharsets.UTF_8)));
        for (Supplier<Component> make : given) {
            Component component = make.get();
            assertTrue(sleepsAfterOneMessage(component), component.name() + " is still awake 10 cycles after its"
                    + " only message: a component with nothing to do pauses (stage 6)");
        }
    }

    @Test
    @DisplayName("ConsolePrinter flushes what it printed at each step, so a buffered stream shows it at once")
    void consolePrinterFlushes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream buffered = new PrintStream(new BufferedOutputStream(bytes, 1 << 16), false,
                StandardCharsets.UTF_8);
        Scheduler scheduler = new Scheduler();
        ConsolePrinter printer = new ConsolePrinter(buffered);
        printer.activate(scheduler);
        printer.inbox("inbox").put("hello");
        scheduler.runCycles(5);
        assertEquals("hello" + System.lineSeparator(), bytes.toString(StandardCharsets.UTF_8),
                "a line printed must be flushed by the end of the step");
    }

    /** Sends "drop" and "keep" once the others have had time to start, then a shutdown out of signal. */
    @Outbox(name = "outbox", doc = "Two messages")
    static final class Feeder extends ThreadedComponent {
        @Override
        protected void body() throws InterruptedException {
            Thread.sleep(200);
            send("drop", "outbox");
            send("keep", "outbox");
            Thread.sleep(200);
            send(new Ipc.ShutdownMicroprocess(), "signal");
        }
    }

    @Test
    @DisplayName("ThreadedTransformer sends the function's result for each message that arrives while it runs,"
            + " nothing for a null result, and ends on a shutdown message, which it passes on")
    @Timeout(10)
    void threadedTransformerWhileRunning() throws Throwable {
        Scheduler scheduler = new Scheduler();
        Feeder feeder = new Feeder();
        ThreadedTransformer transformer = new ThreadedTransformer(message -> message.equals("drop") ? null
                : message + "!");
        Recorder next = new Recorder();
        wire(feeder, transformer);
        wire(transformer, next);
        activate(scheduler, feeder, transformer, next);
        InBackground running = InBackground.run(scheduler);
        try {
            assertTrue(running.awaitEnd(Duration.ofSeconds(5)), "the run must end once the shutdown has passed");
        } finally {
            running.stop();
        }
        assertEquals(List.of("keep!"), next.collected(), "a null result sends nothing; any other is sent on");
        assertTrue(next.endedBy() instanceof Ipc.ShutdownMicroprocess, "a shutdown message ends it, and is passed on"
                + " out of signal");
    }
    @Test
    @DisplayName("Metronome sends a tick every period, no more often, and ends on a shutdown message, which it passes"
            + " on; a period of zero or less is refused")
    @Timeout(10)
    void metronomeTicks() throws Throwable {
        assertThrows(IllegalArgumentException.class, () -> new Metronome(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new Metronome(Duration.ofMillis(-1)));
        Scheduler scheduler = new Scheduler();
        Metronome metronome = new Metronome(Duration.ofMillis(50));
        Recorder ticks = new Recorder();
        Stopper stopper = new Stopper();
        wire(metronome, ticks);
        Linkage.link(stopper.outbox("outbox"), metronome.inbox("control"));
        activate(scheduler, metronome, ticks, stopper);
        long start = System.nanoTime();
        InBackground running = InBackground.run(scheduler);
        try {
            Thread.sleep(500);
            stopper.go.countDown();
            assertTrue(running.awaitEnd(Duration.ofSeconds(5)), "a metronome ends on a shutdown message");
        } finally {
            stopper.go.countDown();
            running.stop();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        int count = ticks.collected().size();
        assertTrue(count >= 2 && count <= millis / 50 + 2, count + " ticks in " + millis + " ms at one per 50 ms: a"
                + " metronome ticks while it runs, not only as it ends");
        assertTrue(ticks.collected().stream().allMatch(Metronome.Tick.class::isInstance), "only ticks");
        assertTrue(ticks.endedBy() instanceof Ipc.ShutdownMicroprocess, "a metronome passes the shutdown on out of"
                + " signal");
    }
}
