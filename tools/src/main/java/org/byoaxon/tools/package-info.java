/**
 * The kit's own commands ({@link org.byoaxon.tools.Kit}: generate, check, catch-up, reset,
 * hint, watch, views), which the {@code kit} scripts and the Maven forms in README.adoc run.
 *
 * <p>Read in this order. The marker language and the generator: {@link
 * org.byoaxon.tools.SourceFile} (a solution file split at its {@code // >>> stage N}
 * markers into {@link org.byoaxon.tools.Segment}s), {@link org.byoaxon.tools.Render} (one
 * parse written as exercise, solution or the handbook's views, with the include tags made
 * from the markers), {@link org.byoaxon.tools.Merge} (catch-up and reset on a learner's copy,
 * touching only regions) and {@link org.byoaxon.tools.Text} (a file's lines and its line
 * ending, written back as it was, so that a Windows checkout keeps its CRLF). The learner's loops:
 * {@link org.byoaxon.tools.Stages} (where a learner is), {@link org.byoaxon.tools.Hints},
 * {@link org.byoaxon.tools.Javac} and {@link org.byoaxon.tools.IncrementalCompile} (compile
 * only what changed), {@link org.byoaxon.tools.GradingRun}, {@link
 * org.byoaxon.tools.Unchanged}, {@link org.byoaxon.tools.CompileReport} and {@link
 * org.byoaxon.tools.WatchLoop} (the warm loop, with the same board as Maven's run). {@link
 * org.byoaxon.tools.Alternatives} grades regions written another way, in the kit check.
 *
 * <p>The tests beside them check the generator on the kit's real sources, that catch-up and
 * reset keep a learner's edits, line endings and conflicts, the incremental compile, and
 * that the watch loop's verdict is Maven's ({@code WatchVerdictTest}).
 */
package org.byoaxon.tools;
