package org.byoaxon.tools;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds a learner's own code in their copy of a file, region by region.
 *
 * <p>Learners write inside the regions; the lines around them are the same as in the
 * solution. So the shared chunks are looked for in order, and whatever lies between two
 * of them is the learner's version of the region between. If the chunks cannot all be
 * found (the learner also changed code outside the regions), there is no safe answer
 * and {@link #regions} returns null.
 */
final class Merge {
    private Merge() {
    }

    /** The learner's text of each region, in order, or null if the file cannot be split safely. */
    static List<List<String>> regions(SourceFile solution, List<String> learnerLines) {
        List<String> lines = Render.withoutTodoImport(learnerLines);
        List<List<String>> chunks = Render.sharedChunks(solution);
        List<String> first = chunks.getFirst();
        if (!startsAt(lines, 0, first)) {
            return null;
        }
        int position = first.size();
        List<List<String>> regions = new ArrayList<>();
        for (int i = 1; i < chunks.size(); i++) {
            List<String> chunk = chunks.get(i);
            int found;
            if (i == chunks.size() - 1) {
                found = lines.size() - chunk.size();
                if (found < position || !startsAt(lines, found, chunk)) {
                    return null;
                }
            } else {
                if (chunk.isEmpty()) {
                    return null;
                }
                found = find(lines, position, chunk);
                if (found < 0) {
                    return null;
                }
            }
            regions.add(new ArrayList<>(lines.subList(position, found)));
            position = found + chunk.size();
        }
        return regions;
    }

    private static int find(List<String> lines, int from, List<String> chunk) {
        for (int i = from; i + chunk.size() <= lines.size(); i++) {
            if (startsAt(lines, i, chunk)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean startsAt(List<String> lines, int at, List<String> chunk) {
        return at >= 0 && at + chunk.size() <= lines.size() && lines.subList(at, at + chunk.size()).equals(chunk);
    }
}
