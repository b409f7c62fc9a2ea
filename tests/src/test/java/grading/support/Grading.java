package grading.support;

import axon.Todo;
import axon.Trace;
import kamaelia.experimental.trace.TracePicture;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * Turns what a learner's code does into something a learner can act on.
 *
 * <ul>
 *   <li>Unwritten code ({@link Todo}) makes a test "not started" (aborted), not failed, whether the
 *       test or its class's {@code @BeforeEach} fixture met it.</li>
 *   <li>Each test has its stage's time-out ({@link TimeLimit}), unless it names its own.</li>
 *   <li>A time-out becomes a failure that says what probably loops ({@link OnTimeout});
 *       the tests after it do not run, since a loop that never ends keeps a processor
 *       busy and would time them out too. In a learner's run, once a stage has a failed
 *       test, the tests of later stages that name a time-out of their own over ten seconds
 *       do not run either: they would only wait, for minutes, on the earlier stage's code.</li>
 *   <li>A method the tests need but the exercises lack becomes a sentence, not a
 *       {@code NoSuchMethodError}.</li>
 *   <li>At stages 4 to 8, each test runs with a {@link Trace} recording; when it fails,
 *       the trace is written under {@code tests/target/traces} and the board offers it, to
 *       answer "where did my message go?" ({@link TraceOffered}).</li>
 *   <li>In the kit check on untouched exercises ({@link Mode#UNSOLVED}) the outcome is
 *       inverted: a test passes when it fails, and fails when it passes, because a test
 *       that passes on unwritten code cannot tell a learner's work from none.</li>
 * </ul>
 */
public final class Grading implements ExecutionCondition, InvocationInterceptor, TestExecutionExceptionHandler,
        LifecycleMethodExecutionExceptionHandler {
    private static final ExtensionContext.Namespace WATCH = ExtensionContext.Namespace.create(Grading.class);
    private static volatile String stalled;
    /** A test after whose failure a thread still loops in the learner's code ({@link #withBusyThread}). */
    private static volatile String looping;

    /**
     * The first test that waited in vain for a server or a store ({@link WaitedInVain}), and
     * its stage: the other tests of that stage would mostly wait just as long for the same
     * missing line, or the same lock never let go.
     */
    private static volatile String waitedInVain;
    private static volatile int waitedInVainStage;
    /** What that test waited for: "the server". */
    private static volatile String waitedFor;

    /** The earliest stage with a failed test in this run, which a test that waits long need not wait for. */
    private static volatile int firstFailedStage = Integer.MAX_VALUE;
    /** The hint for a thread found asleep in a {@code Thread.sleep} of the learner's code ({@link BusyThreads}). */
    private static final String SLEEPS_INSTEAD_OF_WAITING = "A thread waits for messages with recv(inbox, timeout)"
            + " or pause(timeout), which return as soon as a message or a shutdown request arrives (the proxy rings"
            + " the doorbell); Thread.sleep waits out its whole time whatever arrives. Sleep only for work that really"
            + " takes time, never to wait for a message or for room.";
    /** A test allowed more than this (its own {@code @Timeout}) waits long when an earlier stage's code is wrong. */
    private static final Duration WAITS_LONG = Duration.ofSeconds(10);

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String earlier = stalled;
        if (earlier != null && context.getTestMethod().isPresent()) {
            return ConditionEvaluationResult.disabled("not run: an earlier test never finished (" + earlier
                    + "); fix that first");
        }
        String loops = looping;
        if (loops != null && context.getTestMethod().isPresent()) {
            return ConditionEvaluationResult.disabled("not run: since an earlier test (" + loops + "), a thread"
                    + " loops in your code without end, and each test would start one more; fix that first");
        }
        String waited = waitedInVain;
        if (waited != null && Mode.current() == Mode.GRADE && context.getTestMethod().isPresent()
                && stageOf(context) == waitedInVainStage) {
            // A missing wire or a lost line makes every test of the stage wait its full patience: a minute in all.
            return ConditionEvaluationResult.disabled("not run: an earlier test of this stage (" + waited + ") waited"
                    + " in vain for " + waitedFor + ", and this one would most likely wait as long; fix that first");
        }
        int failed = firstFailedStage;
        if (Mode.current() == Mode.GRADE && context.getTestMethod().isPresent() && failed < stageOf(context)
                && waitsLong(context)) {
            // Its waits would add minutes to a run whose board shows the earlier stage anyway.
            return ConditionEvaluationResult.disabled("not run: stage " + failed + " fails, and this test may wait"
                    + " long for what that stage's code does; fix stage " + failed + " first");
        }
        return ConditionEvaluationResult.enabled("");
    }

    /** Whether a test names its own time-out ({@code @Timeout}) of more than {@link #WAITS_LONG}. */
    private static boolean waitsLong(ExtensionContext context) {
        // Written on the test or its class, as TimeLimit reads it: @Graded's own is only a backstop.
        Timeout own = Optional.ofNullable(context.getRequiredTestMethod().getAnnotation(Timeout.class))
                .orElse(context.getRequiredTestClass().getAnnotation(Timeout.class));
        return own != null && Duration.ofNanos(own.unit().toNanos(own.value())).compareTo(WAITS_LONG) > 0;
    }

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
            ExtensionContext extensionContext) throws Throwable {
        Optional<Duration> limit = TimeLimit.of(extensionContext);
        if (limit.isPresent()) {
            TimeLimit.run(limit.get(), extensionContext, () -> graded(invocation, extensionContext));
        } else {
            graded(invocation, extensionContext);
        }
    }

    /** Runs a graded test on the current thread, watching it and tracing it. */
    private static void graded(Invocation<Void> invocation, ExtensionContext extensionContext) throws Throwable {
        NeverPaused.forget();
        TwiceInATurn.forget();
        RunningCode running = RunningCode.watchCurrentThread();
        extensionContext.getStore(WATCH).put(RunningCode.class, running);
        Trace trace = traced(extensionContext) ? Trace.start(TRACE_SIZE) : null;
        extensionContext.getStore(WATCH).put(Trace.class, trace);
        try {
            invocation.proceed();
        } finally {
            running.stop();
            stopTrace(trace);
        }
        if (Mode.current() == Mode.UNSOLVED) {
            throw new PassedUnsolved();
        }
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable thrown) throws Throwable {
        Throwable outcome = judged(context, thrown);
        if (outcome == null) {
            return;
        }
        if (!(outcome instanceof TestAbortedException) && !(outcome instanceof PassedUnsolved)) {
            int stage = outcome instanceof LaterStageFailure later ? later.stage() : stageOf(context);
            firstFailedStage = Math.min(firstFailedStage, stage);
            Optional<WaitedInVain> waited = WaitedInVain.in(thrown);
            if (waited.isPresent() && !(outcome instanceof LaterStageFailure) && waitedInVain == null) {
                waitedFor = waited.get().awaited();
                waitedInVainStage = stageOf(context);
                waitedInVain = context.getDisplayName();
            }
            offerTrace(context, outcome);
        }
        throw outcome;
    }

    /**
     * A class's shared fixture ({@code @BeforeEach}) builds the components its tests begin
     * with, with the learner's code: what it throws is judged as if the test had thrown it.
     */
    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable thrown) throws Throwable {
        handleTestExecutionException(context, thrown);
    }

    /** The events a test's trace keeps: the last ones, enough for any graded test of stages 4 to 8. */
    static final int TRACE_SIZE = 20_000;

    /** Whether a test is traced: stages 4 to 8, unless the whole run is traced with {@code -Daxon.trace}. */
    private static boolean traced(ExtensionContext context) {
        if (!System.getProperty("axon.trace", "").isBlank() || Mode.current() == Mode.UNSOLVED) {
            return false;
        }
        int stage = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), Graded.class).map(Graded::stage)
                .orElse(0);
        return stage >= 4 && stage <= 8;
    }

    private static void stopTrace(Trace trace) {
        if (trace != null && Trace.recording() == trace) {
            Trace.stop();
        }
    }

    /** Writes the failed test's trace and attaches its path, for {@link ResultsRecorder} to pass to the board. */
    private static void offerTrace(ExtensionContext context, Throwable outcome) {
        Trace trace = context.getStore(WATCH).get(Trace.class, Trace.class);
        if (trace == null) {
            return;
        }
        stopTrace(trace); // after a time-out the test may still run: stop recording it now
        String name = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName();
        try {
            Path page = TracePicture.write(trace, ResultsRecorder.traces().resolve(name));
            outcome.addSuppressed(new TraceOffered(page));
        } catch (RuntimeException e) {
            outcome.addSuppressed(e); // a trace that cannot be written must not hide the failure
        }
    }

    /** What to throw instead of {@code thrown}, or null to let the test pass. */
    private static Throwable judged(ExtensionContext context, Throwable thrown) {
        if (thrown instanceof PassedUnsolved) {
            return thrown;
        }
        if (Mode.current() == Mode.UNSOLVED) {
            return null; // on untouched exercises a failure is the expected outcome: the test passes
        }
        Optional<Todo> todo = todoIn(thrown);
        if (todo.isPresent()) {
            return new TestAbortedException("not started: " + todo.get().getMessage());
        }
        if (thrown instanceof TimeoutException) {
            stalled = context.getDisplayName();
            RunningCode running = context.getStore(WATCH).get(RunningCode.class, RunningCode.class);
            Throwable said = timedOut(context, (TimeoutException) thrown);
            return running == null ? said
                    : LaterRegion.ofTimeOut(stageOf(context), afterWhat(thrown.getMessage()), running, Regions.ofKit())
                            .map(Throwable.class::cast).orElse(said);
        }
        if (thrown instanceof NoSuchMethodError || thrown instanceof NoSuchFieldError
                || thrown instanceof AbstractMethodError || thrown instanceof NoClassDefFoundError) {
            return new AssertionFailedError("your exercises lack something the handbook promises (" + thrown.getMessage()
                    + "): keep the names and signatures given in exercises/ as they are", thrown);
        }
        if (thrown instanceof StackOverflowError) {
            return new AssertionFailedError("a method calls itself without end (stack overflow): look for a method"
                    + " that calls itself, or two that call each other", thrown);
        }
        int stage = stageOf(context);
        return LaterRegion.ofThrown(stage, thrown, ResultsRecorder.message(thrown), Regions.ofKit())
                .or(() -> stage < NeverPaused.PAUSE_STAGE ? NeverPaused.inTheSchedulersMade() : Optional.empty())
                .or(() -> stage < NeverPaused.PAUSE_STAGE ? TwiceInATurn.found(stage, Regions.ofKit()) : Optional.empty())
                .map(Throwable.class::cast).orElseGet(() -> withBusyThread(context, withLaterPart(context, stage, thrown)));
    }

    /** A failure that says the test waited in vain for something: "within 5000 ms", "after 5 s". */
    private static final java.util.regex.Pattern WAITED = java.util.regex.Pattern.compile(
            "(within|after) \\d+ ?(ms|s|seconds)\\b");

    /**
     * A failure after the test waited in vain, while another thread loops or sleeps in the
     * learner's code (a step that reads again and again where it should return, on the
     * thread that runs the scheduler): the same failure, naming that code, with a hint about
     * waiting. The tests after it do not run: that thread loops on, and each test would add
     * one more ({@link #evaluateExecutionCondition}).
     */
    private static Throwable withBusyThread(ExtensionContext context, Throwable failure) {
        if (!(failure instanceof AssertionError) || failure instanceof LaterStageFailure
                || failure.getMessage() == null || !WAITED.matcher(failure.getMessage()).find()) {
            return failure;
        }
        Optional<BusyThreads.Finding> busy = failure instanceof WaitedInVain waited ? waited.busy()
                : BusyThreads.besides(Thread.currentThread());
        if (busy.isEmpty()) {
            return failure;
        }
        looping = context.getDisplayName();
        String place = busy.get().text().replaceFirst(" \\(.*", ""); // "Interpreter.completeSnippets"
        if (failure.getMessage().contains(place)) {
            return failure; // the test's own message names that method already, with its own hint
        }
        Optional<Hint> own = Hints.ofTest(context.getRequiredTestMethod());
        String read = own.map(Hint::read).orElse("");
        HintedFailure said = busy.get().asleep()
                ? new HintedFailure(busy.get().text() + ", so it heard nothing while the test waited: "
                        + ResultsRecorder.message(failure), new Hint(SLEEPS_INSTEAD_OF_WAITING + own.map(h -> " What this test"
                        + " checks: " + h.value()).orElse(""), read))
                : new HintedFailure(busy.get().text() + ", so what the test waited for never came: "
                        + ResultsRecorder.message(failure), new Hint("That loop never waits: a step that has nothing"
                        + " to do now returns (a read that gets 0 bytes returns, and the selector says when more"
                        + " comes; a component pauses, and a delivery wakes it), since while one step loops nothing"
                        + " else on its scheduler runs; a threaded body waits with recv(inbox, timeout) or"
                        + " pause(timeout)." + own.map(h -> " What this test checks: " + h.value()).orElse(""), read));
        said.initCause(failure);
        return said;
    }

    /**
     * An exception thrown in a method that also holds a later stage's part, which the
     * exercises' lack of markers hides: the same failure, saying so.
     */
    private static Throwable withLaterPart(ExtensionContext context, int stage, Throwable thrown) {
        if (thrown instanceof AssertionError) {
            return thrown;
        }
        List<StackTraceElement> graded = RunningCode.graded(thrown.getStackTrace());
        if (graded.isEmpty()) {
            return thrown;
        }
        String by = LaterRegion.thrownBy(thrown, Regions.ofKit());
        if (!by.isEmpty()) {
            Optional<Hint> own = Hints.ofTest(context.getRequiredTestMethod());
            HintedFailure failure = new HintedFailure(ResultsRecorder.message(thrown), new Hint(
                    by + own.map(h -> " What this test checks: " + h.value()).orElse(""), own.map(Hint::read).orElse("")));
            failure.initCause(thrown);
            return failure;
        }
        StackTraceElement top = graded.getFirst();
        return Regions.ofKit().laterInMethod(top, stage).stream().filter(r -> r.stage() <= Mode.lastStage())
                .findFirst().<Throwable>map(r -> new AssertionFailedError(ResultsRecorder.message(thrown) + ". "
                        + RunningCode.place(top).replaceFirst(" \\(.*", "") + " also holds stage " + r.stage()
                        + "'s part (" + r.task() + "): if you wrote it, look there first, since stage " + stage
                        + "'s tests run it too", thrown))
                .orElse(thrown);
    }

    private static int stageOf(ExtensionContext context) {
        return AnnotationSupport.findAnnotation(context.getRequiredTestClass(), Graded.class).map(Graded::stage)
                .orElse(Integer.MAX_VALUE);
    }

    private static String afterWhat(String junitMessage) {
        String after = junitMessage == null ? "" : junitMessage.replaceFirst("^.*timed out after ", "");
        return "still running after " + (after.isBlank() ? "its time" : after);
    }

    /**
     * What a time-out says: the learner's method that was still running; and, as its hint,
     * what usually loops in this very test ({@link OnTimeout} on the method, or the
     * {@code METHOD time-out} block of its class's hints) instead of the test's own hint, which
     * is about what its assertions check and may mislead a test that never got to them (a
     * lost wake-up is not a wrong exception); else what usually loops in its class or stage
     * ({@link OnTimeout} on the class, the {@code time-out} block, the stage's), then the test's
     * own hint.
     */
    private static HintedFailure timedOut(ExtensionContext context, TimeoutException timeout) {
        String junitMessage = timeout.getMessage();
        String after = junitMessage == null ? "" : junitMessage.replaceFirst("^.*timed out after ", "");
        String afterWhat = after.isBlank() ? "its time" : after;
        RunningCode running = context.getStore(WATCH).get(RunningCode.class, RunningCode.class);
        Optional<String> where = running == null ? Optional.empty() : running.stillRunning(afterWhat);
        if (running != null) {
            running.stop();
        }
        // A test that waits (for a wake-up, say) may wait on a thread that loops instead of waiting itself.
        Optional<BusyThreads.Finding> busy = running == null || !running.busySamples().isEmpty() ? Optional.empty()
                : timeout instanceof TimeLimit.TimedOut timedOut ? timedOut.others()
                : BusyThreads.besides(running.thread());
        String message = busy.map(b -> b.text() + (b.asleep() ? ": a sleep hears neither a message nor a shutdown"
                        + " request, so the test never finished" : ": a loop there never waits, so the test never"
                        + " finished") + where.map(w -> " (the test waited: " + w + ")").orElse(""))
                .or(() -> where.map(w -> w + ": the test never finished" + alsoLater(context, running)))
                .orElse("the test was still running after " + afterWhat + ", outside your code (in the test's"
                        + " own waiting): something it waits for never happened");
        Optional<Hint> own = Hints.ofTest(context.getRequiredTestMethod());
        String read = own.map(Hint::read).orElse("");
        if (busy.isPresent() && busy.get().asleep()) {
            return new HintedFailure(message, new Hint(SLEEPS_INSTEAD_OF_WAITING, read));
        }
        if (busy.isPresent()) {
            return new HintedFailure(message, new Hint("A loop on a thread must wait, not look again and again: inside"
                    + " a threaded component's body, wait with recv(inbox, timeout) or pause(timeout), which return"
                    + " when a message comes; a doorbell's waitForRing awaits its condition.", read));
        }
        Optional<RunningCode.Blocked> blocked = running == null ? Optional.empty() : running.blockedInStep();
        if (blocked.isPresent()) {
            return new HintedFailure(RunningCode.place(blocked.get().by()) + " waited in " + blocked.get().call()
                    + " for " + afterWhat + ", inside a step, on the scheduler's thread: while a step waits, nothing"
                    + " else runs, so what it waits for never comes", new Hint("A step must never block: no"
                    + " BlockingQueue.put or take, sleep, wait or lock inside step() or what it calls. Do what can be"
                    + " done now and return (look first: remainingCapacity(), dataReady()), leave the rest for a"
                    + " later step, or pause() and let a delivery wake you. Blocking belongs in a ThreadedComponent's"
                    + " body, on its own thread.", read));
        }
        Optional<String> ownTimeOut = onTimeoutOfTest(context);
        if (ownTimeOut.isPresent()) {
            return new HintedFailure(message, new Hint("Usual cause of a time-out here: " + ownTimeOut.get(), read));
        }
        // What usually loops or waits in its class or stage first; the test's own hint after it, as it may still
        // name the cause (a failure that the run waited for in vain).
        String usual = onTimeout(context).map(u -> "Usual cause of a time-out here: " + u)
                .orElse("Look for a loop that never ends, or a wait that nothing answers, in the method named above.");
        return new HintedFailure(message, new Hint(own.map(h -> usual + " What this test checks: " + h.value())
                .orElse(usual), read));
    }

    /**
     * ". Box.linkTo also holds stage 6's part (...): ..." when the method that loops holds code of
     * a later stage too, which only the exercises' lack of markers hides ({@link Regions#laterInMethod}),
     * and this run grades that stage; else "".
     */
    private static String alsoLater(ExtensionContext context, RunningCode running) {
        if (running == null) {
            return "";
        }
        int stage = stageOf(context);
        return running.loopingFrame().map(frame -> Regions.ofKit().laterInMethod(frame, stage).stream()
                .filter(r -> r.stage() <= Mode.lastStage()).findFirst()
                .map(r -> ". " + RunningCode.place(frame).replaceFirst(" \\(.*", "") + " also holds stage " + r.stage()
                        + "'s part (" + r.task() + "): if you wrote it, look there first, since stage " + stage
                        + "'s tests run it too")
                .orElse("")).orElse("");
    }

    /** What usually loops when this very test runs out of time: on the method, or in the class's hints for it. */
    private static Optional<String> onTimeoutOfTest(ExtensionContext context) {
        Class<?> type = context.getRequiredTestClass();
        Method test = context.getRequiredTestMethod();
        return AnnotationSupport.findAnnotation(test, OnTimeout.class).map(OnTimeout::value)
                .or(() -> Optional.ofNullable(Hints.of(type).get(Hints.onTimeout(test.getName()))).map(Hint::value));
    }

    /** What usually loops when a test of this class or stage runs out of time: on the class, in its hints, or the stage's. */
    private static Optional<String> onTimeout(ExtensionContext context) {
        Class<?> type = context.getRequiredTestClass();
        return AnnotationSupport.findAnnotation(type, OnTimeout.class).map(OnTimeout::value)
                .or(() -> Optional.ofNullable(Hints.of(type).get(Hints.ON_TIMEOUT)).map(Hint::value))
                .or(() -> TimeLimit.usualFor(type));
    }

    private static Optional<Todo> todoIn(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof Todo todo) {
                return Optional.of(todo);
            }
        }
        return Optional.empty();
    }

    /** Thrown when a graded test passes on the untouched exercises. */
    static final class PassedUnsolved extends AssertionFailedError {
        PassedUnsolved() {
            super("this test passes on the untouched exercises, so it cannot tell a learner's work from none:"
                    + " make it exercise code the learner writes");
        }
    }
}
