package org.byoaxon.tools;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Finds the places of a solution's regions in a learner's copy of the file, and plans
 * the edits that reset or catch-up make there, touching nothing else.
 *
 * <p>A learner writes inside the regions, and may also change the rest of the file: add a
 * comment, an import or a helper method, reformat, rename. So the lines around a region
 * are looked for the way {@code patch} looks for a hunk's context: the last lines of the
 * shared text before the region (up to {@value #CONTEXT}), then the first following lines
 * of the shared text after it, compared without whitespace. The region is what lies
 * between, and it must be balanced in braces (the learner's code compiles only if it is),
 * which tells a closing brace of the learner's own code from the one after the region. A
 * region whose surroundings cannot be found this way is a conflict: {@link #plan} says
 * which, and the caller leaves the learner's file alone.
 */
final class Merge {
    /** The most lines of context looked for on each side of a region. */
    static final int CONTEXT = 3;

    private Merge() {
    }

    /** What a command does with a region: give its answer, its untouched start, or leave the learner's text. */
    enum Action { SOLVE, STUB, KEEP }

    /** Replace lines {@code from} (inclusive) to {@code to} (exclusive) of the learner's file with {@code lines}. */
    record Edit(int from, int to, List<String> lines) {
    }

    /** The outcome of planning: the edits, or the region whose place could not be found. */
    record Plan(List<Edit> edits, Segment.Region lost) {
        boolean conflict() {
            return lost != null;
        }
    }

    /** The lines a learner's copy of a region is made of, from and to (exclusive). */
    record Span(int from, int to) {
    }

    /**
     * Plans the edits that give each region the action {@code choose} picks, in the
     * learner's lines; regions kept as they are, but holding a nested region that must
     * change, are searched the same way inside.
     *
     * @param solvedBelow regions nested in a solved one are solved below this stage, stubbed from it on
     */
    static Plan plan(SourceFile solution, List<String> learner, Function<Segment.Region, Action> choose,
            int solvedBelow) {
        List<Edit> edits = new ArrayList<>();
        Segment.Region lost = plan(solution.segments, learner, 0, learner.size(), choose, solvedBelow, edits);
        edits.sort((a, b) -> Integer.compare(b.from(), a.from()));
        return new Plan(edits, lost);
    }

    /** Applies edits (planned on these lines) and returns the new lines. */
    static List<String> apply(List<String> lines, List<Edit> edits) {
        List<String> result = new ArrayList<>(lines);
        for (Edit edit : edits) { // last first, so that earlier line numbers stay right
            result.subList(edit.from(), edit.to()).clear();
            result.addAll(edit.from(), edit.lines());
        }
        return result;
    }

    /** Whether any region among these segments (nested ones included) gets something other than KEEP. */
    static boolean touches(List<Segment> segments, Function<Segment.Region, Action> choose) {
        for (Segment segment : segments) {
            if (segment instanceof Segment.Region region
                    && (choose.apply(region) != Action.KEEP || touches(region.answer(), choose))) {
                return true;
            }
        }
        return false;
    }

    private static Segment.Region plan(List<Segment> segments, List<String> lines, int from, int to,
            Function<Segment.Region, Action> choose, int solvedBelow, List<Edit> edits) {
        List<List<String>> chunks = sharedChunks(segments);
        List<Segment.Region> regions = segments.stream().filter(s -> s instanceof Segment.Region)
                .map(s -> (Segment.Region) s).toList();
        int position = from;
        for (int i = 0; i < regions.size(); i++) {
            Segment.Region region = regions.get(i);
            Action action = choose.apply(region);
            boolean inside = action == Action.KEEP && touches(region.answer(), choose);
            Span span = find(lines, position, to, chunks.get(i), chunks.get(i + 1), i == 0,
                    i == regions.size() - 1);
            if (span == null) {
                if (action != Action.KEEP || inside) {
                    return region;
                }
                continue;
            }
            switch (action) {
                case SOLVE -> edits.add(new Edit(span.from(), span.to(), withoutDocTags(Render.answer(region, solvedBelow))));
                case STUB -> edits.add(new Edit(span.from(), span.to(), Render.stub(region)));
                case KEEP -> {
                    // a region still as it started holds no nested region yet: nothing inside to change
                    if (inside && !sameLines(lines.subList(span.from(), span.to()), Render.stub(region))) {
                        Segment.Region nested = plan(region.answer(), lines, span.from(), span.to(), choose,
                                solvedBelow, edits);
                        if (nested != null) {
                            return nested;
                        }
                    }
                }
            }
            position = span.to();
        }
        return null;
    }

    /** The learner's copy of the region between the shared chunks {@code before} and {@code after}, or null. */
    static Span find(List<String> lines, int from, int to, List<String> before, List<String> after, boolean first,
            boolean last) {
        int start = before.isEmpty() && first ? from : startAfter(lines, from, to, before);
        if (start < 0) {
            return null;
        }
        int end = after.isEmpty() && last ? to : endBefore(lines, start, to, after);
        return end < 0 ? null : new Span(start, end);
    }

    /** Just after the last lines of {@code before}, found from {@code from} on; -1 when not found safely. */
    private static int startAfter(List<String> lines, int from, int to, List<String> before) {
        int most = Math.min(CONTEXT, before.size());
        for (int k = most; k >= 1; k--) {
            List<String> tail = before.subList(before.size() - k, before.size());
            if (blank(tail)) {
                continue;
            }
            List<Integer> found = occurrences(lines, from, to, tail);
            if (found.isEmpty()) {
                continue;
            }
            if (k < most && found.size() > 1) {
                return -1; // a shorter context that occurs twice could be either: do not guess
            }
            return found.getFirst() + k;
        }
        return -1;
    }

    /** The first place from {@code start} on where {@code after} begins and the lines before it are balanced. */
    private static int endBefore(List<String> lines, int start, int to, List<String> after) {
        int most = Math.min(CONTEXT, after.size());
        for (int k = most; k >= 1; k--) {
            List<String> head = after.subList(0, k);
            if (blank(head)) {
                continue;
            }
            for (int at : occurrences(lines, start, to, head)) {
                if (balanced(lines.subList(start, at))) {
                    // blank lines a learner added just before a blank line of the kit's belong with it, not the region
                    while (head.getFirst().isBlank() && at > start && lines.get(at - 1).isBlank()) {
                        at--;
                    }
                    return at;
                }
            }
        }
        return -1;
    }

    private static List<Integer> occurrences(List<String> lines, int from, int to, List<String> chunk) {
        List<Integer> found = new ArrayList<>();
        for (int i = from; i + chunk.size() <= to; i++) {
            if (startsAt(lines, i, chunk)) {
                found.add(i);
            }
        }
        return found;
    }

    private static boolean startsAt(List<String> lines, int at, List<String> chunk) {
        for (int j = 0; j < chunk.size(); j++) {
            if (!same(lines.get(at + j), chunk.get(j))) {
                return false;
            }
        }
        return true;
    }

    /** Two lines are the same when they differ only in whitespace (indentation, spacing, line ends). */
    static boolean same(String a, String b) {
        return squeeze(a).equals(squeeze(b));
    }

    private static String squeeze(String line) {
        return line.replaceAll("\\s+", "");
    }

    private static boolean sameLines(List<String> a, List<String> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!same(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean blank(List<String> lines) {
        return lines.stream().allMatch(String::isBlank);
    }

    /**
     * Whether braces open and close in order and as often in these lines, not counting
     * those in comments, strings and character literals.
     */
    static boolean balanced(List<String> lines) {
        int depth = 0;
        boolean blockComment = false;
        boolean textBlock = false;
        for (String line : lines) {
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (blockComment) {
                    if (line.startsWith("*/", i)) {
                        blockComment = false;
                        i++;
                    }
                } else if (textBlock) {
                    if (line.startsWith("\"\"\"", i)) {
                        textBlock = false;
                        i += 2;
                    } else if (c == '\\') {
                        i++;
                    }
                } else if (line.startsWith("//", i)) {
                    break;
                } else if (line.startsWith("/*", i)) {
                    blockComment = true;
                    i++;
                } else if (line.startsWith("\"\"\"", i)) {
                    textBlock = true;
                    i += 2;
                } else if (c == '"' || c == '\'') {
                    i = endOfLiteral(line, i, c);
                } else if (c == '{') {
                    depth++;
                } else if (c == '}' && --depth < 0) {
                    return false;
                }
            }
        }
        return depth == 0 && !blockComment && !textBlock;
    }

    private static int endOfLiteral(String line, int open, char quote) {
        for (int i = open + 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == quote) {
                return i;
            }
        }
        return line.length();
    }

    /** The shared lines before, between and after the regions of these segments, without documentation tags. */
    private static List<List<String>> sharedChunks(List<Segment> segments) {
        List<List<String>> chunks = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (Segment segment : segments) {
            switch (segment) {
                case Segment.Shared shared -> current.addAll(withoutDocTags(shared.lines()));
                case Segment.Region region -> {
                    chunks.add(current);
                    current = new ArrayList<>();
                }
            }
        }
        chunks.add(current);
        return chunks;
    }

    private static List<String> withoutDocTags(List<String> lines) {
        List<String> kept = new ArrayList<>(lines);
        kept.removeIf(line -> SourceFile.DOC_TAG.matcher(line).matches());
        return kept;
    }
}
