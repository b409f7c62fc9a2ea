/**
 * The kit's proofs that the component contracts ({@code contracts}) and the stage order
 * hold, tagged {@code kit} like every kit test: the kit check runs them, a learner's run
 * never loads them. Read in this order:
 * <ul>
 *   <li>{@code PlantedViolationsTest}: each rule reports exactly the violations planted in
 *       {@code contracts.fixtures}, the reference keeps every rule, and every rule field
 *       states its stage once, in its {@code GradedRule}, which the grader reads;</li>
 *   <li>{@code LaterStageTest}: a place in code written at a later stage than the rule's is
 *       reported at that stage;</li>
 *   <li>{@code StageOrderTest}, with {@code TaughtAt} (the stage that first teaches a class,
 *       and the stage of each line): no code a learner meets at a stage refers to a class
 *       taught at a later one.</li>
 * </ul>
 * They use the rules' public members ({@code Contracts}, {@code Contract}, {@code Kinds},
 * {@code GradedCode}, {@code GradedRule}, {@code WrittenAt}), which are public for them.
 */
package kit.contracts;
