package grading;

import grading.support.ThreadDump;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    /** A frame of the interpreter in a plain-text thread dump. */
    private static final Pattern INTERPRETER_FRAME = Pattern.compile(
            "at (?:\\S+/)?kamaelia\\.experimental\\.Interpreter\\.(\\w+)\\((Interpreter\\.java:\\d+)\\)");

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
    static String whyNoAnswer(List<String> lines, String interpreter, long seconds) {
        String shown = lines.stream().map(line -> "\"" + line + "\"").collect(Collectors.joining(", then "));
        String late = "no answer within " + seconds + " s to " + shown;
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
                        .orElse("the loop over pending must end once it is blank or incomplete");
            }
            if (running.isPresent()) {
                return running.get() + " was still running after " + seconds + " s, on " + shown;
            }
            Optional<String> complete = firstComplete(analysis, String.join("\n", lines));
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

    /** "\"int x = 1\" a complete snippet (COMPLETE_WITH_SEMI: ...)", or empty when the text holds none. */
    private static Optional<String> firstComplete(SourceCodeAnalysis analysis, String text) {
        SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(text);
        Completeness kind = info.completeness();
        if (kind == Completeness.EMPTY || !kind.isComplete()) {
            return Optional.empty();
        }
        String why = switch (kind) {
            case COMPLETE_WITH_SEMI -> "COMPLETE_WITH_SEMI: complete, and source() adds the missing semicolon";
            case UNKNOWN -> "UNKNOWN: complete as far as it can tell, and eval will say what is wrong with it";
            default -> kind.name();
        };
        return Optional.of("\"" + info.source() + "\" a complete snippet (" + why + ")");
    }

    /** "Interpreter.completeSnippets (Interpreter.java:262)": where the named thread is in the interpreter now. */
    private static Optional<String> runningIn(String threadName) {
        boolean inThread = false;
        for (String line : ThreadDump.lines()) {
            if (line.startsWith("#")) {
                inThread = line.contains("\"" + threadName + "\"");
                continue;
            }
            Matcher frame = INTERPRETER_FRAME.matcher(line);
            if (inThread && frame.find()) {
                // the body waiting for the next line is where an idle interpreter is
                return frame.group(1).equals("body") ? Optional.empty()
                        : Optional.of("Interpreter." + frame.group(1) + " (" + frame.group(2) + ")");
            }
        }
        return Optional.empty();
    }
}
