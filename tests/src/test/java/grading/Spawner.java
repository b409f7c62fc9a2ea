package grading;

import axon.Microprocess;
import grading.support.TwiceInATurn;
import java.util.List;

/**
 * A microprocess for tests: it runs three steps, writing "s1", "s2", "s3" to a log, and
 * activates a newcomer on its own scheduler during its first step.
 */
final class Spawner extends Microprocess {
    private final List<String> log;
    private final Microprocess newcomer;
    private int steps;

    Spawner(List<String> log, Microprocess newcomer) {
        this.log = log;
        this.newcomer = newcomer;
    }

    @Override
    protected boolean step() {
        TwiceInATurn.note(this);
        steps++;
        log.add("s" + steps);
        if (steps == 1) {
            newcomer.activate(scheduler());
        }
        return steps < 3;
    }
}
