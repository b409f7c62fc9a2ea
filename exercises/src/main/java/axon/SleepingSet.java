package axon;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The round-robin policy's sleepers (stages 6 to 9): a set of the microprocesses that
 * sleep, in the order they fell asleep. Each fall asleep and each wake-up costs a hash
 * into the set and out again, and each sleeper an entry in it: that is what stage 10's
 * event-driven policy does without. Activations and ends it does not hear of: an awake
 * microprocess is in the scheduler's queues, and one finishes during its step, awake.
 */
final class SleepingSet implements Sleepers {
    private final Set<Microprocess> sleeping = new LinkedHashSet<>();

    @Override
    public void fellAsleep(Microprocess microprocess) {
        sleeping.add(microprocess);
    }

    @Override
    public void woken(Microprocess microprocess) {
        sleeping.remove(microprocess);
    }

    @Override
    public List<Microprocess> asleep() {
        return List.copyOf(sleeping);
    }
}
