package grading.support;

import axon.Component;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A component for the lost-wake-up tests: each step it logs "step N", calls {@code pause()},
 * and in its first step only, after the pause, has a message delivered to its own
 * {@code inbox}; then it empties that inbox. A scheduler that loses the wake-up stops
 * after "step 1"; one that keeps it steps it once more.
 */
public final class SelfWaking extends Component {
    private final Consumer<SelfWaking> lateNews;
    private final int length;
    private final List<String> log = new ArrayList<>();
    private int steps;

    /**
     * @param length how many steps it wants at most
     * @param lateNews delivers a message to its inbox, called after {@code pause()} in the first step
     */
    public SelfWaking(int length, Consumer<SelfWaking> lateNews) {
        this.length = length;
        this.lateNews = lateNews;
    }

    /** Sends a message out of its own {@code outbox}, for a test that links it to its inbox. */
    public void sendToOutbox(Object message) {
        send(message, "outbox");
    }

    /** What it has logged so far: "step 1", "step 2", ... */
    public List<String> log() {
        return List.copyOf(log);
    }

    @Override
    protected boolean step() {
        steps++;
        log.add("step " + steps);
        pause();
        if (steps == 1) {
            lateNews.accept(this);
        }
        while (dataReady("inbox")) {
            recv("inbox");
        }
        return steps < length;
    }
}
