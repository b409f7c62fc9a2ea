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
 * // >>> stage 3: what the learner writes here
 * //| a skeleton line the exercise starts with (optional; a lone "//|" means "start with nothing")
 * the reference code
 * // <<< stage 3
 * </pre>
 * A region without skeleton lines becomes {@code throw new Todo(3);} in the exercise,
 * so it must be the end of a method body. Documentation tags
 * ({@code // tag::name[]}, {@code // end::name[]}) may appear anywhere.
 */
final class SourceFile {
    private static final Pattern OPEN = Pattern.compile("^(\\s*)// >>> stage (\\d+):?\\s*(.*)$");
    private static final Pattern CLOSE = Pattern.compile("^\\s*// <<< stage (\\d+)\\s*$");
    private static final Pattern SKELETON = Pattern.compile("^(\\s*)//\\|(?: (.*))?$");
    static final Pattern DOC_TAG = Pattern.compile("^\\s*// (tag|end)::[\\w.-]+\\[]\\s*$");

    final String path;
    final List<Segment> segments;

    private SourceFile(String path, List<Segment> segments) {
        this.path = path;
        this.segments = segments;
    }

    /** Splits a file's text into segments; a malformed marker is an error naming the file and line. */
    static SourceFile parse(String path, String text) {
        List<Segment> segments = new ArrayList<>();
        List<String> shared = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher open = OPEN.matcher(lines[i]);
            if (CLOSE.matcher(lines[i]).matches()) {
                throw new IllegalArgumentException(path + ":" + (i + 1) + ": '// <<<' without a matching '// >>>'");
            }
            if (!open.matches()) {
                shared.add(lines[i]);
                continue;
            }
            int stage = Integer.parseInt(open.group(2));
            int start = i;
            List<String> answer = new ArrayList<>();
            List<String> skeleton = null;
            for (i++; ; i++) {
                if (i == lines.length) {
                    throw new IllegalArgumentException(path + ":" + (start + 1) + ": region for stage " + stage
                            + " is never closed with '// <<< stage " + stage + "'");
                }
                Matcher close = CLOSE.matcher(lines[i]);
                if (close.matches()) {
                    if (Integer.parseInt(close.group(1)) != stage) {
                        throw new IllegalArgumentException(path + ":" + (i + 1) + ": closes stage " + close.group(1)
                                + " but the open region (line " + (start + 1) + ") is stage " + stage);
                    }
                    break;
                }
                if (OPEN.matcher(lines[i]).matches()) {
                    throw new IllegalArgumentException(path + ":" + (i + 1) + ": regions cannot nest (the region of line "
                            + (start + 1) + " is still open)");
                }
                Matcher skel = SKELETON.matcher(lines[i]);
                if (skel.matches()) {
                    if (skeleton == null) {
                        skeleton = new ArrayList<>();
                    }
                    String rest = skel.group(2);
                    skeleton.add(rest == null ? "" : skel.group(1) + rest);
                } else {
                    answer.add(lines[i]);
                }
            }
            if (skeleton != null && skeleton.equals(List.of(""))) {
                skeleton = List.of(); // a lone "//|" means: the exercise starts with nothing here
            }
            segments.add(new Segment.Shared(shared));
            shared = new ArrayList<>();
            segments.add(new Segment.Region(stage, open.group(3).trim(), open.group(1), answer, skeleton, start + 1));
        }
        segments.add(new Segment.Shared(shared));
        return new SourceFile(path, segments);
    }

    /** The regions of this file, in order. */
    List<Segment.Region> regions() {
        return segments.stream().filter(s -> s instanceof Segment.Region).map(s -> (Segment.Region) s).toList();
    }
}
