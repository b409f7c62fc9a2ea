// A jshell playground on your own exercises. Start it from the kit's top folder:
//
//   ./mvnw -q -pl exercises compile
//   jshell --class-path exercises/target/classes --startup DEFAULT --startup tools/jshell/axon.jsh
//
// (use the jshell of your JDK 21+, for example "$JAVA_HOME/bin/jshell"). Then, say:
//
//   var s = new Scheduler();
//   var g = new Greeter(List.of("Ada", "Alan"), System.out::println);
//   g.activate(s);
//   s.runCycles(1);          // one cycle; s.microprocesses() shows who is left
//
// After you change your code, compile again and restart jshell (/exit, then the same
// command) to see the change.
import axon.*;
import axon.stm.*;
import examples.*;
import kamaelia.*;
import java.util.*;
import java.util.function.*;
System.out.println("Axon playground: axon.*, axon.stm.*, examples.* and kamaelia.* are imported. Try: var s = new Scheduler();");
