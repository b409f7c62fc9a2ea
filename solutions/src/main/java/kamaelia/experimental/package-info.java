/**
 * Rummaging inside a running system (stage 12): Java snippets run inside it, consoles
 * to type them into, and an introspector that shows what runs.
 *
 * <h2>Reading order</h2>
 * <ol>
 *   <li>{@link kamaelia.experimental.Interpreter}: runs snippets with the JDK's JShell, in this
 *       JVM, so they see live objects ({@link kamaelia.experimental.Session} is what they see;
 *       {@code LocalExecution} loads the snippets under the kit's own class loader, so that
 *       they see the running classes, not a second copy).</li>
 *   <li>{@link kamaelia.experimental.Consoles}: an interpreter, with an introspector to answer its
 *       {@code look()}, wired to the keyboard ({@code local}) or to a network connection
 *       ({@code network}).</li>
 *   <li>{@link kamaelia.experimental.NetworkConsole} and {@link kamaelia.experimental.TokenCheck}:
 *       the same over TCP, on loopback, behind a token.</li>
 *   <li>{@link kamaelia.experimental.Snapshot} and {@link kamaelia.experimental.Introspector}:
 *       the component graph of a running system, as text and, drawn by {@code SnapshotPicture},
 *       as a picture.</li>
 *   <li>{@link kamaelia.experimental.view}: the same picture live in the browser, laid out by
 *       Eclipse ELK; {@code -Daxon.view} opens it for any program.</li>
 *   <li>{@link kamaelia.experimental.trace}: what {@link axon.Trace} recorded, drawn as a
 *       sequence picture (a file, or the live view's {@code /trace} page).</li>
 * </ol>
 */
package kamaelia.experimental;
