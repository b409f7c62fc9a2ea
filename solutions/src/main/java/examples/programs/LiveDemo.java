package examples.programs;

import axon.Component;
import axon.Scheduler;
import java.io.IOException;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import kamaelia.chassis.Graphline;
import kamaelia.chassis.Pipeline;
import kamaelia.experimental.view.LiveView;
import kamaelia.util.ConsolePrinter;
import kamaelia.util.Grep;
import kamaelia.util.Source;
import kamaelia.util.ThreadedTransformer;

/**
 * A small system to watch in the browser: a list of jobs, a slow threaded worker that
 * does them one at a time (so the jobs wait in its inbox, and you see the count fall), a
 * grep that keeps the even ones, and a printer.
 *
 * <pre>
 * ./mvnw -q -pl solutions compile exec:java -Dexec.mainClass=examples.programs.LiveDemo
 * </pre>
 *
 * It prints the address of its live view; open it in a browser. The system starts
 * paused, so that you can look at it before anything moves: press Run, or Step one
 * cycle. When it has ended, the view shows how it ended until you press Enter.
 * Arguments: {@code [JOBS [MILLIS_PER_JOB]]} (40 jobs, 300 ms each if none).
 */
public final class LiveDemo {
    private LiveDemo() {
    }

    public static void main(String[] args) throws IOException {
        int jobs = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        long millis = args.length > 1 ? Long.parseLong(args[1]) : 300;
        Scheduler scheduler = new Scheduler();
        system(jobs, millis, System.out).activate(scheduler);
        // tag::open[]
        try (LiveView view = LiveView.open(scheduler)) {
            // end::open[]
            scheduler.runCycles(2);  // the chassis wires and starts its children
            view.pause();           // then it waits: press Run in the browser
            scheduler.run();
            view.look();            // the view shows how the system ended
            System.out.println("The system has ended. Press Enter to close the live view.");
            System.in.read();
        }
    }

    /** The system: jobs, a slow worker and a grep in a pipeline of their own, and a printer to {@code out}. */
    public static Component system(int jobs, long millis, PrintStream out) {
        List<String> work = IntStream.rangeClosed(1, jobs).mapToObj(i -> "job " + i).toList();
        Map<String, Component> children = new LinkedHashMap<>();
        children.put("jobs", new Source(work));
        children.put("work", new Pipeline(
                new ThreadedTransformer(job -> slowly(job + " done", millis), 2),
                new Grep("[02468] done$")));
        children.put("show", new ConsolePrinter(out));
        return new Graphline(children, Map.of(
                "jobs.outbox", "work.inbox", "jobs.signal", "work.control",
                "work.outbox", "show.inbox", "work.signal", "show.control"));
    }

    private static Object slowly(Object result, long millis) {
        try {
            Thread.sleep(millis);       // a threaded component may block: this is the slow work
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return result;
    }
}
