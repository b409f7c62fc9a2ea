package axon;

import java.io.IOException;
import java.lang.ref.WeakReference;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * A record of what the schedulers did: the answer to "where did my message go?".
 *
 * <h2>What it is</h2>
 * While a trace is recording, the core notes each cycle, each step (who ran), each message
 * put into a box (which box, where it was stored, a short text of it) and taken out, each
 * link made or undone, and each microprocess that falls asleep or is woken. When it stops,
 * it notes the messages still waiting in the boxes it saw: a message that never arrived is
 * there. It keeps the last {@code capacity} events only, so it never grows without limit.
 * This class only records: {@code kamaelia.experimental.trace.TracePicture} draws a trace as a
 * sequence picture (components as lifelines, messages as arrows, cycles as bands), and the
 * live view ({@code -Daxon.view}) serves that picture of the trace recording now at {@code /trace}.
 *
 * <h2>Example</h2>
 * <pre>{@code
 * Trace trace = Trace.start(10_000);
 * scheduler.run();
 * Trace.stop();
 * System.out.print(trace.toText());   // or draw it: TracePicture.write(trace, Path.of("target/pipeline"))
 * }</pre>
 * Or, with no code at all, run a program with {@code -Daxon.trace=FILE} (and optionally
 * {@code -Daxon.trace.size=N}, 100,000 by default): the whole run is recorded and written to
 * {@code FILE.html}, {@code FILE.svg} and {@code FILE.txt} when the program ends. With
 * {@code -Daxon.trace} and no file (Maven passes it as {@code true}), the run is recorded
 * and written nowhere: for the live view's {@code /trace} page.
 *
 * <h2>Cost</h2>
 * The core calls the static hooks of this class ({@link #put}, {@link #take}, ...). When no
 * trace records, each of them is one read of a static field and one branch that is always
 * taken the same way, which the JIT predicts and inlines. Recording is synchronised, so
 * threaded components (stage 9) may be traced too.
 *
 * One trace records at a time, for the whole program: {@link #start} replaces any other.
 */
public final class Trace {
    /** The trace recording now, or null: the one field every hook reads. */
    private static Trace recording = fromSystemProperties();

    /** What happened, one kind per hook. */
    public enum Kind { CYCLE, STEP, PUT, TAKE, LINK, UNLINK, ASLEEP, WOKEN, FINISHED, LEFT }

    /**
     * One thing that happened.
     *
     * @param number its place in the whole run, from 1 (events dropped by the bound leave gaps before the first)
     * @param kind what happened
     * @param cycle the cycle of the scheduler that last began one
     * @param who the microprocess that was running (for a put, a take, a link), or the one that slept, woke or ran; "" outside any step
     * @param box the box put into, taken from, or the source of a link; ""
     * @param to where a put stored the message, or the sink of a link; ""
     * @param text a short text of the message, or of the messages left in a box; ""
     * @param linkedTo for a put, the box the box put into is linked to, or ""
     */
    public record Event(long number, Kind kind, long cycle, String who, String box, String to, String text,
            String linkedTo) {
        /** The owner of a box named {@code Owner#3.inbox}: {@code Owner#3}. */
        public static String ownerOf(String box) {
            int dot = box.lastIndexOf('.');
            return dot < 0 ? box : box.substring(0, dot);
        }

        /** Whether this is a put that stored the message in a linked box, so the message did not follow the link. */
        public boolean strayed() {
            return kind == Kind.PUT && to.equals(box) && !linkedTo.isEmpty();
        }

        /** One line of text, as {@link Trace#toText()} writes it. */
        public String line() {
            String who = this.who.isEmpty() ? "(outside any step)" : this.who;
            String what = switch (kind) {
                case CYCLE -> "---- cycle " + cycle + " ----";
                case STEP -> who + " steps";
                case PUT -> who + " puts " + text + " into " + box
                        + (strayed() ? " (stored there, although it is linked to " + linkedTo + ": the message did not follow the link)"
                        : to.equals(box) ? " (stored there)" : to.isEmpty() ? " (stored nowhere the links lead)" : ", stored in " + to);
                case TAKE -> who + " takes " + text + " from " + box;
                case LINK -> "link " + box + " -> " + to + (this.who.isEmpty() ? "" : " (made by " + who + ")");
                case UNLINK -> "unlink " + box + " -> " + to + (this.who.isEmpty() ? "" : " (by " + who + ")");
                case ASLEEP -> who + " falls asleep";
                case WOKEN -> who + " is woken";
                case FINISHED -> who + " finishes";
                case LEFT -> "left waiting in " + box + ": " + text;
            };
            return number + "\t" + what;
        }
    }

    private final Event[] ring;
    private long count;
    private long cycle;
    /** The microprocess stepping now, held weakly: a trace keeps no component reachable (events hold only text). */
    private WeakReference<Microprocess> running = new WeakReference<>(null);
    private boolean runningReportedAsleep;
    /** The boxes seen, held weakly, with the order they were first seen in, to report what is left in them at the end. */
    private final Map<Box, Integer> seen = new WeakHashMap<>();
    private static final int MOST_BOXES_SEEN = 10_000;
    private static final int SHORT_TEXT = 40;

    private Trace(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a trace keeps at least one event, not " + capacity);
        }
        ring = new Event[capacity];
    }

    /** Starts recording a new trace that keeps the last {@code capacity} events; any trace recording before stops. */
    public static Trace start(int capacity) {
        Trace trace = new Trace(capacity);
        Trace before = recording;
        if (before != null) {
            before.finish();
        }
        recording = trace;
        return trace;
    }

    /** Stops the trace that is recording, notes what is left in its boxes, and returns it; null if none was. */
    public static Trace stop() {
        Trace trace = recording;
        recording = null;
        if (trace != null) {
            trace.finish();
        }
        return trace;
    }

    /** The trace recording now, or null. */
    public static Trace recording() {
        return recording;
    }

    // The hooks: one static read and one branch when nothing records.

    static void cycle(Scheduler scheduler, long number) {
        Trace trace = recording;
        if (trace != null) trace.cycleBegins(number);
    }

    static void cycleEnds() {
        Trace trace = recording;
        if (trace != null) trace.cycleEnded();
    }

    static void step(Microprocess microprocess) {
        Trace trace = recording;
        if (trace != null) trace.stepped(microprocess);
    }

    static void put(Box box, Object message) {
        Trace trace = recording;
        if (trace != null) trace.putDone(box, message);
    }

    static void take(Box box) {
        Trace trace = recording;
        if (trace != null) trace.taking(box);
    }

    static void link(Box source, Box sink) {
        Trace trace = recording;
        if (trace != null) trace.linkage(Kind.LINK, source, sink);
    }

    static void unlink(Linkage linkage) {
        Trace trace = recording;
        if (trace != null && linkage.isActive()) trace.linkage(Kind.UNLINK, linkage.source(), linkage.sink());
    }

    static void woken(Microprocess microprocess) {
        Trace trace = recording;
        if (trace != null) trace.add(Kind.WOKEN, microprocess.name(), "", "", "");
    }

    // What each hook records.

    private synchronized void cycleBegins(long number) {
        noteIfAsleep();
        running = new WeakReference<>(null);
        cycle = number;
        add(Kind.CYCLE, "", "", "", "");
    }

    private synchronized void cycleEnded() {
        noteIfAsleep();
        running = new WeakReference<>(null);
    }

    private synchronized void stepped(Microprocess microprocess) {
        if (microprocess instanceof Scheduler) {
            return; // a scheduler's step is a cycle, which it records itself
        }
        noteIfAsleep();
        running = new WeakReference<>(microprocess);
        runningReportedAsleep = false;
        add(Kind.STEP, microprocess.name(), "", "", "");
    }

    /**
     * A microprocess that paused in its step is asleep once the step is over, and one whose
     * step returned false has finished: noted before the next event of the run.
     */
    private void noteIfAsleep() {
        Microprocess stepped = running.get();
        if (stepped != null && !runningReportedAsleep) {
            if (stepped.isFinished()) {
                runningReportedAsleep = true;
                add(Kind.FINISHED, stepped.name(), "", "", "");
            } else if (stepped.isAsleep()) {
                runningReportedAsleep = true;
                add(Kind.ASLEEP, stepped.name(), "", "", "");
            }
        }
    }

    private synchronized void putDone(Box box, Object message) {
        Box storedIn = whereStored(box, message);
        see(box);
        if (storedIn != null) {
            see(storedIn);
        }
        String who = who();
        Event last = count == 0 ? null : ring[(int) ((count - 1) % ring.length)];
        boolean wokeReceiver = last != null && last.kind() == Kind.WOKEN && storedIn != null
                && last.who().equals(storedIn.owner().name());
        if (wokeReceiver) {
            count--; // the put woke the receiver: show the put first, then the wake-up
        }
        Box linkedTo = box.target();
        add(Kind.PUT, who, box.toString(), storedIn == null ? "" : storedIn.toString(), shortText(message),
                linkedTo == null ? "" : linkedTo.toString());
        if (wokeReceiver) {
            add(Kind.WOKEN, last.who(), "", "", "");
        }
    }

    /**
     * Where a put stored the message: the box itself, a box down its chain of links, or
     * where it says it delivers; null if it is in none of them. Found by looking, not by
     * trusting the links, so a mistake in {@code put} shows.
     */
    private static Box whereStored(Box box, Object message) {
        for (Box b = box; b != null; b = b.target()) {
            if (b.stored().peekLast() == message) {
                return b;
            }
        }
        Box end = box.finalDestination();
        return end != null && end.stored().peekLast() == message ? end : null;
    }

    private synchronized void taking(Box box) {
        Object first = box.stored().peekFirst();
        if (first != null) {
            see(box);
            add(Kind.TAKE, who(), box.toString(), "", shortText(first));
        }
    }

    private synchronized void linkage(Kind kind, Box source, Box sink) {
        see(source);
        see(sink);
        add(kind, who(), source.toString(), sink.toString(), "");
    }

    private String who() {
        noteIfAsleep();
        Microprocess stepped = running.get();
        return stepped == null ? "" : stepped.name();
    }

    private void see(Box box) {
        if (seen.size() < MOST_BOXES_SEEN) {
            seen.putIfAbsent(box, seen.size());
        }
    }

    private void add(Kind kind, String who, String box, String to, String text) {
        add(kind, who, box, to, text, "");
    }

    private synchronized void add(Kind kind, String who, String box, String to, String text, String linkedTo) {
        count++;
        ring[(int) ((count - 1) % ring.length)] = new Event(count, kind, cycle, who, box, to, text, linkedTo);
    }

    /** At the end: note the messages still waiting in the boxes seen, then forget the boxes and who ran. */
    private synchronized void finish() {
        noteIfAsleep();
        List<Box> boxes = seen.entrySet().stream().sorted(Map.Entry.comparingByValue()).map(Map.Entry::getKey).toList();
        seen.clear();
        running = new WeakReference<>(null);
        for (Box box : boxes) {
            try {
                List<Object> waiting = List.copyOf(box.stored());
                if (!waiting.isEmpty()) {
                    add(Kind.LEFT, "", box.toString(), "", waiting.size() + " message" + (waiting.size() == 1 ? "" : "s")
                            + ": " + String.join(", ", waiting.stream().limit(3).map(Trace::shortText).toList())
                            + (waiting.size() > 3 ? ", ..." : ""));
                }
            } catch (RuntimeException e) {
                // a thread still running changed the box: what is left there cannot be told
            }
        }
    }

    /** A message as a short text: its {@code toString()}, cut to a few words. */
    static String shortText(Object message) {
        String text;
        try {
            text = String.valueOf(message);
        } catch (RuntimeException e) {
            text = message.getClass().getSimpleName();
        }
        text = text.replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
        return text.length() <= SHORT_TEXT ? text : text.substring(0, SHORT_TEXT - 1) + "…";
    }

    /** The events kept, oldest first: at most the capacity, the last ones of the run. */
    public synchronized List<Event> events() {
        int kept = (int) Math.min(count, ring.length);
        List<Event> events = new ArrayList<>(kept);
        for (long n = count - kept; n < count; n++) {
            events.add(ring[(int) (n % ring.length)]);
        }
        return events;
    }

    /** How many events happened before the kept ones and were dropped to respect the capacity. */
    public synchronized long dropped() {
        return Math.max(0, count - ring.length);
    }

    /** How many events this trace keeps at most. */
    public int capacity() {
        return ring.length;
    }

    /** The trace as text, one event a line, oldest first. */
    public String toText() {
        StringBuilder text = new StringBuilder();
        long dropped = dropped();
        if (dropped > 0) {
            text.append("(").append(dropped).append(" earlier events dropped: the trace keeps the last ")
                    .append(capacity()).append(")\n");
        }
        for (Event event : events()) {
            text.append(event.line()).append('\n');
        }
        return text.toString();
    }

    /**
     * {@code -Daxon.trace=FILE}: records the whole run and writes it when the program ends;
     * {@code -Daxon.trace} alone (or {@code =true}) records it and writes nothing.
     */
    private static Trace fromSystemProperties() {
        String file = System.getProperty("axon.trace");
        if (file == null || file.strip().equals("false")) {
            return null;
        }
        String size = System.getProperty("axon.trace.size", "100000").strip();
        int capacity;
        try {
            capacity = Integer.parseInt(size);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("axon.trace.size is \"" + size + "\", which is not a number of events:"
                    + " use, for example, -Daxon.trace.size=100000");
        }
        Trace trace = new Trace(capacity);
        if (!file.isBlank() && !file.strip().equals("true")) {
            writeAtExit(trace, Path.of(file.strip()));
        }
        return trace;
    }

    /** Where the drawing is: axon does not depend on it, and finds it by name only when a trace is to be written. */
    private static final String PICTURE = "kamaelia.experimental.trace.TracePicture";

    /**
     * Writes the trace when the program ends, with {@code TracePicture.write} (found now, and
     * made ready now: a program run by a tool may lose its class loader before the end); as
     * text only, to {@code FILE.txt}, if the drawing is not there.
     */
    private static void writeAtExit(Trace trace, Path file) {
        Method write;
        try {
            Class<?> picture = Class.forName(PICTURE, true, Trace.class.getClassLoader());
            picture.getMethod("prepare").invoke(null);
            write = picture.getMethod("write", Trace.class, Path.class);
        } catch (ReflectiveOperationException | LinkageError e) {
            write = null;
        }
        Method writer = write;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (recording == trace) {
                stop();
            }
            try {
                Object page = writer != null ? writer.invoke(null, trace, file) : writeText(trace, file);
                System.err.println("axon.trace: what ran is in " + page
                        + (writer != null ? " (and .svg, .txt beside it)" : " (" + PICTURE + " is missing: text only)"));
            } catch (ReflectiveOperationException | IOException | RuntimeException e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                System.err.println("axon.trace: could not write the trace to " + file + ": " + cause.getMessage());
            }
        }, "axon.trace writer"));
    }

    private static Path writeText(Trace trace, Path file) throws IOException {
        Path text = file.resolveSibling(file.getFileName().toString().replaceFirst("\\.(html|svg|txt)$", "") + ".txt");
        return Files.writeString(text, trace.toText(), StandardCharsets.UTF_8);
    }
}
