package contracts;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaParameterizedType;
import com.tngtech.archunit.core.domain.JavaType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides, from the class files alone, whether a value can change once it is made.
 *
 * <h2>Where the line is drawn</h2>
 * ArchUnit sees types, fields and calls, not values, so this is a judgement on types:
 * <ul>
 *   <li>Immutable: primitives, {@code String}, the boxed numbers, {@code BigInteger},
 *       {@code BigDecimal}, {@code java.time} values, {@code UUID}, {@code Pattern},
 *       {@code URI}, {@code Path}, {@code Class}, {@code Optional}, enums; records and
 *       final classes whose fields are all final and of immutable types; the JDK's
 *       functional interfaces and {@code Comparator} (they hold code, not state).</li>
 *   <li>{@code List}, {@code Set}, {@code Map} and {@code Collection} fields: immutable
 *       when the code that sets the field builds the value with an unmodifiable factory
 *       ({@code List.of}, {@code List.copyOf}, {@code Collections.unmodifiableList},
 *       {@code stream.toList()}, ...) on the line where it is set, and the elements are
 *       of immutable types.</li>
 *   <li>Everything else can change: arrays, other JDK classes ({@code ArrayList},
 *       {@code StringBuilder}, {@code AtomicInteger}, {@code Object}), interfaces and
 *       abstract classes (unless sealed with immutable subclasses), non-final classes.</li>
 *   <li>Messages may name a component or a box ({@code ShutdownMicroprocess} says whom to
 *       stop), or a network channel ({@code Selector.Watch} says which socket to watch):
 *       such a field holds an identity, not state the message carries, and is allowed in
 *       messages (not in static fields).</li>
 * </ul>
 */
final class Immutability {
    private static final Set<String> IMMUTABLE = Set.of(
            "java.lang.String", "java.lang.Boolean", "java.lang.Character", "java.lang.Byte", "java.lang.Short",
            "java.lang.Integer", "java.lang.Long", "java.lang.Float", "java.lang.Double", "java.lang.Class",
            "java.math.BigInteger", "java.math.BigDecimal", "java.util.UUID", "java.util.regex.Pattern",
            "java.net.URI", "java.nio.file.Path", "java.util.Locale", "java.util.Optional", "java.util.OptionalInt",
            "java.util.OptionalLong", "java.util.OptionalDouble", "java.nio.charset.Charset");
    /** A socket or other selectable channel: named in messages the way a box is. */
    private static final String CHANNEL = "java.nio.channels.SelectableChannel";
    private static final Set<String> COLLECTIONS = Set.of(
            "java.util.List", "java.util.Set", "java.util.Map", "java.util.Collection");

    private final Kinds kinds;

    Immutability(Kinds kinds) {
        this.kinds = kinds;
    }

    /**
     * Why what this field holds can change, as a phrase ("it is not final"), or empty
     * when it cannot.
     *
     * @param identitiesAllowed whether a component, box or channel may be named (true in messages)
     */
    Optional<String> whyFieldCanChange(JavaField field, boolean identitiesAllowed) {
        return whyFieldCanChange(field, identitiesAllowed, new HashSet<>());
    }

    private Optional<String> whyFieldCanChange(JavaField field, boolean identitiesAllowed, Set<String> seen) {
        if (!field.getModifiers().contains(JavaModifier.FINAL)) {
            return Optional.of("it is not final, so it can be set again");
        }
        JavaClass raw = field.getRawType();
        if (COLLECTIONS.contains(raw.getName())) {
            if (!builtUnmodifiable(field)) {
                String simple = raw.getSimpleName();
                return Optional.of("it is a " + raw.getName() + ", and the line that sets it does not make it"
                        + " unmodifiable: build it with " + simple + ".of(...) or copy it with " + simple
                        + ".copyOf(...)");
            }
            return whyElementsCanChange(field.getType(), identitiesAllowed, seen);
        }
        return whyTypeCanChange(raw, identitiesAllowed, seen);
    }

    /**
     * Why instances of this class can change, judged on the class itself (also for an
     * Ipc message, which {@link #whyTypeCanChange} takes as checked elsewhere).
     */
    Optional<String> whyInstancesCanChange(JavaClass type, boolean identitiesAllowed) {
        if (!type.isRecord() && !type.getModifiers().contains(JavaModifier.FINAL)) {
            return Optional.of("it is not final, so a subclass could add state that changes");
        }
        Set<String> seen = new HashSet<>();
        seen.add(type.getName());
        return whyFieldsCanChange(type, identitiesAllowed, seen);
    }

    /** Why values of this type can change, as a phrase, or empty when they cannot. */
    Optional<String> whyTypeCanChange(JavaClass type, boolean identitiesAllowed) {
        return whyTypeCanChange(type, identitiesAllowed, new HashSet<>());
    }

    private Optional<String> whyTypeCanChange(JavaClass type, boolean identitiesAllowed, Set<String> seen) {
        if (type.isPrimitive() || Types.isEnum(type) || IMMUTABLE.contains(type.getName())
                || type.getPackageName().equals("java.time") || isCode(type) || !seen.add(type.getName())) {
            return Optional.empty();
        }
        if (type.isArray()) {
            return Optional.of("it is an array, whose elements can always be changed: use List.of(...) instead");
        }
        if (identitiesAllowed && (type.isAssignableTo(Kinds.MICROPROCESS) || type.isAssignableTo(Kinds.BOX)
                || Types.isAssignableTo(type, CHANNEL))) {
            return Optional.empty();
        }
        if (kinds.isIpc(type)) {
            return Optional.empty(); // every Ipc message is checked on its own
        }
        if (type.isRecord()) {
            return whyFieldsCanChange(type, identitiesAllowed, seen);
        }
        if (type.isInterface() || type.getModifiers().contains(JavaModifier.ABSTRACT)) {
            Optional<Set<JavaClass>> permitted = type.getPermittedSubclasses();
            if (type.isSealed() && permitted.isPresent()) {
                for (JavaClass sub : permitted.get()) {
                    Optional<String> why = whyTypeCanChange(sub, identitiesAllowed, seen);
                    if (why.isPresent()) {
                        return Optional.of(type.getName() + " can be a " + sub.getName() + ", and " + why.get());
                    }
                }
                return Optional.empty();
            }
            return Optional.of(type.getName() + " is " + (type.isInterface() ? "an interface" : "an abstract class")
                    + ", so any implementation could be behind it, one that changes too");
        }
        if (Kinds.isJdk(type)) {
            return Optional.of(type.getName() + " is not known to be immutable");
        }
        if (!type.getModifiers().contains(JavaModifier.FINAL)) {
            return Optional.of(type.getName() + " is not final, so a subclass could add state that changes:"
                    + " make it a record or a final class");
        }
        return whyFieldsCanChange(type, identitiesAllowed, seen);
    }

    /**
     * Functional interfaces of the JDK: a {@code static final Comparator} or
     * {@code Function} holds code, such as a lambda, not state.
     */
    private static boolean isCode(JavaClass type) {
        return type.getPackageName().equals("java.util.function") || type.getName().equals("java.util.Comparator");
    }

    private Optional<String> whyFieldsCanChange(JavaClass type, boolean identitiesAllowed, Set<String> seen) {
        List<JavaClass> lineage = new ArrayList<>();
        lineage.add(type);
        for (JavaClass sup : type.getAllRawSuperclasses()) {
            if (!Kinds.isJdk(sup)) {
                lineage.add(sup);
            }
        }
        for (JavaClass c : lineage) {
            for (JavaField f : c.getFields()) {
                if (f.getModifiers().contains(JavaModifier.STATIC) || Kinds.isSynthetic(f)) {
                    continue;
                }
                Optional<String> why = whyFieldCanChange(f, identitiesAllowed, seen);
                if (why.isPresent()) {
                    return Optional.of("its field " + f.getName() + " can change (" + why.get() + ")");
                }
            }
        }
        return Optional.empty();
    }

    private Optional<String> whyElementsCanChange(JavaType type, boolean identitiesAllowed, Set<String> seen) {
        if (!(type instanceof JavaParameterizedType parameterized)) {
            return Optional.of("its elements' type is not given, so they could be anything");
        }
        for (JavaType argument : parameterized.getActualTypeArguments()) {
            if (!(argument instanceof JavaClass element)) {
                return Optional.of("its elements are of type " + argument.getName() + ", which could be anything");
            }
            Optional<String> why = whyTypeCanChange(element, identitiesAllowed, seen);
            if (why.isPresent()) {
                return Optional.of("its elements can change (" + why.get() + ")");
            }
        }
        return Optional.empty();
    }

    /**
     * Whether every line that sets this collection field (in a constructor or the static
     * initialiser) sets it to what an unmodifiable factory returns: the call nearest to
     * the assignment, among those returning something the field can hold, is one.
     */
    private static boolean builtUnmodifiable(JavaField field) {
        List<JavaFieldAccess> sets = field.getAccessesToSelf().stream()
                .filter(a -> a.getAccessType() == JavaFieldAccess.AccessType.SET)
                .filter(a -> a.getOriginOwner().equals(field.getOwner()))
                .toList();
        if (sets.isEmpty()) {
            return false;
        }
        for (JavaFieldAccess set : sets) {
            if (!setFromFactory(set.getOrigin(), set.getLineNumber(), field.getRawType())
                    && !copiedInCompactConstructor(set)) {
                return false;
            }
        }
        return true;
    }

    /**
     * A record's compact constructor assigns the fields after its body, on the line of its
     * header, from the parameters as the body left them ({@code lines = List.copyOf(lines);}).
     * Which parameter a factory call copied is not visible, so this asks for at least as
     * many unmodifiable factory calls in the constructor as collection fields it assigns so.
     */
    private static boolean copiedInCompactConstructor(JavaFieldAccess set) {
        JavaCodeUnit constructor = set.getOrigin();
        JavaClass record = constructor.getOwner();
        int header = constructor.getSourceCodeLocation().getLineNumber();
        if (!record.isRecord() || !constructor.isConstructor() || set.getLineNumber() != header) {
            return false;
        }
        long implicit = constructor.getFieldAccesses().stream()
                .filter(a -> a.getAccessType() == JavaFieldAccess.AccessType.SET && a.getLineNumber() == header)
                .filter(a -> COLLECTIONS.contains(a.getTarget().getRawType().getName()))
                .count();
        long copies = constructor.getCallsFromSelf().stream().filter(Immutability::isUnmodifiableFactory).count();
        return copies >= implicit;
    }

    private static boolean setFromFactory(JavaCodeUnit unit, int line, JavaClass fieldType) {
        int nearest = -1;
        List<JavaCall<?>> candidates = new ArrayList<>();
        for (JavaCall<?> call : unit.getCallsFromSelf()) {
            JavaClass produced = call instanceof JavaConstructorCall ? call.getTargetOwner()
                    : call.getTarget().getRawReturnType();
            boolean generic = produced.getName().equals("java.lang.Object"); // such as stream.collect(...)
            if (call.getLineNumber() > line || !(generic || Types.isAssignableTo(produced, fieldType.getName()))) {
                continue;
            }
            if (call.getLineNumber() > nearest) {
                nearest = call.getLineNumber();
                candidates.clear();
            }
            if (call.getLineNumber() == nearest) {
                candidates.add(call);
            }
        }
        int at = nearest;
        boolean collectsUnmodifiable = unit.getCallsFromSelf().stream().anyMatch(c -> c.getLineNumber() == at
                && c.getTargetOwner().getName().equals("java.util.stream.Collectors")
                && c.getName().startsWith("toUnmodifiable"));
        return candidates.stream().anyMatch(c -> isUnmodifiableFactory(c)
                || c.getName().equals("collect") && collectsUnmodifiable);
    }

    private static boolean isUnmodifiableFactory(JavaCall<?> call) {
        String owner = call.getTargetOwner().getName();
        String name = call.getName();
        return switch (owner) {
            case "java.util.List", "java.util.Set", "java.util.Map" ->
                    name.equals("of") || name.equals("copyOf") || name.equals("ofEntries");
            case "java.util.Collections" ->
                    name.startsWith("unmodifiable") || name.startsWith("empty") || name.startsWith("singleton")
                            || name.equals("nCopies");
            case "java.util.stream.Stream" -> name.equals("toList");
            default -> Types.isAssignableTo(call.getTargetOwner(), "java.util.stream.Stream") && name.equals("toList");
        };
    }
}
