/**
 * Axon: the core you build, one stage at a time. Everything else in the kit is made of
 * these classes.
 *
 * <h2>Reading order</h2>
 * Read the classes in the order the stages add them:
 * <ol>
 *   <li>{@link axon.Microprocess}: a unit of work that runs one slice at a time (stage 1).</li>
 *   <li>{@link axon.Scheduler}: steps every active microprocess once per cycle (stage 2;
 *       its {@link axon.Scheduler.Policy} arrives at stage 10).</li>
 *   <li>{@link axon.Box}, declared with {@link axon.Inbox} and {@link axon.Outbox}, and
 *       {@link axon.Component}: a microprocess with named boxes (stage 3).</li>
 *   <li>{@link axon.Postman}: moves messages from an outbox to an inbox (stage 4).</li>
 *   <li>{@link axon.Linkage}: an outbox delivers straight into an inbox; no postman (stage 5).</li>
 *   <li>{@link axon.Ipc}: the messages of shutdown, and sleeping with {@code pause()} (stage 6);
 *       the round-robin scheduler keeps its sleepers in a {@code SleepingSet}, one kind of
 *       {@code Sleepers}.</li>
 *   <li>{@link axon.Chassis}: a component that owns, wires and activates its children (stage 7).</li>
 *   <li>{@link axon.ServiceRegistry}: named services a component can find (stage 8).</li>
 *   <li>{@link axon.ThreadedComponent}: a component whose body runs on a thread of its own, as
 *       the body sees it; then {@code ThreadProxy}, its side on the scheduler's thread, which
 *       moves messages between the real boxes and the thread's queues, and {@code Doorbell},
 *       which the body waits on (stage 9).</li>
 *   <li>{@code ActivatedList}: the event-driven policy's sleepers, which keep nothing per sleeper
 *       (stage 10); {@code Sleepers.forPolicy} picks one kind or the other for a policy, so
 *       the scheduler names neither.</li>
 * </ol>
 * The exceptions ({@link axon.BoxNotFound}, {@link axon.EmptyBox}, {@link axon.BoxAlreadyLinked},
 * {@link axon.NoSpaceInBox}, {@link axon.UnknownService}, …) each name the box, component or
 * service that was wrong. {@link axon.Todo} marks code the learner has not written yet.
 * {@link axon.Trace} records what the schedulers did, for a picture of where the messages
 * went ({@code -Daxon.trace=FILE}); the one-line calls to it in the core are not part of
 * any exercise.
 * Stage 13's transactional memory is in {@link axon.stm}.
 */
package axon;
