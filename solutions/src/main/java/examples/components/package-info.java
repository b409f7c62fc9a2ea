/**
 * The components of the stage demos and programs, small enough to read whole.
 *
 * <h2>Reading order</h2>
 * <ol>
 *   <li>{@link examples.components.Greeter} and {@link examples.components.Ticker}: microprocesses (stages 1 and 2).</li>
 *   <li>{@link examples.components.Producer} and {@link examples.components.Consumer}: the first
 *       components, joined by a postman and then by a link (stages 3 to 5).</li>
 *   <li>{@link examples.components.Clock}: a threaded component (stage 9) that keeps a system busy,
 *       for the consoles of stage 12 to look at.</li>
 *   <li>{@link examples.components.Hackysacker} and {@link examples.components.Hackysack}: the
 *       benchmark's game (stage 10).</li>
 *   <li>{@link examples.components.Typist}: types snippets into an interpreter, for demos (stage 12).</li>
 *   <li>{@link examples.components.Philosopher}, {@link examples.components.ThreadedPhilosopher} and
 *       {@link examples.components.DiningPhilosophers}: sharing forks through the store (stage 13).</li>
 * </ol>
 */
package examples.components;
