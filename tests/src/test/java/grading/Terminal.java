package grading;

import axon.Inbox;
import axon.Outbox;
import axon.ThreadedComponent;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A threaded component for tests that stands in for a person at a console: the test
 * types lines ({@link #type}) that go out of {@code outbox}, and reads what arrives on
 * {@code inbox} ({@link #answer}). It is how a test talks to a system while the scheduler
 * runs on another thread: boxes may only be touched on the scheduler's thread.
 * {@link #hangUp()} ends it, and it passes the shutdown on out of {@code signal}; a
 * shutdown message on {@code control} ends it too.
 */
@Inbox(name = "inbox", doc = "What the system answers, kept for the test to read")
@Outbox(name = "outbox", doc = "The lines the test types, in order")
class Terminal extends ThreadedComponent {
    private static final Object HANG_UP = new Object();
    private static final Duration ROOM = Duration.ofSeconds(10);
    /** How often {@link #answer(InBackground, Duration, BooleanSupplier)} asks whether an answer can still come. */
    private static final Duration LOOK_EVERY = Duration.ofMillis(500);

    private final BlockingQueue<Object> typed = new LinkedBlockingQueue<>();
    private final BlockingQueue<Object> answers = new LinkedBlockingQueue<>();
    private final java.util.List<String> sinceAnswer = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile int answeredSince;

    @Override
    protected void body() throws InterruptedException {
        while (!shutdownRequested()) {
            Object line = typed.poll(5, TimeUnit.MILLISECONDS);
            if (line == HANG_UP) {
                break;
            }
            if (line != null) {
                send(line, "outbox", ROOM);
            }
            while (dataReady("inbox")) {
                answers.add(recv("inbox"));
            }
        }
        while (dataReady("inbox")) {
            answers.add(recv("inbox"));
        }
        passShutdownOn();
    }

    /** Types a line: it goes out of outbox soon. Safe from any thread. */
    void type(Object line) {
        if (answeredSince > 0) { // the lines answered are over: this one starts the next
            sinceAnswer.clear();
            answeredSince = 0;
        }
        sinceAnswer.add(String.valueOf(line));
        typed.add(line);
    }

    /**
     * The lines typed since the answers before them were read, oldest first: what an answer
     * that does not come is due to (a line with two snippets stays here after its first answer).
     */
    java.util.List<String> typedSinceAnswer() {
        return java.util.List.copyOf(sinceAnswer);
    }

    /** How many answers to {@link #typedSinceAnswer()} have been read. */
    int answeredSince() {
        return answeredSince;
    }

    /** Whether every line typed has gone out of outbox (or is on its way), none waiting in the terminal. */
    boolean allSent() {
        return typed.isEmpty();
    }

    /** Ends the terminal, which passes ProducerFinished on. */
    void hangUp() {
        typed.add(HANG_UP);
    }

    /**
     * The next answer, waiting up to {@code patience}; while it waits, rethrows what the
     * running system threw (so that unwritten code shows up as "not started").
     *
     * @return the answer, or {@code null} if none came in time
     */
    Object answer(InBackground running, Duration patience) throws Throwable {
        return answer(running, patience, () -> false);
    }

    /**
     * The next answer, as {@link #answer(InBackground, Duration)}, except that it stops
     * waiting early once {@code hopeless} says that no answer can come (asked twice a
     * second: a thread found looping, say).
     *
     * @return the answer, or {@code null} if none came in time, or none could
     */
    Object answer(InBackground running, Duration patience, BooleanSupplier hopeless) throws Throwable {
        long start = System.nanoTime();
        long deadline = start + patience.toNanos();
        long nextLook = start + LOOK_EVERY.toNanos();
        while (System.nanoTime() < deadline) {
            Object answer = answers.poll(50, TimeUnit.MILLISECONDS);
            if (answer != null) {
                answeredSince++;
                return answer;
            }
            running.rethrow();
            if (System.nanoTime() > nextLook) {
                if (hopeless.getAsBoolean()) {
                    break;
                }
                nextLook = System.nanoTime() + LOOK_EVERY.toNanos();
            }
        }
        running.rethrow();
        return null;
    }

    /** The answers that have arrived and not been read, without waiting. */
    java.util.List<Object> unread() {
        java.util.List<Object> unread = new java.util.ArrayList<>();
        answers.drainTo(unread);
        return unread;
    }
}
