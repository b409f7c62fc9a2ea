/**
 * One demo per stage, each a {@code main} that prints what its stage adds. Each chapter
 * of the handbook shows its demo and the output to expect. Read them in number order,
 * {@link examples.stages.Stage01Demo} first. {@code CycleByCycle} is the cycle-by-cycle
 * trace that the demos of stages 4 and 5 share.
 */
package examples.stages;
