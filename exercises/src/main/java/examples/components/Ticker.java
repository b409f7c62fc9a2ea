package examples.components;

import axon.Microprocess;
import java.util.function.Consumer;

/**
 * Writes {@code "<tag> 1"}, {@code "<tag> 2"}, ... one line per step, and finishes
 * after the given number of lines. Two tickers on one scheduler show its round-robin
 * order.
 */
public class Ticker extends Microprocess {
    private final String tag;
    private final int times;
    private final Consumer<String> out;
    private int count = 0;

    /** A ticker that writes {@code times} lines tagged {@code tag} to {@code out}. */
    public Ticker(String tag, int times, Consumer<String> out) {
        this.tag = tag;
        this.times = times;
        this.out = out;
    }

    @Override
    protected boolean step() {
        if (count < times) {
            count++;
            out.accept(tag + " " + count);
        }
        return count < times;
    }
}
