package axon;

/**
 * Messages about the life of components, sent on {@code control} and {@code signal}.
 *
 * <h2>Which to send when</h2>
 * <ul>
 *   <li>{@link ProducerFinished}: "there is no more data". Like a program closing its
 *       standard output: the receiver finishes the work it has, passes the message on
 *       out of {@code signal}, and ends. A source sends it when it runs out.</li>
 *   <li>{@link ShutdownMicroprocess}: "stop now". Like an interrupt: the receiver stops
 *       as soon as it can, without waiting for more data, passes the message on, and
 *       ends. Send it to stop a system from outside.</li>
 * </ul>
 * Wire each component's {@code signal} to the next one's {@code control} and both
 * cascade along the wiring, so one message ends a whole pipeline.
 *
 * <p>Messages are records: immutable, and equal when their contents are equal.
 */
// tag::ipc[]
public sealed interface Ipc {

    /** The sender has no more data: finish what you have, pass this on, and end. */
    record ProducerFinished() implements Ipc {
    }

    /** Stop now: pass this on and end, without waiting for more data. */
    record ShutdownMicroprocess() implements Ipc {
    }
}
// end::ipc[]
