package grading;

import axon.Microprocess;
import grading.support.TwiceInATurn;
import java.util.List;

/**
 * A microprocess for tests: it wants to run {@code length} times, counts its steps and
 * writes "{@code tag}{@code n}" to a log at each one.
 */
class Counting extends Microprocess {
    private final String tag;
    private final int length;
    private final List<String> log;
    int steps;

    Counting(String tag, int length, List<String> log) {
        this.tag = tag;
        this.length = length;
        this.log = log;
    }

    Counting(int length) {
        this("", length, new java.util.ArrayList<>());
    }

    @Override
    protected boolean step() {
        TwiceInATurn.note(this);
        steps++;
        log.add(tag + steps);
        return steps < length;
    }
}
