package org.byoaxon.tools;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A solution source file split into shared text and marked regions.
 *
 * <p>The markers:
 * <pre>
 * // >>> stage 3 take: what the learner writes here
 * //| a skeleton line the exercise starts with (optional; a lone "//|" means "start with nothing")
 * the reference code
 * // <<< stage 3
 * </pre>
 * The word after the stage number ({@code take}) names the region; it is optional, and
 * unique in its file. The handbook's views wrap a named region in an include tag made from
 * that name: its answer in {@code answer-take}, its stub (the TODO a learner starts from) in
 * {@code todo-take}, so a chapter shows either by name and no tag is written twice.
 * A region without skeleton lines becomes {@code throw new Todo(3);} in the exercise,
 * so it must be the end of a method body. A region may hold regions of later stages: a
 * method written in one stage and changed in a later one. They show up in an exercise
 * only once the region around them is solved (after a catch-up). Documentation tags
 * ({@code // tag::name[]}, {@code // end::name[]}) may appear anywhere.
 */
final class SourceFile {
    private static final Pattern OPEN = Pattern.compile("^(\\s*)// >>> stage (\\d+)(?: ([a-z][\\w.-]*))?:\\s*(.*)$");
    private static final Pattern CLOSE = Pattern.compile("^\\s*// <<< stage (\\d+)\\s*$");
    private static final Pattern SKELETON = Pattern.compile("^(\\s*)//\\|(?: (.*))?$");
    private static final Pattern REGION_TAG = Pattern.compile("^\\s*// (?:tag|end)::(answer|todo)-([\\w.-]+)\\[]\\s*$");
    static final Pattern DOC_TAG = Pattern.compile("^\\s*// (tag|end)::[\\w.-]+\\[]\\s*$");

    final String path;
    final List<Segment> segments;

    private SourceFile(String path, List<Segment> segments) {
        this.path = path;
        this.segments = segments;
    }

    /** Splits a file's text into segments; a malformed marker is an error naming the file and line. */
    static SourceFile parse(String path, String text) {
        String[] lines = Text.of(text).lines().toArray(String[]::new);
        checkNames(path, lines);
        checkNoTagAroundARegion(path, lines);
        int[] position = {0};
        List<Segment> segments = parseUntil(path, lines, position, 0, 0);
        return new SourceFile(path, segments);
    }

    /**
     * Region names are unique in a file, and they are the only source of the tags made from
     * them: a hand-written {@code tag::answer-NAME[]} or {@code tag::todo-NAME[]} would say
     * the same thing twice.
     */
    private static void checkNames(String path, String[] lines) {
        java.util.Map<String, Integer> seen = new java.util.HashMap<>();
        for (int i = 0; i < lines.length; i++) {
            Matcher open = OPEN.matcher(lines[i]);
            if (open.matches() && open.group(3) != null) {
                Integer first = seen.putIfAbsent(open.group(3), i + 1);
                if (first != null) {
                    throw new IllegalArgumentException(path + ":" + (i + 1) + ": the region name '" + open.group(3)
                            + "' is already used on line " + first + ": give each region of a file its own name");
                }
            }
            Matcher tag = REGION_TAG.matcher(lines[i]);
            if (tag.matches()) {
                throw new IllegalArgumentException(path + ":" + (i + 1) + ": an " + tag.group(1)
                        + " tag is made from the region's name; write '// >>> stage N " + tag.group(2)
                        + ": ...' instead of '// tag::" + tag.group(1) + "-" + tag.group(2) + "[]'");
            }
        }
    }

    /**
     * A hand-written tag that wraps exactly one region, from the line before its opening
     * marker to the line after its close (blank lines aside, on either side), marks what the region already marks: the views
     * tag every named region ({@code todo-NAME}, {@code answer-NAME}), so a chapter includes
     * those instead.
     */
    private static void checkNoTagAroundARegion(String path, String[] lines) {
        for (int i = 0; i + 1 < lines.length; i++) {
            Matcher tag = DOC_TAG.matcher(lines[i]);
            if (!tag.matches() || !tag.group(1).equals("tag")) {
                continue;
            }
            int first = i + 1;
            while (first < lines.length && lines[first].isBlank()) {
                first++;
            }
            Matcher open = OPEN.matcher(first < lines.length ? lines[first] : "");
            if (!open.matches()) {
                continue;
            }
            int after = closeOf(lines, first) + 1;
            while (after < lines.length && lines[after].isBlank()) {
                after++;
            }
            String name = lines[i].trim().substring("// tag::".length()).replace("[]", "");
            if (after < lines.length && lines[after].trim().equals("// end::" + name + "[]")) {
                String region = open.group(3) == null ? "NAME" : open.group(3);
                throw new IllegalArgumentException(path + ":" + (i + 1) + ": the tag '" + name + "' wraps exactly the"
                        + " region of line " + (first + 1) + ", which the views tag already: include tag=todo-" + region
                        + " (the exercise) or tag=answer-" + region + " (the answer)"
                        + (open.group(3) == null ? ", after naming the region ('// >>> stage N NAME: ...')" : "")
                        + ", and remove this tag");
            }
        }
    }

    /** The line of the marker that closes the region opened at {@code open}, or the last line if none does. */
    private static int closeOf(String[] lines, int open) {
        int depth = 0;
        for (int i = open; i < lines.length; i++) {
            if (OPEN.matcher(lines[i]).matches()) {
                depth++;
            } else if (CLOSE.matcher(lines[i]).matches() && --depth == 0) {
                return i;
            }
        }
        return lines.length - 1;
    }

    /**
     * Parses from {@code position[0]} up to the close of the enclosing region of stage
     * {@code closing} (0: up to the end of the file), which is consumed.
     */
    private static List<Segment> parseUntil(String path, String[] lines, int[] position, int closing, int openedAt) {
        List<Segment> segments = new ArrayList<>();
        List<String> shared = new ArrayList<>();
        for (; position[0] < lines.length; position[0]++) {
            int i = position[0];
            Matcher close = CLOSE.matcher(lines[i]);
            if (close.matches()) {
                int stage = Integer.parseInt(close.group(1));
                if (closing == 0) {
                    throw new IllegalArgumentException(path + ":" + (i + 1) + ": '// <<<' without a matching '// >>>'");
                }
                if (stage != closing) {
                    throw new IllegalArgumentException(path + ":" + (i + 1) + ": closes stage " + stage
                            + " but the open region (line " + openedAt + ") is stage " + closing);
                }
                segments.add(new Segment.Shared(shared));
                return segments;
            }
            Matcher open = OPEN.matcher(lines[i]);
            if (open.matches()) {
                int stage = Integer.parseInt(open.group(2));
                if (closing != 0 && stage <= closing) {
                    throw new IllegalArgumentException(path + ":" + (i + 1) + ": a region nested in the stage-"
                            + closing + " region of line " + openedAt + " must be of a later stage");
                }
                segments.add(new Segment.Shared(shared));
                shared = new ArrayList<>();
                position[0]++;
                List<Segment> body = parseUntil(path, lines, position, stage, i + 1);
                segments.add(region(body, stage, open.group(3), open.group(4).trim(), open.group(1), i + 1));
                continue;
            }
            if (closing != 0 && SKELETON.matcher(lines[i]).matches()) {
                shared.add(lines[i]); // sorted out by region() below
                continue;
            }
            shared.add(lines[i]);
        }
        if (closing != 0) {
            throw new IllegalArgumentException(path + ":" + openedAt + ": region for stage " + closing
                    + " is never closed with '// <<< stage " + closing + "'");
        }
        segments.add(new Segment.Shared(shared));
        return segments;
    }

    /** Builds a region, taking its skeleton lines ({@code //|}) out of its direct body. */
    private static Segment.Region region(List<Segment> body, int stage, String name, String task, String indent,
            int line) {
        List<Segment> answer = new ArrayList<>();
        List<String> skeleton = null;
        for (Segment segment : body) {
            if (segment instanceof Segment.Shared(List<String> lines)) {
                List<String> kept = new ArrayList<>();
                for (String text : lines) {
                    Matcher skel = SKELETON.matcher(text);
                    if (skel.matches()) {
                        if (skeleton == null) {
                            skeleton = new ArrayList<>();
                        }
                        skeleton.add(skel.group(2) == null ? "" : skel.group(1) + skel.group(2));
                    } else {
                        kept.add(text);
                    }
                }
                answer.add(new Segment.Shared(kept));
            } else {
                answer.add(segment);
            }
        }
        if (skeleton != null && skeleton.equals(List.of(""))) {
            skeleton = List.of(); // a lone "//|" means: the exercise starts with nothing here
        }
        return new Segment.Region(stage, name, task, indent, answer, skeleton, line);
    }

    /** The stage of every region in this file, nested ones included. */
    java.util.stream.IntStream stages() {
        return stagesIn(segments);
    }

    private static java.util.stream.IntStream stagesIn(List<Segment> segments) {
        return segments.stream().filter(s -> s instanceof Segment.Region).map(s -> (Segment.Region) s)
                .flatMapToInt(r -> java.util.stream.IntStream.concat(java.util.stream.IntStream.of(r.stage()),
                        stagesIn(r.answer())));
    }

    /** The top-level regions of this file, in order. */
    List<Segment.Region> regions() {
        return segments.stream().filter(s -> s instanceof Segment.Region).map(s -> (Segment.Region) s).toList();
    }
}
