/**
 * Small general-purpose components, the Unix tools of the kit, and the backplane
 * (stages 7 to 9).
 *
 * <h2>Reading order</h2>
 * <ol>
 *   <li>{@link kamaelia.util.Source} and {@link kamaelia.util.Recorder}: the two ends of
 *       most examples and tests.</li>
 *   <li>{@link kamaelia.util.MessageHandler}, the step of a component that handles one message at a
 *       time; {@link kamaelia.util.PureTransformer}, {@link kamaelia.util.Filter}, {@link kamaelia.util.Grep},
 *       {@link kamaelia.util.Tee}: one message in, what to do with it; {@link kamaelia.util.Sort}, which
 *       holds every message until its input ends, as {@code sort} does.</li>
 *   <li>{@link kamaelia.util.ConsolePrinter}: text out.</li>
 *   <li>{@link kamaelia.util.Backplane}, {@link kamaelia.util.PublishTo} and
 *       {@link kamaelia.util.SubscribeTo}: one producer, many subscribers, through services (stage 8);
 *       {@link kamaelia.util.BackplaneServices} names the two services a backplane registers.</li>
 *   <li>Threaded (stage 9): {@link kamaelia.util.ThreadedTransformer}, a transformer whose function
 *       may block; {@link kamaelia.util.ConsoleReader}, text in from standard input; and
 *       {@link kamaelia.util.Metronome}, a clock for components that may not wait.</li>
 * </ol>
 */
package kamaelia.util;
