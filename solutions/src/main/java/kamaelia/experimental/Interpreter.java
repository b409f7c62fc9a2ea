package kamaelia.experimental;

import axon.Inbox;
import axon.Ipc;
import axon.Outbox;
import axon.ThreadedComponent;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;

/**
 * Runs Java snippets inside the running system, the way {@code jshell} runs them at a
 * prompt: each message on {@code inbox} is a line of Java, and for each snippet the
 * interpreter sends back its value, or what went wrong, as text.
 *
 * <pre>{@code
 * new Pipeline(new ConsoleReader(System.in), new Interpreter(), new ConsolePrinter()).activate(scheduler);
 * // type:  6 * 7                       prints:  42
 * //        scheduler.microprocesses()            [Pipeline#4, ConsoleReader#1, ...]
 * }</pre>
 *
 * <h2>What snippets see</h2>
 * Snippets run in this JVM (JShell's local execution), so they see the live objects:
 * {@code self} is this interpreter, {@code scheduler} the scheduler running it,
 * {@code component("Grep#5")} any component it runs, with its boxes, and {@code look()}
 * asks an {@link Introspector} for a {@link Snapshot} of everything (see {@link Session},
 * which also says what is safe to do with them). The packages {@code axon},
 * {@code kamaelia}, {@code java.util} and {@code java.util.stream} are imported.
 * Definitions persist: a variable, method or class defined by one snippet is there for
 * the next.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>Lines are gathered until they make a complete snippet, as jshell does: a snippet
 *       may span several lines, and a line may hold several snippets. Nothing is
 *       evaluated before its snippet is complete.</li>
 *   <li>Each snippet, in order, gives exactly one message out of {@code outbox}: its value
 *       if it has one (an expression, a variable), as jshell shows it (strings in quotes);
 *       {@code "error: "} and the compiler's message if it does not compile;
 *       {@code "exception "}, the exception's class and its message if it throws;
 *       {@code "ok"} otherwise (a statement, a method or class declared).</li>
 *   <li>The line {@code /exit} ends the interpreter, as a shutdown message on
 *       {@code control} does; it passes the shutdown on, out of {@code signal}.</li>
 *   <li>A snippet that runs too long is stopped (JShell's {@code stop()}), and its answer
 *       is {@code "stopped: "} and why: when it has run longer than the time limit
 *       ({@link #withTimeLimit}, or the line {@code /limit SECONDS}; none unless told),
 *       or when {@link Ipc.ShutdownMicroprocess} arrives on {@code control} while it
 *       runs. {@link Ipc.ProducerFinished} (the input has ended) lets the snippets
 *       already received run to their end, unless the interpreter was made with
 *       {@link #stoppingWhenInputEnds()}, as a network console's is: there the end of
 *       the input means the client has gone. A snippet that ignores the stop for
 *       {@link #STOP_PATIENCE} (one blocked in a call that cannot be interrupted) is
 *       left to itself, and the interpreter ends anyway.</li>
 *   <li>JShell starts at the first snippet, not before (it takes about a second).</li>
 * </ul>
 *
 * <h2>Why it is threaded</h2>
 * Evaluating a snippet means compiling it, which takes tens of milliseconds even when
 * JShell is warm, and running it, which takes as long as the snippet likes. A
 * cooperative component would stop every other component for that long; on a thread of
 * its own the interpreter can take its time while the system runs on.
 */
@Inbox(name = "inbox", doc = "Lines of Java to run; a snippet may span lines, and a line may hold several snippets")
@Inbox(name = "answers", doc = "Answers to the questions snippets ask, such as a Snapshot from an Introspector")
@Outbox(name = "outbox", doc = "One message per snippet: its value, ok, or what went wrong, as text")
@Outbox(name = "questions", doc = "What snippets ask the system with ask(...), such as look() asking an Introspector")
public class Interpreter extends ThreadedComponent {
    /** How long a snippet waits for the answer to a question. */
    private static final Duration ASK_PATIENCE = Duration.ofSeconds(5);
    /** How long the thread waits for a line before it looks at control again. */
    private static final Duration LINE_WAIT = Duration.ofSeconds(10);
    /** How often the thread looks at control and the clock while a snippet runs. */
    private static final Duration WATCH_EVERY = Duration.ofMillis(50);
    /** How long a stopped snippet has to stop before it is left to itself. */
    public static final Duration STOP_PATIENCE = Duration.ofSeconds(5);

    /** How long a snippet may run; zero: no limit. */
    private volatile Duration timeLimit = Duration.ZERO;
    /** Whether the end of the input (ProducerFinished) stops a running snippet. */
    private boolean stopWhenInputEnds = false;

    /** The JShell that runs the snippets; started at the first line. */
    private JShell shell;
    /** What snippets see of the system; opened with the JShell. */
    private Session session;
    /** Lines received that do not make a complete snippet yet. */
    private String pending = "";

    // tag::body[]
    @Override
    protected void body() throws InterruptedException {
        try {
            boolean exit = false;
            while (!exit && !shutdownRequested()) {
                Object line = recv("inbox", LINE_WAIT);
                if (line != null) {
                    exit = take(line.toString());
                }
            }
            while (!exit && !mustStop() && dataReady("inbox")) {  // what arrived before the shutdown
                exit = take(recv("inbox").toString());
            }
        } finally {
            stopShell();
        }
        passShutdownOn();
    }

    /** Takes one line: evaluates the snippets it completes, and says whether it asked to exit. */
    private boolean take(String line) throws InterruptedException {
        if (pending.isEmpty() && line.strip().equals("/exit")) {
            return true;
        }
        if (pending.isEmpty() && line.strip().startsWith("/limit")) {
            send(setLimit(line.strip().substring("/limit".length()).strip()), "outbox");
            return false;
        }
        for (String snippet : completeSnippets(line)) {
            send(evaluateWatched(snippet), "outbox");
        }
        return false;
    }
    // end::body[]

    /**
     * Stops a snippet that runs longer than {@code limit}; {@link Duration#ZERO} means no
     * limit (the default). Returns this interpreter.
     */
    public Interpreter withTimeLimit(Duration limit) {
        if (limit.isNegative()) {
            throw new IllegalArgumentException("a time limit cannot be negative, not " + limit
                    + " (Duration.ZERO means none)");
        }
        this.timeLimit = limit;
        return this;
    }

    /**
     * Makes the end of the input ({@link Ipc.ProducerFinished} on {@code control}) stop a
     * running snippet, and drop the lines not yet run: for a session whose client has
     * gone, such as a network console's. Returns this interpreter.
     */
    public Interpreter stoppingWhenInputEnds() {
        this.stopWhenInputEnds = true;
        return this;
    }

    /** The line /limit SECONDS: sets the time limit (0: none), or says what it is. */
    private String setLimit(String seconds) {
        if (!seconds.isEmpty()) {
            try {
                withTimeLimit(Duration.ofSeconds(Long.parseLong(seconds)));
            } catch (NumberFormatException | ArithmeticException e) {
                return "error: /limit takes a whole number of seconds (0 for no limit), not " + seconds;
            } catch (IllegalArgumentException e) {
                return "error: " + e.getMessage();
            }
        }
        return timeLimit.isZero() ? "no time limit: /limit SECONDS sets one" : "time limit: "
                + timeLimit.toSeconds() + " s per snippet";
    }

    /** Whether a shutdown has arrived that stops what runs now. */
    private boolean mustStop() {
        return shutdownRequested()
                && (shutdownMessage() instanceof Ipc.ShutdownMicroprocess || stopWhenInputEnds);
    }

    /**
     * Evaluates a snippet on a thread of its own, while this thread watches the clock and
     * {@code control}, and stops the snippet when it must (see the class comment).
     */
    private String evaluateWatched(String snippet) throws InterruptedException {
        shell(); // started here, where a failure to start it shows as the interpreter's
        CompletableFuture<String> answer = new CompletableFuture<>();
        Thread.ofVirtual().name(name() + " evaluating").start(() -> {
            try {
                answer.complete(evaluate(snippet));
            } catch (Throwable t) {
                answer.completeExceptionally(t);
            }
        });
        long started = System.nanoTime();
        String stoppedBecause = null;
        long stoppedAt = 0;
        while (true) {
            try {
                String result = answer.get(WATCH_EVERY.toMillis(), TimeUnit.MILLISECONDS);
                return stoppedBecause == null ? result : "stopped: " + stoppedBecause;
            } catch (ExecutionException e) {
                throw rethrown(e.getCause());
            } catch (InterruptedException e) {
                shell.stop(); // the run is ending: take the snippet down with it
                throw e;
            } catch (TimeoutException e) {
                long now = System.nanoTime();
                if (stoppedBecause == null) {
                    stoppedBecause = whyStop(now - started);
                    if (stoppedBecause != null) {
                        shell.stop();
                        stoppedAt = now;
                    }
                } else if (now - stoppedAt > STOP_PATIENCE.toNanos()) {
                    return "stopped: " + stoppedBecause + ", but the snippet did not stop within "
                            + STOP_PATIENCE.toSeconds() + " s (a call that cannot be interrupted?): it is left running";
                }
            }
        }
    }

    /** Why a snippet that has run for {@code nanos} must be stopped, or null. */
    private String whyStop(long nanos) {
        if (mustStop()) {
            return "the session has ended";
        }
        Duration limit = timeLimit;
        if (!limit.isZero() && nanos > limit.toNanos()) {
            return "it ran longer than the time limit of " + limit.toSeconds() + " s (/limit SECONDS changes it)";
        }
        return null;
    }

    private static RuntimeException rethrown(Throwable thrown) {
        if (thrown instanceof RuntimeException runtime) {
            return runtime;
        }
        if (thrown instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(thrown);
    }

    // tag::complete[]
    /**
     * Adds a line to what is pending, and takes from the front every snippet that is now
     * complete, in order; what is left stays pending for the next line.
     */
    private List<String> completeSnippets(String line) {
        pending = pending.isEmpty() ? line : pending + "\n" + line;
        SourceCodeAnalysis analysis = shell().sourceCodeAnalysis();
        // >>> stage 12 complete: while what is pending is not blank, analysis.analyzeCompletion(pending) says how complete it is: COMPLETE, COMPLETE_WITH_SEMI or UNKNOWN: move its source() to the list and keep its remaining(); EMPTY: nothing left to run; incomplete: stop, the rest waits for more lines
        List<String> complete = new ArrayList<>();
        while (!pending.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(pending);
            switch (info.completeness()) {
                case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE -> {
                    return complete;    // wait for more lines
                }
                case EMPTY -> pending = "";    // blank, or only a comment
                default -> {                    // COMPLETE, COMPLETE_WITH_SEMI, UNKNOWN (eval will say what is wrong)
                    complete.add(info.source());
                    pending = info.remaining();
                }
            }
        }
        pending = "";
        return complete;
        // <<< stage 12
    }
    // end::complete[]

    // tag::evaluate[]
    /** Runs one complete snippet and says what came of it, as the message to send. */
    private String evaluate(String snippet) {
        // >>> stage 12 evaluate: shell().eval(snippet) gives events; look at the one for the snippet itself (causeSnippet() == null): "error: " + errors(...) if its status() is REJECTED, "exception " + describe(...) if it has an exception(), its value() if that is not null or empty, else "ok"
        String result = "ok";
        for (SnippetEvent event : shell().eval(snippet)) {
            if (event.causeSnippet() != null) {
                continue; // an earlier snippet updated because of this one
            }
            if (event.status() == Snippet.Status.REJECTED) {
                return "error: " + errors(event.snippet());
            }
            if (event.exception() != null) {
                return "exception " + describe(event.exception());
            }
            if (event.value() != null && !event.value().isEmpty()) {
                result = event.value();
            }
        }
        return result;
        // <<< stage 12
    }
    // end::evaluate[]

    /** The compiler's error messages about a snippet, without the "location: class" that says nothing here. */
    private String errors(Snippet snippet) {
        return shell().diagnostics(snippet).filter(Diag::isError)
                .flatMap(diag -> diag.getMessage(Locale.ROOT).lines())
                .map(String::stripTrailing)
                .filter(line -> !line.strip().equals("location: class"))
                .collect(Collectors.joining("\n"));
    }

    /** An exception a snippet threw, as its class and message: {@code java.lang.ArithmeticException: / by zero}. */
    private static String describe(JShellException exception) {
        String type = exception instanceof EvalException thrown ? thrown.getExceptionClassName()
                : exception.getClass().getName();
        return exception.getMessage() == null ? type : type + ": " + exception.getMessage();
    }

    // tag::start[]
    /** The JShell, started at the first call: local execution, and the definitions every snippet sees. */
    private JShell shell() {
        if (shell == null) {
            shell = JShell.builder()
                    .executionEngine(new LocalExecution(Interpreter.class.getClassLoader()), Map.of())
                    .build();
            shell.addToClasspath(kitClassPath());
            session = Session.open(this, this::ask);
            for (String definition : List.of(
                    "import java.util.*;",
                    "import java.util.stream.*;",
                    "import axon.*;",
                    "import kamaelia.chassis.*;",
                    "import kamaelia.experimental.*;",
                    "import kamaelia.util.*;",
                    "Session session = Session.of(\"" + name() + "\");",
                    "Interpreter self = session.interpreter();",
                    "Scheduler scheduler = session.scheduler();",
                    "Snapshot look() { return session.look(); }",
                    "Component component(String name) { return session.component(name); }")) {
                for (SnippetEvent event : shell.eval(definition)) {
                    if (event.status() != Snippet.Status.VALID || event.exception() != null) {
                        throw new IllegalStateException(name() + " could not prepare its snippets: \"" + definition
                                + "\" gave " + event.status() + " " + errors(event.snippet()));
                    }
                }
            }
        }
        return shell;
    }
    // end::start[]

    private void stopShell() {
        if (shell != null) {
            session.close();
            shell.close();
        }
    }

    /** Where the kit's classes are, for the compiler: the folder or jar this class came from. */
    private static String kitClassPath() {
        try {
            return Path.of(Interpreter.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException | RuntimeException e) {
            throw new IllegalStateException("the interpreter cannot tell where the kit's classes are, so its"
                    + " snippets could not use them: run it from a folder or a jar on the class path", e);
        }
    }

    // tag::ask[]
    /**
     * On a snippet's thread, while the body waits for the snippet: sends a question out of
     * {@code questions} and waits for the next answer on {@code answers}.
     */
    private Object ask(Object question) {
        try {
            while (dataReady("answers")) {
                recv("answers"); // a late answer to an earlier question
            }
            send(question, "questions");
            long deadline = System.nanoTime() + ASK_PATIENCE.toNanos();
            while (!dataReady("answers")) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("no answer on \"answers\" within " + ASK_PATIENCE.toSeconds()
                            + " s: link the interpreter's \"questions\" outbox to a component that answers"
                            + " (for look(), an Introspector), and its outbox back to \"answers\"");
                }
                pause(Duration.ofNanos(left));
            }
            return recv("answers");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for an answer", e);
        }
    }
    // end::ask[]
}
