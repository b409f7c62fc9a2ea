package axon;

import java.util.NoSuchElementException;

/**
 * Thrown when a message is taken from a box that holds none.
 *
 * <p>A component should ask {@code dataReady(name)} before it calls {@code recv(name)}.
 */
public final class EmptyBox extends NoSuchElementException {
    /** @param box the box that was empty */
    public EmptyBox(Box box) {
        super(box.owner().name() + "'s " + box.kind() + " \"" + box.name() + "\" is empty: check "
                + (box.isInbox() ? "dataReady(\"" + box.name() + "\") before recv(\"" + box.name() + "\")"
                        : "that it holds a message before taking one"));
    }
}
