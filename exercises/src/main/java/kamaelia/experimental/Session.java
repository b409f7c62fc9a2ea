package kamaelia.experimental;

import axon.Component;
import axon.Microprocess;
import axon.Scheduler;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * What the snippets of one {@link Interpreter} see of the running system.
 *
 * <p>Every interpreter defines these for its snippets when it starts:
 * <pre>
 * Session session = Session.of("Interpreter#7");   // its own, by its name
 * Interpreter self = session.interpreter();        // the interpreter component
 * Scheduler scheduler = session.scheduler();       // the scheduler that runs it
 * Snapshot look()                                  // session.look()
 * Component component(String name)                 // session.component(name)
 * </pre>
 *
 * <h2>Why a registry</h2>
 * JShell compiles every snippet into a class of its own, so a snippet can reach the
 * running program only through something static. Each interpreter leaves its session
 * here under its own name when it starts, and takes it away when it ends; this map is the
 * kit's one piece of shared static state, and nothing but snippets reads it.
 *
 * <h2>Live objects and threads</h2>
 * Snippets run on threads of the interpreter's, while the scheduler goes on running on
 * its own thread. {@link #scheduler()}, {@link #component(String)} and the boxes they
 * lead to are the live objects, which only the scheduler's thread may change: reading
 * them from a snippet shows what they hold at about that moment, and may even fail if
 * the scheduler changes them during the read. For a consistent picture ask an
 * {@link Introspector} with {@link #look()}, which sends the question as a message and
 * waits for the answer. Changing live objects from a snippet (sending into a box,
 * linking) races with the scheduler: that is rummaging, not programming.
 */
public final class Session {
    private static final Map<String, Session> OPEN = new ConcurrentHashMap<>();

    private final Interpreter interpreter;
    private final UnaryOperator<Object> asker;

    private Session(Interpreter interpreter, UnaryOperator<Object> asker) {
        this.interpreter = interpreter;
        this.asker = asker;
    }

    /** Opens an interpreter's session; {@code asker} sends a question out of its boxes and waits for the answer. */
    static Session open(Interpreter interpreter, UnaryOperator<Object> asker) {
        Session session = new Session(interpreter, asker);
        OPEN.put(interpreter.name(), session);
        return session;
    }

    /** Ends the session: snippets can no longer find it. */
    void close() {
        OPEN.remove(interpreter.name(), this);
    }

    /**
     * The session of the interpreter with this name.
     *
     * @throws IllegalStateException if no running interpreter has that name
     */
    public static Session of(String interpreter) {
        Session session = OPEN.get(interpreter);
        if (session == null) {
            throw new IllegalStateException("no interpreter called " + interpreter + " is running: a session exists"
                    + " only while its interpreter runs, and only in the JVM (and class loader) that runs it");
        }
        return session;
    }

    /** The interpreter whose snippets these are. */
    public Interpreter interpreter() {
        return interpreter;
    }

    /** The scheduler that runs the interpreter: the live object (see the class comment). */
    public Scheduler scheduler() {
        return interpreter.scheduler();
    }

    /**
     * The running microprocess with this name, as a component (read live, see the class
     * comment).
     *
     * @throws IllegalArgumentException if the scheduler runs no component of that name
     */
    public Component component(String name) {
        for (Microprocess microprocess : scheduler().microprocesses()) {
            // instanceof also passes over a null, which a list read during a change may hold
            if (microprocess instanceof Component component && component.name().equals(name)) {
                return component;
            }
        }
        throw new IllegalArgumentException("the scheduler runs no component called " + name
                + ": look() lists what runs, by name");
    }

    /**
     * Sends {@code question} out of the interpreter's {@code questions} outbox and waits
     * for the next message on its {@code answers} inbox.
     *
     * @throws IllegalStateException if no answer comes within a few seconds
     */
    public Object ask(Object question) {
        return asker.apply(question);
    }

    /**
     * A snapshot of the running system, taken by an {@link Introspector} on the
     * scheduler's thread: the interpreter's {@code questions} outbox must lead to an
     * introspector's inbox, and its outbox back to {@code answers}.
     */
    public Snapshot look() {
        Object answer = ask("look");
        if (answer instanceof Snapshot snapshot) {
            return snapshot;
        }
        throw new IllegalStateException("look() expected a Snapshot on \"answers\" but got " + answer
                + ": is the \"questions\" outbox linked to an Introspector's inbox?");
    }

    @Override
    public String toString() {
        return "the session of " + interpreter.name();
    }
}
