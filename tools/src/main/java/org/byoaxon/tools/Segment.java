package org.byoaxon.tools;

import java.util.List;

/** A piece of a solution source file: text that every tree shares, or a region a learner writes. */
sealed interface Segment {

    /** Lines that are the same in solutions and exercises. */
    record Shared(List<String> lines) implements Segment {
    }

    /**
     * A region marked {@code // >>> stage N name: task} ... {@code // <<< stage N}.
     *
     * @param stage    the stage that asks the learner to write it
     * @param name     the region's name, from which the views make the include tags {@code answer-NAME} and {@code todo-NAME}, or null
     * @param task     what to write, shown in the exercise's TODO comment
     * @param indent   the indentation of the opening marker
     * @param answer   the reference code: shared lines, and regions of later stages nested in it
     * @param skeleton the lines the exercise starts with, or null to throw a Todo
     * @param line     the line number of the opening marker, for error messages
     */
    record Region(int stage, String name, String task, String indent, List<Segment> answer, List<String> skeleton, int line)
            implements Segment {
    }
}
