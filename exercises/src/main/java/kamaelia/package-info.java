/**
 * Kamaelia: components built on {@link axon}, grouped as Kamaelia groups its own.
 *
 * <ul>
 *   <li>{@link kamaelia.util}: small general-purpose components (sources, filters, printers,
 *       transformers) and the {@link kamaelia.util.Backplane}: read these first.</li>
 *   <li>{@link kamaelia.chassis}: components that wire other components ({@link kamaelia.chassis.Pipeline},
 *       {@link kamaelia.chassis.Graphline}, {@link kamaelia.chassis.ServerCore}).</li>
 *   <li>{@link kamaelia.file}: components that read files.</li>
 *   <li>{@link kamaelia.internet}: TCP sockets as components, and the selector service that wakes them.</li>
 *   <li>{@link kamaelia.experimental}: looking inside a running system: an interpreter, consoles,
 *       an introspector and its pictures.</li>
 * </ul>
 */
package kamaelia;
