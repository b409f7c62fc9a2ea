package contracts;

import com.tngtech.archunit.core.domain.JavaClass;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Type questions about classes ArchUnit did not import. The contracts import only the
 * graded packages, not the JDK (see {@link GradedCode}), so ArchUnit knows
 * {@code java.util.ArrayList} by name only; the answer then comes from the class itself,
 * loaded (not initialised) from the test class path.
 */
final class Types {
    private static final Map<String, Optional<Class<?>>> LOADED = new ConcurrentHashMap<>();

    private Types() {
    }

    /** Whether {@code type} is {@code supertype} or a subtype of it. */
    static boolean isAssignableTo(JavaClass type, String supertype) {
        if (type.getName().equals(supertype) || type.isAssignableTo(supertype)) {
            return true;
        }
        Optional<Class<?>> sub = load(type.getName());
        Optional<Class<?>> sup = load(supertype);
        return sub.isPresent() && sup.isPresent() && sup.get().isAssignableFrom(sub.get());
    }

    /** Whether the type is an enum, asking the class itself when ArchUnit does not know it. */
    static boolean isEnum(JavaClass type) {
        return type.isEnum() || load(type.getName()).map(Class::isEnum).orElse(false);
    }

    private static Optional<Class<?>> load(String name) {
        return LOADED.computeIfAbsent(name, n -> {
            try {
                return Optional.of(Class.forName(n, false, Types.class.getClassLoader()));
            } catch (ClassNotFoundException | LinkageError e) {
                return Optional.empty();
            }
        });
    }
}
