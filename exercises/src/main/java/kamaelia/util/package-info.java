/**
 * Small general-purpose components, the Unix tools of the kit, and the backplane
 * (stages 7 and 8).
 *
 * <h2>Reading order</h2>
 * <ol>
 *   <li>{@link kamaelia.util.Source} and {@link kamaelia.util.Recorder}: the two ends of
 *       most examples and tests.</li>
 *   <li>{@link kamaelia.util.MessageHandler}, the step of a component that handles one message at a
 *       time; {@link kamaelia.util.PureTransformer}, {@link kamaelia.util.Filter}, {@link kamaelia.util.Grep},
 *       {@link kamaelia.util.Tee}, {@link kamaelia.util.Sort}: one message in, what to do with it.</li>
 *   <li>{@link kamaelia.util.ConsoleReader} and {@link kamaelia.util.ConsolePrinter}: text in and out.</li>
 *   <li>{@link kamaelia.util.ThreadedTransformer}: a transformer whose function may block, and
 *       {@link kamaelia.util.Metronome}, a clock for components that may not wait (stage 9).</li>
 *   <li>{@link kamaelia.util.Backplane}, {@link kamaelia.util.PublishTo} and
 *       {@link kamaelia.util.SubscribeTo}: one producer, many subscribers, through services (stage 8);
 *       {@link kamaelia.util.BackplaneServices} names the two services a backplane registers.</li>
 * </ol>
 */
package kamaelia.util;
