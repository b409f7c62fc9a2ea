package axon;

/**
 * Thrown when a box that is already linked is linked again.
 *
 * <p>A box delivers to one destination. To copy messages to several components, put a
 * component between them whose job is fan-out (a splitter or a backplane).
 */
public final class BoxAlreadyLinked extends IllegalStateException {
    /**
     * @param source   the box being linked
     * @param existing where it is linked already
     * @param wanted   where the new link would have gone
     */
    public BoxAlreadyLinked(Box source, Box existing, Box wanted) {
        super(source + " is already linked to " + existing + ", so it cannot also be linked to " + wanted
                + ": a box has one destination. Unlink it first, or send to a fan-out component.");
    }
}
