package examples.components;

import axon.Microprocess;
import java.util.List;
import java.util.function.Consumer;

// tag::story[]
/**
 * Greets some names, then says goodbye to them in reverse order: one line per step.
 *
 * <p>If Java had generators, this microprocess would be a loop with a {@code yield}
 * after each line:
 * <pre>
 * for (String name : names)          { out("hello " + name);   yield; }
 * for (String name : reversed(names)) { out("goodbye " + name); yield; }
 * </pre>
 * Without them, the loop counter and "which loop am I in" become fields, and each call
 * of {@link #step()} runs from one {@code yield} to the next. With the names Ada and
 * Alan it writes {@code hello Ada}, {@code hello Alan}, {@code goodbye Alan},
 * {@code goodbye Ada}, one per step, and the step that writes the last line returns
 * {@code false}. With no names it writes nothing and finishes at its first step.
 */
// end::story[]
public class Greeter extends Microprocess {
    private final List<String> names;
    private final Consumer<String> out;
    // >>> stage 1 state: the fields that remember where the greeter is between steps
    //|
    private boolean greeting = true;
    private int position = 0;
    // <<< stage 1

    /** A greeter for {@code names} that writes each line to {@code out}. */
    public Greeter(List<String> names, Consumer<String> out) {
        this.names = List.copyOf(names);
        this.out = out;
    }

    // tag::step[]
    @Override
    protected boolean step() {
        // >>> stage 1 step: write exactly one line per step, as the class comment describes; return false from the step that writes the last line
        if (names.isEmpty()) {
            return false;
        }
        if (greeting) {
            out.accept("hello " + names.get(position));
            position++;
            if (position == names.size()) {
                greeting = false;
                position = names.size() - 1;
            }
            return true;
        }
        out.accept("goodbye " + names.get(position));
        position--;
        return position >= 0;
        // <<< stage 1
    }
    // end::step[]
}
