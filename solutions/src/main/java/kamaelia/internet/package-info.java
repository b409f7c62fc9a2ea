/**
 * TCP sockets as components (stage 11).
 *
 * <h2>Reading order</h2>
 * <ol>
 *   <li>{@link kamaelia.internet.Selector}: the selector service, which watches non-blocking
 *       channels and wakes the components that own them; {@link kamaelia.internet.SelectorService}
 *       finds it, and {@link kamaelia.internet.SelectorThread} is the part of it that blocks.</li>
 *   <li>{@link kamaelia.internet.ConnectedSocket}: one connection: lines in, lines out.</li>
 *   <li>{@link kamaelia.internet.TCPClient}: the client end.</li>
 * </ol>
 * The server itself is a chassis: {@link kamaelia.chassis.ServerCore}.
 */
package kamaelia.internet;
