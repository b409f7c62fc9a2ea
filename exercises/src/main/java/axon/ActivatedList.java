package axon;

import java.util.ArrayList;
import java.util.List;

/**
 * The event-driven policy's sleepers (stage 10): nothing at all. A sleeper is in none of
 * the scheduler's queues, and it already records that it sleeps ({@link Microprocess#isAsleep()}),
 * so falling asleep and waking up cost the scheduler no work: this strategy does nothing
 * when they happen ({@code fellAsleep} and {@code woken} keep the interface's defaults,
 * which do nothing; the scheduler queues a woken microprocess itself). To answer
 * {@link Scheduler#asleep()}, it keeps a plain list of every microprocess activated on the
 * scheduler and looks through it when asked; finished ones are tidied out of that list
 * now and then. The scheduler never looks at it to decide what to step.
 */
final class ActivatedList implements Sleepers {
    /** Every microprocess activated on the scheduler, in order, for listing only; finished ones may linger. */
    private final ArrayList<Microprocess> activated = new ArrayList<>();
    /** How many in {@code activated} have finished since it was last tidied. */
    private int finishedSinceTidy;

    @Override
    public void activated(Microprocess microprocess) {
        // TODO stage 10: remember the microprocess at the end of the activated list
        throw new Todo(10);
    }

    @Override
    public void finished(Microprocess microprocess) {
        // TODO stage 10: count it; once more than 32 have finished and they are more than half the list, remove the finished ones from the list (removeIf) and start counting again
        throw new Todo(10);
    }

    @Override
    public List<Microprocess> asleep() {
        // TODO stage 10: the microprocesses of the list that are asleep and have not finished, in list order
        throw new Todo(10);
    }
}
