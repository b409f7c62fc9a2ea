package axon;

import java.util.function.Consumer;

/**
 * {@code -Daxon.view} (or {@code -Daxon.view=PORT}): a live view of any program, with no
 * code. Each new {@link Scheduler} asks {@link #watcher()} for what looks at it between
 * cycles; when the flag is given, that is the live view's opener, which opens the view at
 * the first cycle of the first scheduler that runs.
 *
 * <p>The live view is not part of the core: it lives in {@code kamaelia.experimental.view},
 * and axon does not depend on it. It is found by name, only when the flag asks for it.
 * Without the flag, a new scheduler pays one read of a constant.
 */
final class ViewFlag {
    /** The opener: a {@code Consumer<Scheduler>} with a public constructor that takes nothing. */
    private static final String OPENER = "kamaelia.experimental.view.ViewOnFlag";
    private static final boolean ASKED = asked(System.getProperty("axon.view"));

    private ViewFlag() {
    }

    private static boolean asked(String value) {
        return value != null && !value.strip().equals("false");
    }

    /** What a new scheduler calls between cycles because of the flag: the view's opener, or null without the flag. */
    @SuppressWarnings("unchecked")
    static Consumer<Scheduler> watcher() {
        if (!ASKED) {
            return null;
        }
        try {
            return (Consumer<Scheduler>) Class.forName(OPENER).getConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
            System.err.println("axon.view: no live view here (" + OPENER + " is missing: " + e
                    + "). The program runs without it; compile kamaelia.experimental.view to have it.");
            return null;
        }
    }
}
