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
 *       {@link axon.Component}: a microprocess with named boxes (stage 3);
 *       {@link axon.BoxDeclarations} reads a class's declarations, merged down its superclasses.</li>
 *   <li>{@link axon.Postman}: moves messages from an outbox to an inbox (stage 4).</li>
 *   <li>{@link axon.Linkage}: an outbox delivers straight into an inbox; no postman (stage 5).</li>
 *   <li>{@link axon.Ipc}: the messages of shutdown, and sleeping with {@code pause()} (stage 6);
 *       the round-robin scheduler keeps its sleepers in a {@code SleepingSet}, one kind of
 *       {@code Sleepers}.</li>
 *   <li>{@link axon.Chassis}: the annotation that marks a component as a chassis, one that owns,
 *       wires and activates its children (stage 7); the chassis themselves, {@code Pipeline} and
 *       {@code Graphline}, are in {@code kamaelia.chassis}.</li>
 *   <li>{@link axon.ServiceRegistry}: named services a component can find (stage 8); each
 *       scheduler holds one.</li>
 *   <li>{@link axon.ThreadedComponent}: a component whose body runs on a thread of its own, as
 *       the body sees it; then {@code ThreadProxy}, its side on the scheduler's thread, which
 *       moves messages between the real boxes and the thread's queues, and {@code Doorbell},
 *       which the body waits on (stage 9). {@code BoxGuard} refuses a box operation made on
 *       such a thread, and {@link axon.ComponentFailed} carries what a body threw to the
 *       scheduler's thread.</li>
 *   <li>{@code ActivatedList}: the event-driven policy's sleepers, which keep nothing per sleeper
 *       (stage 10); {@code Sleepers.forPolicy} picks one kind or the other for a policy, so
 *       the scheduler names neither.</li>
 * </ol>
 * The exceptions ({@link axon.BoxNotFound}, {@link axon.EmptyBox}, {@link axon.BoxAlreadyLinked},
 * {@link axon.NoSpaceInBox}, {@link axon.UnknownService}, {@link axon.ServiceAlreadyRegistered},
 * …) each name the box, component or service that was wrong. {@link axon.Todo} marks code the
 * learner has not written yet.
 * {@link axon.Trace} records what the schedulers did, for a picture of where the messages
 * went ({@code -Daxon.trace=FILE}); the one-line calls to it in the core are not part of
 * any exercise. {@code ViewFlag} gives every new scheduler the live view of stage 12 when
 * {@code -Daxon.view} asks for it, finding it by name, so that the core does not depend on it.
 * Stage 13's transactional memory is in {@link axon.stm}.
 *
 * <h2>A message's path, from {@code send} to the receiver's next step</h2>
 * A component {@code a} whose {@code outbox} is linked to the {@code inbox} of a component
 * {@code b} (stage 5) calls {@code send(message, "outbox")} during its step:
 * <ol>
 *   <li>{@code Component.send(Object, String)} finds the box with {@code Component.outbox(String)}
 *       (the outbox called {@code outbox} is kept in a field, the others are searched by name;
 *       an unknown name throws {@link axon.BoxNotFound}).</li>
 *   <li>{@code Box.put(Object)} on {@code a.outbox}: {@code BoxGuard} refuses it if it runs on
 *       a threaded component's own thread; {@code null} is refused.</li>
 *   <li>{@code Box.store}, private, on the box's {@code sink}: the last box of the chain of
 *       links that starts at {@code a.outbox}, here {@code b.inbox}. {@code Linkage.link} set
 *       {@code sink}, through {@code Box.linkTo}, and moved the messages that were waiting;
 *       there is no hop through the boxes in between. An outbox that is not linked is its
 *       own sink: the message waits there (for a {@link axon.Postman}, at stage 4).</li>
 *   <li>The sink is an inbox, so {@code Box.put} calls {@code Microprocess.wake()} on its owner,
 *       {@code b} (stage 6). If {@code b} is asleep, it becomes awake and
 *       {@code Scheduler.wake(Microprocess)} tells the scheduler's {@code Sleepers}
 *       ({@code woken}) and adds {@code b} to the arrivals. If {@code b} paused during the
 *       step that is running now (its own step sent the message there), the pause is
 *       cancelled. If it is awake, nothing happens: it is in the run queue or the arrivals
 *       already. A finished {@code b} is not woken.</li>
 *   <li>{@code Trace.put} records where the message went, when a trace is on.</li>
 *   <li>{@code Scheduler.step()}, the next cycle (or this one, if {@code b} was awake and
 *       comes after {@code a} in the run queue): the arrivals join the end of the run queue,
 *       and {@code Microprocess.next()} calls {@code b}'s {@code step()} once.</li>
 *   <li>{@code b.step()} drains its inbox: {@code Component.dataReady(String)} asks
 *       {@code Box.isEmpty()}, and {@code Component.recv(String)} (or the typed
 *       {@code recv(String, Class)}) calls {@code Box.take()}, which returns the oldest
 *       message.</li>
 * </ol>
 * The two policies take the same path through the same code: a
 * {@link axon.Scheduler.Policy} only chooses the {@code Sleepers} ({@code Sleepers.forPolicy}),
 * which hear of each activation, fall asleep, wake-up (hop 4) and end, and list the sleepers;
 * the scheduler never asks them what to step.
 * With {@link axon.Scheduler.Policy#ROUND_ROBIN}, {@code SleepingSet.woken} takes {@code b}
 * out of its set of sleepers (it went into it by {@code fellAsleep}, when {@code b} paused).
 * With {@link axon.Scheduler.Policy#EVENT_DRIVEN}, {@code ActivatedList} does nothing on
 * either: a sleeper is only a microprocess in no queue, and the delivery of hop 4 is what
 * queues it again.
 * <p>When {@code b} is a {@link axon.ThreadedComponent} (stage 9), its {@code step()} is
 * {@code ThreadProxy.step()}: {@code relay} moves the message from {@code b.inbox} into the
 * thread's queue ({@code moveIn}; a message that finds the queue full waits in the box for a
 * later step) and rings the {@code Doorbell}; the body's {@code pause(Duration)} or
 * {@code recv(String, Duration)} (typed: {@code recv(String, Class, Duration)}) wakes, and
 * its {@code dataReady}/{@code recv} read that queue. The other way, a body's {@code send}
 * offers the message to the thread's outbox queue (waiting for room) and, through
 * {@code ThreadProxy.wakeProxy} (once while a request is pending), asks
 * {@code Scheduler.wakeFromThread} for a step of the proxy; the scheduler's thread wakes the
 * component at the start of its next cycle ({@code wakeThoseAskedFor}, or
 * {@code awaitWakeRequest} while {@code run()} waits for its threads), so it is stepped in
 * that cycle, and {@code ThreadProxy.moveOut} calls {@code Box.put}: hop 2, on the
 * scheduler's thread, where {@code BoxGuard} lets it through.
 */
package axon;
