/**
 * Constrained data sharing (stage 13): a small software transactional memory in the style
 * of Axon's STM.
 *
 * <h2>Reading order</h2>
 * <ol>
 *   <li>{@link axon.stm.Value}: one versioned value, as a client holds a copy of it.</li>
 *   <li>{@link axon.stm.Values}: several values checked out and committed together.</li>
 *   <li>{@link axon.stm.Store}: the store that hands out copies and accepts a commit only if
 *       nobody committed those values first.</li>
 *   <li>{@link axon.stm.ConcurrentUpdate} (someone else was first: check out again and retry)
 *       and {@link axon.stm.BusyRetry} (the store is busy: try again, instead of blocking).</li>
 * </ol>
 */
package axon.stm;
