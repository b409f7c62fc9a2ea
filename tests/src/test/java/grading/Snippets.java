package grading;

import grading.support.ThreadDump;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jdk.jshell.JShell;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.execution.LocalExecutionControlProvider;

/**
 * Why an interpreter may have given no answer to the lines typed since its last one: the
 * tests' own reading of those lines with JShell's {@code analyzeCompletion}, the way the
 * handbook's "Snippets, lines and answers" splits them. Used only once an answer is late.
 */
final class Snippets {
    /**
     * A frame of the interpreter in a plain-text thread dump, as JDK 25 writes it ("at
     * kamaelia.experimental.Interpreter.body(Interpreter.java:1)") or JDK 21 (without "at").
     */
    private static final Pattern INTERPRETER_FRAME = Pattern.compile(
            "(?:\\S+/)?kamaelia\\.experimental\\.Interpreter\\.(\\w+)\\((Interpreter\\.java:\\d+)\\)");

    /**
     * How long the interpreter's thread must be found in {@code completeSnippets}, at every
     * look, to be called looping: many times what a pass takes on a slow, busy machine.
     */
    static final Duration LOOPS_FOR = Duration.ofSeconds(4);
    /**
     * How long the interpreter must be found waiting for a line, with every line typed gone
     * out, to be called done while an answer is still due: many times what a line takes to
     * reach it, and an answer to come back, on a slow, busy machine.
     */
    static final Duration IDLE_FOR = Duration.ofSeconds(3);

    private Snippets() {
    }

    /**
     * A sentence saying why no answer came to the lines typed since the last one: the method
     * of the interpreter that is still running, if one is (a {@code completeSnippets} that
     * took an incomplete text for a complete one loops for ever), else what JShell makes of
     * the lines and what the interpreter should have done with them.
     *
     * @param interpreter the name of the interpreter, which is the name of its thread
     */
    static String whyNoAnswer(List<String> lines, int answered, String interpreter, long seconds) {
        String shown = lines.stream().map(line -> "\"" + line + "\"").collect(Collectors.joining(", then "));
        String late = "no answer within " + seconds + " s to " + shown
                + (answered == 0 ? "" : " after " + answered + (answered == 1 ? " answer" : " answers") + " to it");
        try (JShell shell = JShell.builder()
                .executionEngine(new LocalExecutionControlProvider(), Map.of()).build()) {
            SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
            Optional<String> running = runningIn(interpreter);
            Optional<String> incomplete = firstIncomplete(analysis, lines);
            if (running.isPresent() && running.get().startsWith("Interpreter.completeSnippets")) {
                return running.get() + " was still running after " + seconds + " s, on " + shown + ": "
                        + incomplete.map(text -> text + ": its source() is no snippet and its remaining() is the"
                                + " same text, so a loop that takes it as complete never ends. Return there,"
                                + " keeping pending, and wait for the next line")
                        .orElse("the loop over pending must end once it is blank, EMPTY (only a comment left)"
                                + " or incomplete");
            }
            if (running.isPresent()) {
                return running.get() + " was still running after " + seconds + " s, on " + shown;
            }
            Optional<String> complete = nthComplete(analysis, String.join("\n", lines), answered);
            if (complete.isPresent() && answered > 0) {
                return late + ". JShell finds " + complete.get() + " after those, so it must run and answer now:"
                        + " completeSnippets must take every complete snippet from pending, in order, going on each"
                        + " time with remaining(); if it did return it, evaluate must answer it out of outbox";
            }
            if (complete.isPresent()) {
                return late + ". JShell finds " + complete.get() + ", so it must run and answer now: if"
                        + " completeSnippets kept it waiting for more lines, only DEFINITELY_INCOMPLETE and"
                        + " CONSIDERED_INCOMPLETE wait; if it did return it, evaluate must answer it out of outbox";
            }
            return late + " (JShell finds them incomplete, so no answer was due yet)";
        } catch (RuntimeException e) {
            return late;
        }
    }

    /**
     * Watches the interpreter's thread while a test waits for an answer, and says, each time
     * it is asked, whether none can come any more: the thread has been in
     * {@code completeSnippets} at every look for {@link #LOOPS_FOR} (a loop that never ends:
     * a pass over a line takes JShell's analysis milliseconds once the shell has started, and
     * starting it is {@code Interpreter.shell}, not counted here), or it has waited in
     * {@code body} for the next line at every look for {@link #IDLE_FOR} while every line
     * typed had gone out (the answer was lost). A correct interpreter is found in either
     * place now and then, never at every look while an answer is due.
     */
    static final class Watch implements BooleanSupplier {
        private final String interpreter;
        private final Terminal terminal;
        private long completingSince = -1;
        private long idleSince = -1;
        private volatile boolean looping;

        /** @param interpreter the name of the interpreter, which is the name of its thread */
        Watch(String interpreter, Terminal terminal) {
            this.interpreter = interpreter;
            this.terminal = terminal;
        }

        @Override
        public boolean getAsBoolean() {
            Optional<String> at = frameIn(interpreter).map(Frame::method);
            long now = System.nanoTime();
            completingSince = at.filter("completeSnippets"::equals).isEmpty() ? -1
                    : completingSince < 0 ? now : completingSince;
            idleSince = at.filter("body"::equals).isEmpty() || !terminal.allSent() ? -1
                    : idleSince < 0 ? now : idleSince;
            looping = completingSince >= 0 && now - completingSince >= LOOPS_FOR.toNanos();
            return looping || idleSince >= 0 && now - idleSince >= IDLE_FOR.toNanos();
        }

        /** Whether the watch found the interpreter looping in completeSnippets, which will not end when told to. */
        boolean looping() {
            return looping;
        }
    }

    /** "\"for (...)\" is CONSIDERED_INCOMPLETE" for the first line that leaves the text incomplete, line by line. */
    private static Optional<String> firstIncomplete(SourceCodeAnalysis analysis, List<String> lines) {
        String pending = "";
        for (String line : lines) {
            pending = pending.isEmpty() ? line : pending + "\n" + line;
            while (!pending.isBlank()) {
                SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(pending);
                Completeness kind = info.completeness();
                if (kind == Completeness.EMPTY) {
                    pending = "";
                } else if (!kind.isComplete()) {
                    return Optional.of("JShell finds \"" + pending.replace("\n", " ") + "\" " + kind);
                } else {
                    pending = info.remaining();
                }
            }
        }
        return Optional.empty();
    }

    /**
     * "\"int x = 1\" a complete snippet (COMPLETE_WITH_SEMI: ...)" for the complete snippet
     * after the first {@code skipped} of the text, or empty when the text holds no more.
     */
    private static Optional<String> nthComplete(SourceCodeAnalysis analysis, String text, int skipped) {
        SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(text);
        for (int i = 0; i < skipped; i++) {
            if (info.completeness() == Completeness.EMPTY || !info.completeness().isComplete()) {
                return Optional.empty();
            }
            info = analysis.analyzeCompletion(info.remaining());
        }
        Completeness kind = info.completeness();
        if (kind == Completeness.EMPTY || !kind.isComplete()) {
            return Optional.empty();
        }
        String why = switch (kind) {
            case COMPLETE_WITH_SEMI -> "COMPLETE_WITH_SEMI: complete, and source() adds the missing semicolon";
            case UNKNOWN -> "UNKNOWN: complete as far as it can tell, and eval will say what is wrong with it";
            default -> kind.name();
        };
        return Optional.of("\"" + info.source().strip() + "\" a complete snippet (" + why + ")");
    }

    /** The top-most frame of the interpreter on a thread: its method, "body" when idle, and its place. */
    private record Frame(String method, String place) {
    }

    /** Where the named thread is in the interpreter now, if it is. */
    private static Optional<Frame> frameIn(String threadName) {
        boolean inThread = false;
        for (String line : ThreadDump.lines()) {
            if (line.startsWith("#")) {
                inThread = line.contains("\"" + threadName + "\"");
                continue;
            }
            Matcher frame = INTERPRETER_FRAME.matcher(line);
            if (inThread && frame.find()) {
                return Optional.of(new Frame(frame.group(1), frame.group(2)));
            }
        }
        return Optional.empty();
    }

    /** "Interpreter.completeSnippets (Interpreter.java:262)": where the named thread runs in the interpreter now. */
    private static Optional<String> runningIn(String threadName) {
        // the body waiting for the next line is where an idle interpreter is
        return frameIn(threadName).filter(frame -> !frame.method().equals("body"))
                .map(frame -> "Interpreter." + frame.method() + " (" + frame.place() + ")");
    }
}
