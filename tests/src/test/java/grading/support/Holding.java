package grading.support;

import axon.Box;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Where the messages are, in a learner's terms, for a test's message: "a.outbox holds 1, c.extra holds 0". */
public final class Holding {
    private Holding() {
    }

    /** How many messages each box stores itself, named as the board names boxes. */
    public static String of(Box... boxes) {
        return Arrays.stream(boxes).map(box -> box + " holds " + box.size()).collect(Collectors.joining(", "));
    }
}
