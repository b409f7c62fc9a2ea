package axon;

/**
 * Thrown out of {@link Scheduler#run()} when the body of a {@link ThreadedComponent}
 * ended with an exception: the error that happened on the component's own thread,
 * carried over to the scheduler's thread.
 *
 * <p>The message names the component; {@link #getCause()} is what its body threw.
 */
public final class ComponentFailed extends RuntimeException {
    /**
     * @param component the component whose body failed (a {@link Microprocess}, as its
     *                  proxy knows it)
     * @param cause     what its body threw
     */
    public ComponentFailed(Microprocess component, Throwable cause) {
        super(component.name() + " failed on its thread: " + cause, cause);
    }
}
