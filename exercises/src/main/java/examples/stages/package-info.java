/**
 * One demo per stage, each a {@code main} that prints what its stage adds. Each chapter
 * of the handbook shows its demo and the output to expect. Read them in number order,
 * {@link examples.stages.Stage01Demo} first.
 */
package examples.stages;
