package axon;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@link Inbox} and {@link Outbox} declarations of a component class.
 *
 * <p>Declarations are collected from {@link Component} down to the class itself, so
 * the default boxes come first and a subclass adds its own; a name declared again keeps
 * its place and takes the newer description.
 *
 * <p>Names are interned, like the string literals in code: a component that asks for
 * {@code inbox("inbox")} finds its box with one comparison of references, the fast first
 * test of {@link String#equals}.
 */
public final class BoxDeclarations {
    private BoxDeclarations() {
    }

    /** The declared inboxes of a component class: name to description, in order. */
    public static Map<String, String> inboxesOf(Class<?> type) {
        Map<String, String> boxes = new LinkedHashMap<>();
        for (Class<?> c : lineage(type)) {
            for (Inbox box : c.getDeclaredAnnotationsByType(Inbox.class)) {
                boxes.put(box.name().intern(), box.doc());
            }
        }
        return boxes;
    }

    /** The declared outboxes of a component class: name to description, in order. */
    public static Map<String, String> outboxesOf(Class<?> type) {
        Map<String, String> boxes = new LinkedHashMap<>();
        for (Class<?> c : lineage(type)) {
            for (Outbox box : c.getDeclaredAnnotationsByType(Outbox.class)) {
                boxes.put(box.name().intern(), box.doc());
            }
        }
        return boxes;
    }

    /** The class and its superclasses, oldest first. */
    private static List<Class<?>> lineage(Class<?> type) {
        List<Class<?>> classes = new ArrayList<>();
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            classes.addFirst(c);
        }
        return classes;
    }
}
