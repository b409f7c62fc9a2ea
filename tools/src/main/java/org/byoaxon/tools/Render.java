package org.byoaxon.tools;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns a parsed solution file back into text: as an exercise, as a solution, or anything between. */
final class Render {
    private static final String TODO_IMPORT = "import axon.Todo;";

    private Render() {
    }

    /** The untouched exercise of a region: its TODO comment, then its skeleton or a {@code throw new Todo}. */
    static List<String> stub(Segment.Region region) {
        List<String> lines = new ArrayList<>();
        lines.add(region.indent() + "// TODO stage " + region.stage() + ": " + region.task());
        if (region.skeleton() != null) {
            lines.addAll(region.skeleton());
        } else {
            lines.add(region.indent() + "throw new Todo(" + region.stage() + ");");
        }
        return lines;
    }

    /**
     * Renders a file.
     *
     * @param solvedBelow regions of a stage below this number get their answer, the others their stub
     * @param keepDocTags whether documentation tag lines stay in (the handbook's views) or go (learners' files)
     * @param kept        region index to lines that replace the region whatever its stage (a learner's work)
     */
    static String render(SourceFile file, int solvedBelow, boolean keepDocTags, Map<Integer, List<String>> kept) {
        List<String> out = new ArrayList<>();
        int index = 0;
        for (Segment segment : file.segments) {
            switch (segment) {
                case Segment.Shared shared -> out.addAll(shared.lines());
                case Segment.Region region -> {
                    if (kept.containsKey(index)) {
                        out.addAll(kept.get(index));
                    } else {
                        out.addAll(region(region, solvedBelow, keepDocTags));
                    }
                    index++;
                }
            }
        }
        if (!keepDocTags) {
            out.removeIf(line -> SourceFile.DOC_TAG.matcher(line).matches());
        }
        addTodoImport(out);
        return String.join("\n", out);
    }

    /** A region's answer as a learner's file has it: nested regions solved below {@code solvedBelow}, no tags. */
    static List<String> answer(Segment.Region region, int solvedBelow) {
        List<String> lines = new ArrayList<>();
        for (Segment segment : region.answer()) {
            switch (segment) {
                case Segment.Shared shared -> lines.addAll(shared.lines());
                case Segment.Region inner -> lines.addAll(region(inner, solvedBelow, false));
            }
        }
        lines.removeIf(line -> SourceFile.DOC_TAG.matcher(line).matches());
        return lines;
    }

    /**
     * A region's lines: its answer (with nested regions rendered the same way) or its stub.
     * With documentation tags, a named region is wrapped in a tag made from its name:
     * {@code answer-NAME} around its answer, {@code todo-NAME} around its stub.
     */
    private static List<String> region(Segment.Region region, int solvedBelow, boolean docTags) {
        if (region.stage() >= solvedBelow) {
            return tagged(region, "todo-", docTags, stub(region));
        }
        List<String> lines = new ArrayList<>();
        for (Segment segment : region.answer()) {
            switch (segment) {
                case Segment.Shared shared -> lines.addAll(shared.lines());
                case Segment.Region inner -> lines.addAll(region(inner, solvedBelow, docTags));
            }
        }
        return tagged(region, "answer-", docTags, lines);
    }

    /** {@code lines} inside the tag {@code PREFIX + NAME} when the views keep tags and the region has a name. */
    private static List<String> tagged(Segment.Region region, String prefix, boolean docTags, List<String> lines) {
        if (!docTags || region.name() == null) {
            return lines;
        }
        List<String> out = new ArrayList<>();
        out.add(region.indent() + "// tag::" + prefix + region.name() + "[]");
        out.addAll(lines);
        out.add(region.indent() + "// end::" + prefix + region.name() + "[]");
        return out;
    }

    /** Outside package axon, code that throws Todo needs to import it; it goes where a sorted import list has it. */
    static void addTodoImport(List<String> lines) {
        boolean inAxon = lines.contains("package axon;");
        boolean throwsTodo = lines.stream().anyMatch(line -> line.contains("new Todo("));
        if (inAxon || !throwsTodo || lines.contains(TODO_IMPORT)) {
            return;
        }
        int packageLine = -1;
        int lastImport = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("package ")) {
                packageLine = i;
            } else if (line.startsWith("import ") && !line.startsWith("import static ")) {
                if (line.compareTo(TODO_IMPORT) > 0) {
                    lines.add(i, TODO_IMPORT);
                    return;
                }
                lastImport = i;
            }
        }
        if (lastImport >= 0) {
            lines.add(lastImport + 1, TODO_IMPORT);
        } else {
            lines.add(packageLine + 1, "");
            lines.add(packageLine + 2, TODO_IMPORT);
        }
    }

    /** The learner's file without the import the generator adds, so that it can be matched to the shared chunks. */
    static List<String> withoutTodoImport(List<String> lines) {
        List<String> copy = new ArrayList<>(lines);
        int at = copy.indexOf(TODO_IMPORT);
        if (at < 0) {
            return copy;
        }
        copy.remove(at);
        boolean otherImports = copy.stream().anyMatch(line -> line.startsWith("import "));
        if (!otherImports && at > 0 && copy.get(at - 1).isEmpty() && at < copy.size() && copy.get(at).isEmpty()) {
            copy.remove(at - 1);
        }
        return copy;
    }
}
