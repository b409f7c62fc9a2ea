/**
 * Chassis: components that own other components, wire them and run them (stage 7, and
 * stage 11 for the server).
 *
 * <h2>Reading order</h2>
 * <ol>
 *   <li>{@link kamaelia.chassis.Pipeline}: children in a line, like a shell pipeline.</li>
 *   <li>{@link kamaelia.chassis.Graphline}: named children wired by a map of links, with
 *       {@code self} standing for the graphline's own boxes.</li>
 *   <li>{@link kamaelia.chassis.ServerCore}: a TCP server that builds a new protocol
 *       component for every connection (stage 11; see {@link kamaelia.internet}).</li>
 * </ol>
 */
package kamaelia.chassis;
