// A jshell playground on your own exercises. Start it from the kit's top folder:
//
//   ./mvnw -q -pl exercises compile
//   jshell --class-path "exercises/target/classes:exercises/target/lib/*" --startup tools/jshell/axon.jsh
//
// It needs the jshell of a JDK 21 or newer: "jshell --version" says which one you have
// (if it is older, run "$JAVA_HOME/bin/jshell" instead; on Windows, write ; for the colon
// in the class path; target/lib holds the libraries the kit uses). The script replaces
// jshell's default imports, which differ from one JDK to the next, with its own: that way
// no name here means two things on any JDK (JDK 21's defaults bring java.util.function's
// Consumer, and examples.components has one too). Then, say:
//
//   var s = new Scheduler();
//   var g = new Greeter(List.of("Ada", "Alan"), System.out::println);
//   g.activate(s);
//   s.runCycles(1);          // one cycle; s.microprocesses() shows who is left
//
// From stage 12 on, look at what you built while you step it by hand:
//
//   var p = new Pipeline(new Source(List.of("a", "b", "c")), new Recorder());
//   p.activate(s);
//   cycle(s);                // one cycle, then look(s): who runs, who sleeps, what waits where
//   picture(s, "s.svg");     // the same as a picture: open s.svg in a browser
//   view(s);                 // a live picture in the browser: open the address it prints; each cycle(s) shows there
//
// Here jshell's own thread steps the scheduler, so looking between two cycles is safe.
// After you change your code, compile again and restart jshell (/exit, then the same
// command) to see the change.
import axon.*;
import axon.stm.*;
import examples.components.*;
import java.util.*;
import kamaelia.chassis.*;
import kamaelia.experimental.*;
import kamaelia.util.*;

/** Prints what the scheduler runs, as Snapshot.text() shows it (stage 12). */
void look(Scheduler s) { System.out.print(Snapshot.of(s).text()); }

/** Runs one cycle of the scheduler, then looks (stage 12). */
void cycle(Scheduler s) {
    System.out.println(s.runCycles(1) ? "(awake ones left)" : "(nothing awake)");
    look(s);
    if (views.containsKey(s)) {
        views.get(s).look();    // the live view shows the cycle too
    }
}

/** Writes the picture of what the scheduler runs to an SVG file (stage 12). */
void picture(Scheduler s, String file) throws java.io.IOException {
    java.nio.file.Files.writeString(java.nio.file.Path.of(file), Snapshot.of(s).svg());
    System.out.println("wrote " + file + ": open it in a browser");
}

/** The live views opened with view(s), so that cycle(s) can show each cycle in them. */
Map<Scheduler, kamaelia.experimental.view.LiveView> views = new HashMap<>();

/** Opens a live view of the scheduler in the browser (stage 12), or returns the one already open. */
kamaelia.experimental.view.LiveView view(Scheduler s) {
    var view = views.computeIfAbsent(s, kamaelia.experimental.view.LiveView::open);
    view.look();
    return view;
}

System.out.println("Axon playground: axon.*, axon.stm.*, examples.* and kamaelia.* are imported. Try: var s = new Scheduler();");
