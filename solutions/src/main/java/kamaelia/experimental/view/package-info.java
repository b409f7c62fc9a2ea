/**
 * Seeing a system run (stage 12): a live picture of a running system in the browser,
 * and the layout that the handbook's pictures share with it.
 *
 * <h2>Reading order</h2>
 * <ol>
 *   <li>{@link kamaelia.experimental.view.LiveView}: the one line that opens the view, and its contract;
 *       {@link kamaelia.experimental.view.ViewOnFlag}: the same with no code, {@code -Daxon.view}.</li>
 *   <li>{@link kamaelia.experimental.view.Watcher}: how the view looks at the scheduler without
 *       touching it, between two cycles, on the scheduler's thread.</li>
 *   <li>{@link kamaelia.experimental.view.Layout}: where everything goes, from Eclipse ELK's
 *       layered layout.</li>
 *   <li>{@code Traffic}: how many messages crossed each link.</li>
 *   <li>{@link kamaelia.experimental.view.Frames}, {@link kamaelia.experimental.view.Page} and
 *       {@link kamaelia.experimental.view.ViewServer}: the frames, the page that draws them, and
 *       the small HTTP server behind a token that serves both.</li>
 * </ol>
 */
package kamaelia.experimental.view;
