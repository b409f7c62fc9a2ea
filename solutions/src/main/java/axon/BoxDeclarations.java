package axon;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads the {@link Inbox} and {@link Outbox} declarations of a component class.
 *
 * <p>Declarations are collected from {@link Component} down to the class itself, so
 * the default boxes come first and a subclass adds its own; a name declared again keeps
 * its place and takes the newer description.
 */
public final class BoxDeclarations {
    private BoxDeclarations() {
    }

    /** Each class's declarations, read once: every component of a class shares them. */
    private static final ClassValue<Declared> DECLARED = new ClassValue<>() {
        @Override
        protected Declared computeValue(Class<?> type) {
            Map<String, String> inboxes = declared(type, Inbox.class, Inbox::name, Inbox::doc);
            Map<String, String> outboxes = declared(type, Outbox.class, Outbox::name, Outbox::doc);
            return new Declared(Collections.unmodifiableMap(inboxes), Collections.unmodifiableMap(outboxes));
        }
    };

    /** One class's inboxes and outboxes: name to description, in order. */
    private record Declared(Map<String, String> inboxes, Map<String, String> outboxes) {
    }

    /** The declared inboxes of a component class: name to description, in order (unmodifiable). */
    public static Map<String, String> inboxesOf(Class<?> type) {
        return DECLARED.get(type).inboxes();
    }

    /** The declared outboxes of a component class: name to description, in order (unmodifiable). */
    public static Map<String, String> outboxesOf(Class<?> type) {
        return DECLARED.get(type).outboxes();
    }

    /** The declarations of one kind, from {@link Component} down to {@code type}: a name declared again keeps its place. */
    private static <A extends Annotation> Map<String, String> declared(Class<?> type, Class<A> kind,
            Function<A, String> name, Function<A, String> doc) {
        Map<String, String> boxes = new LinkedHashMap<>();
        for (Class<?> c : lineage(type)) {
            for (A box : c.getDeclaredAnnotationsByType(kind)) {
                boxes.put(name.apply(box).intern(), doc.apply(box));
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
