/**
 * Pictures of a trace (stages 4 to 8, and the live view): what {@link axon.Trace} recorded,
 * drawn as a sequence picture, so a learner can answer "where did my message go?".
 *
 * <h2>Reading order</h2>
 * <ol>
 *   <li>{@link axon.Trace}, in the core: what is recorded, and how it costs nothing when off.</li>
 *   <li>{@link kamaelia.experimental.trace.TracePicture}: the lifelines, the arrows, the SVG
 *       for a document and the page that scrolls through 100,000 events.</li>
 * </ol>
 */
package kamaelia.experimental.trace;
