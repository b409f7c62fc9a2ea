package kamaelia.util;

import axon.Inbox;
import axon.Outbox;
import java.util.regex.Pattern;

/**
 * Sends on the lines of text in which a regular expression finds a match, like
 * {@code grep}. Ends like {@link PureTransformer}.
 */
@Inbox(name = "inbox", doc = "Lines of text to search")
@Outbox(name = "outbox", doc = "The lines that match, in order")
public class Grep extends Filter {
    /** A grep for {@code regex} (a {@link java.util.regex.Pattern}, found anywhere in the line). */
    public Grep(String regex) {
        this(Pattern.compile(regex));
    }

    private Grep(Pattern pattern) {
        super(line -> pattern.matcher(String.valueOf(line)).find());
    }
}
