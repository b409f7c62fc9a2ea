package org.byoaxon.tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hints of a stage, read from its handbook chapter: each is a block titled
 * {@code .Hint N: title}, gentlest first. Code the chapter includes from the kit's
 * sources is filled in, so a hint reads the same in the terminal as in the handbook.
 */
final class Hints {
    private static final Pattern TITLE = Pattern.compile("^\\.(Hint \\d+.*)$");
    private static final Pattern INCLUDE = Pattern.compile(
            "^include::\\{(solutions|exercises|views)}/([^\\[]+)\\[tag=([\\w.-]+)]$");

    record Hint(String title, List<String> lines) {
    }

    private Hints() {
    }

    /** The hints in a chapter's text, with includes of kit sources filled in from {@code root}. */
    static List<Hint> read(String chapter, Path root) {
        List<Hint> hints = new ArrayList<>();
        String[] lines = chapter.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher title = TITLE.matcher(lines[i]);
            if (!title.matches()) {
                continue;
            }
            int open = i + 1;
            while (open < lines.length && !lines[open].equals("====")) {
                open++;
            }
            List<String> body = new ArrayList<>();
            int j = open + 1;
            for (; j < lines.length && !lines[j].equals("===="); j++) {
                Matcher include = INCLUDE.matcher(lines[j]);
                if (include.matches()) {
                    body.addAll(included(root, include.group(1), include.group(2), include.group(3)));
                } else if (!lines[j].startsWith("[source")) {
                    body.add(lines[j]);
                }
            }
            hints.add(new Hint(title.group(1), body));
            i = j;
        }
        return hints;
    }

    /** The lines between {@code tag::name[]} and {@code end::name[]} in a file of the solutions or exercises view. */
    private static List<String> included(Path root, String tree, String file, String tag) {
        int solvedBelow = tree.equals("solutions") ? Integer.MAX_VALUE : 1;
        Matcher after = Pattern.compile("^after-stage-(\\d+)/(.*)$").matcher(file);
        if (tree.equals("views") && after.matches()) {
            solvedBelow = Integer.parseInt(after.group(1)) + 1;
            file = after.group(2);
        }
        Path source = root.resolve("solutions/src/main/java").resolve(file);
        String text;
        try {
            text = Files.readString(source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String view = Render.render(SourceFile.parse(file, text), solvedBelow, true, Map.of());
        List<String> out = new ArrayList<>();
        boolean inside = false;
        for (String line : view.split("\n", -1)) {
            if (line.trim().equals("// end::" + tag + "[]")) {
                inside = false;
            } else if (line.trim().equals("// tag::" + tag + "[]")) {
                inside = true;
            } else if (inside && !SourceFile.DOC_TAG.matcher(line).matches()) {
                out.add(line);
            }
        }
        return out;
    }
}
