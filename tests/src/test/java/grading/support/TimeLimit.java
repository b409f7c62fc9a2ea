package grading.support;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * How long a graded test may run: its stage's time-out ({@code N.time-out} in
 * {@code grading/stages.properties}, ten seconds at stage 11, whose tests wait for sockets),
 * else JUnit's default ({@code junit.jupiter.execution.timeout.default}, 3 s). So a class
 * says no more than its stage to get its stage's time; a test or class that needs longer
 * says so with JUnit's own {@code @Timeout}, which then applies instead.
 *
 * <p>{@link Grading} enforces it as JUnit's own time-out does: the test runs on a thread of
 * its own, and when the time is up the test fails with a {@link TimeoutException} while the
 * thread is interrupted and left behind. JUnit's time-out on {@link Graded} is only a backstop.
 */
final class TimeLimit {
    private static final String DEFAULT_KEY = "junit.jupiter.execution.timeout.default";
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m)");
    private static final Map<Integer, Stage> STAGES = Stage.all().stream()
            .collect(Collectors.toMap(Stage::number, stage -> stage));

    private TimeLimit() {
    }

    /** A test's time-out, or empty when the test or its class names its own with {@code @Timeout}. */
    static Optional<Duration> of(ExtensionContext context) {
        Method test = context.getRequiredTestMethod();
        Class<?> type = context.getRequiredTestClass();
        if (test.isAnnotationPresent(Timeout.class) || type.isAnnotationPresent(Timeout.class)) {
            return Optional.empty();
        }
        String text = stageOf(type).map(Stage::timeOut).filter(t -> !t.isEmpty())
                .or(() -> context.getConfigurationParameter(DEFAULT_KEY)).orElse("3 s");
        return Optional.of(parsed(text));
    }

    /** What usually loops when a test of {@code type}'s stage runs out of time, if the stage says it. */
    static Optional<String> usualFor(Class<?> type) {
        return stageOf(type).map(Stage::onTimeOut).filter(usual -> !usual.isEmpty());
    }

    private static Optional<Stage> stageOf(Class<?> type) {
        return Optional.ofNullable(type.getAnnotation(Graded.class)).map(graded -> STAGES.get(graded.stage()));
    }

    /** A graded test's body, run by {@link #run}. */
    interface Body {
        void run() throws Throwable;
    }

    /**
     * Runs {@code body} on a thread of its own; throws what it throws, or a
     * {@link TimeoutException} ("...() timed out after 3 seconds", as JUnit says it) when it
     * is still running after {@code limit}.
     */
    static void run(Duration limit, ExtensionContext context, Body body) throws Throwable {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread thread = Thread.ofPlatform().daemon().name("graded test: " + context.getDisplayName()).start(() -> {
            try {
                body.run();
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        if (!thread.join(limit)) {
            // Looked at before the interrupt, which ends a sleep or a wait on the other threads too.
            Optional<BusyThreads.Finding> others = BusyThreads.besides(thread);
            thread.interrupt();
            throw new TimedOut(context.getRequiredTestMethod().getName() + "() timed out after " + described(limit),
                    others.orElse(null));
        }
        if (thrown.get() != null) {
            throw thrown.get();
        }
    }

    /**
     * A time-out, with what the other threads were doing in graded code at that moment
     * ({@link BusyThreads}), or {@code null} if none was busy or asleep there.
     */
    static final class TimedOut extends TimeoutException {
        private static final long serialVersionUID = 1L;

        private final transient BusyThreads.Finding others;

        TimedOut(String message, BusyThreads.Finding others) {
            super(message);
            this.others = others;
        }

        /** What another thread was doing in graded code when the time ran out, if anything. */
        Optional<BusyThreads.Finding> others() {
            return Optional.ofNullable(others);
        }
    }

    private static String described(Duration limit) {
        return limit.toMillis() % 1000 == 0 ? limit.toSeconds() + (limit.toSeconds() == 1 ? " second" : " seconds")
                : limit.toMillis() + " milliseconds";
    }

    /** A duration written as JUnit writes its time-outs: "3 s", "500 ms", "1 m". */
    static Duration parsed(String text) {
        Matcher m = DURATION.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalStateException("a time-out reads like \"3 s\", \"500 ms\" or \"1 m\", not \"" + text
                    + "\": see grading/stages.properties and junit-platform.properties");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            default -> Duration.ofMinutes(n);
        };
    }
}
