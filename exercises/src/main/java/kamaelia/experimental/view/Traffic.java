package kamaelia.experimental.view;

import axon.Box;
import axon.Component;
import axon.Microprocess;
import axon.Scheduler;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kamaelia.experimental.Snapshot;

/**
 * How many messages have crossed each link of a running system, so that the live view can
 * flash a link once per message that crossed it between two looks.
 *
 * <h2>How it is counted</h2>
 * A box counts the messages put into it ({@link Box#putCount()}: one increment per put,
 * no memory). At each look, the view notes the count of every box that has one
 * ({@link #of}); between two looks, the messages put into a box are the change of its
 * count. A message put into a linked box crosses that box's link, and every link further
 * down the chain, although it is stored once, at the end. So the messages that crossed
 * the link that leaves a box are those put into the box plus those that crossed the links
 * that lead into it ({@link #crossed}). Counts are modulo 65,536: only their change
 * between two looks, a fraction of a second apart, is used. A component that has finished
 * by the next look is not counted for what it sent in its last moments.
 */
final class Traffic {
    private static final int MODULO = 0x10000;

    private Traffic() {
    }

    /**
     * The count of every box of the system that has had a message put into it, by the
     * box's name ({@code Owner#3.outbox}). Call it on the scheduler's thread, between
     * cycles, as {@link Snapshot#of} is.
     */
    static Map<String, Integer> of(Scheduler scheduler) {
        Map<String, Integer> counts = new HashMap<>();
        for (Microprocess microprocess : scheduler.microprocesses()) {
            if (microprocess instanceof Component component) {
                for (List<Box> boxes : List.of(component.inboxes(), component.outboxes())) {
                    for (Box box : boxes) {
                        if (box.putCount() != 0) {
                            counts.put(box.toString(), box.putCount());
                        }
                    }
                }
            }
        }
        return counts;
    }

    /**
     * How many messages crossed each of {@code links} (by its text) between two looks that
     * counted {@code before} and {@code now}.
     */
    static Map<String, Integer> crossed(List<Snapshot.Link> links, Map<String, Integer> before,
            Map<String, Integer> now) {
        Map<String, List<String>> into = new HashMap<>();
        for (Snapshot.Link link : links) {
            into.computeIfAbsent(link.toNode() + "." + link.toBox(), b -> new ArrayList<>())
                    .add(link.fromNode() + "." + link.fromBox());
        }
        Map<String, Integer> arrived = new HashMap<>();
        Map<String, Integer> crossed = new HashMap<>();
        for (Snapshot.Link link : links) {
            crossed.put(link.toString(), arrivals(link.fromNode() + "." + link.fromBox(), into, before, now, arrived, 0));
        }
        return crossed;
    }

    /** Messages put into a box between the two looks, and those that crossed the links into it. */
    private static int arrivals(String box, Map<String, List<String>> into, Map<String, Integer> before,
            Map<String, Integer> now, Map<String, Integer> arrived, int depth) {
        Integer known = arrived.get(box);
        if (known != null) {
            return known;
        }
        Integer counted = now.get(box);
        int count = counted == null ? 0 : Math.floorMod(counted - before.getOrDefault(box, 0), MODULO);
        if (depth < 64) { // a chain of links is short; this only guards against a loop
            for (String source : into.getOrDefault(box, List.of())) {
                count += arrivals(source, into, before, now, arrived, depth + 1);
            }
        }
        arrived.put(box, count);
        return count;
    }
}
