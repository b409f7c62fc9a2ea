package org.byoaxon.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the watch loop shows instead of the board when the code does not compile: each
 * of the compiler's messages with its file and line, and the place marked TODO that the
 * line is in, so that a learner knows which stage's code to look at.
 */
final class CompileReport {
    private static final Pattern TODO = Pattern.compile("^(\\s*)// TODO stage (\\d+):\\s*(.*)$");
    private static final int MAX_SHOWN = 5;

    private CompileReport() {
    }

    static String of(Path root, List<Javac.Problem> problems) {
        StringBuilder out = new StringBuilder("\nYour code does not compile, so nothing was graded");
        out.append(problems.size() == 1 ? ":\n\n" : " (" + problems.size() + " errors):\n\n");
        for (Javac.Problem problem : problems.subList(0, Math.min(MAX_SHOWN, problems.size()))) {
            out.append("  ").append(problem.file()).append(':').append(problem.line());
            String place = place(root, problem);
            out.append(place.isEmpty() ? "" : " (" + place + ")").append('\n');
            for (String line : problem.message().split("\\R")) {
                out.append("    ").append(line).append('\n');
            }
        }
        if (problems.size() > MAX_SHOWN) {
            out.append("  ... and ").append(problems.size() - MAX_SHOWN).append(" more; the first one often causes the"
                    + " others.\n");
        }
        return out.toString();
    }

    /**
     * The stage and task of the TODO comment whose place holds the line: the nearest one
     * above it, as long as no line between them is indented less than the comment (which
     * would close the method or class the place is in).
     */
    static String place(Path root, Javac.Problem problem) {
        if (problem.file().isEmpty() || problem.line() < 1) {
            return "";
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(root.resolve(problem.file()));
        } catch (IOException | RuntimeException e) {
            return "";
        }
        int at = (int) Math.min(problem.line(), lines.size()) - 1;
        int shallowest = Integer.MAX_VALUE;
        for (int i = at; i >= 0; i--) {
            String line = lines.get(i);
            Matcher todo = TODO.matcher(line);
            if (todo.matches()) {
                return todo.group(1).length() <= shallowest
                        ? "stage " + todo.group(2) + "'s place: " + todo.group(3) : "outside the places marked TODO";
            }
            if (!line.isBlank()) {
                shallowest = Math.min(shallowest, line.length() - line.stripLeading().length());
            }
        }
        return "outside the places marked TODO";
    }
}
