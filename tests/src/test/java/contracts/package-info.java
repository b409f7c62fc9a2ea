/**
 * Axon's component contracts as ArchUnit rules, graded like the stages.
 *
 * <p>Read in this order: {@link contracts.Contract} (one contract: its sentence, reason,
 * chapter and rule), {@link contracts.Contracts} (all of them), with the judgements they rest
 * on: {@link contracts.Blocking} (the calls that wait), {@link contracts.Immutability} (what
 * cannot change once made), {@link contracts.Monitors} (the calls made while holding a
 * monitor), {@link contracts.Kinds} (what a component, a chassis or an Ipc message is, by
 * name) and {@link contracts.Types} (type questions about classes the import left out, such
 * as the JDK's);
 * {@link contracts.GradedCode} (the classes a run checks), {@link contracts.GradedRule} and
 * {@link contracts.WrittenAt} (a rule applies from its stage, a place is judged at the stage
 * its code is written), then the graded class {@code ComponentContractsTest}, whose rule
 * fields the progress board shows beside each stage's tests. A rule's stage is written once,
 * in its {@code GradedRule}: the rule judges code from that stage on (a place written at a
 * later stage is reported at that stage), and {@code grading.support.StageFilter} reads it
 * from the field to choose the rules of a run.
 *
 * <p>The kit's proofs that the rules and the stage order hold are apart, in
 * {@code kit.contracts}: the kit check runs them, a learner's run never loads them. What
 * they use of this package is public for them; the rest is not.
 */
package contracts;
