/**
 * Examples: what the kit's classes are for.
 *
 * <ul>
 *   <li>{@link examples.stages}: one small demo per stage, {@code Stage01Demo} to
 *       {@code Stage13Demo}, whose output each chapter shows.</li>
 *   <li>{@link examples.components}: the components those demos are made of (a greeter,
 *       a ticker, a producer and consumer, hackysackers, philosophers).</li>
 *   <li>{@link examples.programs}: programs to run and talk to (an echo server, a shared
 *       log, {@code tail -f | grep}, consoles).</li>
 *   <li>{@link examples.capstone}: the capstone, a transcode-and-upload batch system, with
 *       the components only it uses.</li>
 * </ul>
 */
package examples;
