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
    // tag::exercise[]
    /** Every microprocess activated on the scheduler, in order, for listing only; finished ones may linger. */
    private final ArrayList<Microprocess> activated = new ArrayList<>();
    /** How many in {@code activated} have finished since it was last tidied. */
    private int finishedSinceTidy;

    @Override
    public void activated(Microprocess microprocess) {
        // >>> stage 10 activated: remember the microprocess at the end of the activated list
        activated.add(microprocess);
        // <<< stage 10
    }

    @Override
    public void finished(Microprocess microprocess) {
        // >>> stage 10 finished: count it; once more than 32 have finished and they are more than half the list, remove the finished ones from the list (removeIf) and start counting again
        finishedSinceTidy++;
        if (finishedSinceTidy > 32 && finishedSinceTidy > activated.size() / 2) {
            activated.removeIf(Microprocess::isFinished);
            finishedSinceTidy = 0;
        }
        // <<< stage 10
    }

    @Override
    public List<Microprocess> asleep() {
        // >>> stage 10 asleep: the microprocesses of the list that are asleep and have not finished, in list order
        return activated.stream().filter(m -> m.isAsleep() && !m.isFinished()).toList();
        // <<< stage 10
    }
    // end::exercise[]
}
