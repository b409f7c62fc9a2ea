package contracts;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.domain.JavaModifier;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The kinds of class the contracts talk about: components, cooperative and threaded
 * ones, chassis, Ipc messages. Types are matched by name, so a rule can name a type
 * that a later stage adds ({@code axon.ThreadedComponent}, {@code axon.Ipc}): until it
 * exists, nothing is of that kind and the rule has nothing to check.
 *
 * <h2>Chassis</h2>
 * A chassis owns its children: it creates or receives them, keeps them in fields, wires
 * their boxes and activates them. It is the one kind of component that may know other
 * components. A chassis says so with the annotation {@code @axon.Chassis}, and that
 * annotation is the one thing that makes a class a chassis here.
 */
public final class Kinds {
    /** The package of the kit's core. */
    static final String CORE = "axon";
    static final String MICROPROCESS = "axon.Microprocess";
    static final String COMPONENT = "axon.Component";
    static final String SCHEDULER = "axon.Scheduler";
    static final String BOX = "axon.Box";
    static final String LINKAGE = "axon.Linkage";
    static final String POSTMAN = "axon.Postman";
    static final String THREADED_COMPONENT = "axon.ThreadedComponent";
    static final String IPC = "axon.Ipc";

    /** The annotation a chassis carries. */
    static final String CHASSIS_MARKER = "axon.Chassis";

    /**
     * The base classes every component extends. They are the machinery, not components
     * built with it: like Axon's {@code Component.addChildren}, they may keep the parent
     * and children that chassis register, so they may hold other components.
     */
    static final List<String> BASE_CLASSES = List.of(COMPONENT, THREADED_COMPONENT);

    /** The names of the kit's own types, as the graded rules use them. */
    static final Kinds AXON = new Kinds(THREADED_COMPONENT, IPC);

    private final String threadedComponent;
    private final String ipc;

    /**
     * @param threadedComponent the base class of threaded components
     * @param ipc               the interface every Ipc message implements
     */
    public Kinds(String threadedComponent, String ipc) {
        this.threadedComponent = threadedComponent;
        this.ipc = ipc;
    }

    String threadedComponent() {
        return threadedComponent;
    }

    String ipc() {
        return ipc;
    }

    boolean isComponent(JavaClass type) {
        return !type.isInterface() && type.isAssignableTo(COMPONENT);
    }

    boolean isThreaded(JavaClass type) {
        // The kit's own ThreadedComponent always counts, beside a stand-in named for fixtures.
        return isComponent(type) && (type.isAssignableTo(threadedComponent) || type.isAssignableTo(THREADED_COMPONENT));
    }

    boolean isCooperative(JavaClass type) {
        return isComponent(type) && !isThreaded(type);
    }

    boolean isIpc(JavaClass type) {
        return type.isAssignableTo(ipc);
    }

    static boolean isBaseClass(JavaClass type) {
        return BASE_CLASSES.contains(type.getName());
    }

    /** A component that owns its children, which says so with {@code @axon.Chassis}. */
    static boolean isChassis(JavaClass type) {
        return type.isAnnotatedWith(CHASSIS_MARKER);
    }

    /**
     * The component a class belongs to: the class itself when it is a component, else
     * the nearest enclosing class that is (for the inner, local and anonymous classes
     * of a component, whose code is part of it).
     */
    Optional<JavaClass> componentOf(JavaClass type) {
        for (JavaClass c = type; c != null; c = c.getEnclosingClass().orElse(null)) {
            if (isComponent(c)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** The class and its superclasses: the code whose members a component may use as its own. */
    static Set<JavaClass> selfAndSuperclasses(JavaClass type) {
        Set<JavaClass> own = new LinkedHashSet<>();
        own.add(type);
        own.addAll(type.getAllRawSuperclasses());
        return own;
    }

    /** Arrays count as their elements' type. */
    static JavaClass elementType(JavaClass type) {
        JavaClass t = type;
        while (t.isArray()) {
            t = t.getComponentType();
        }
        return t;
    }

    static boolean isSynthetic(JavaField field) {
        return field.getModifiers().contains(JavaModifier.SYNTHETIC);
    }

    static boolean isJdk(JavaClass type) {
        String name = elementType(type).getName();
        return name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.")
                || name.startsWith("sun.") || name.startsWith("com.sun.") || elementType(type).isPrimitive();
    }

    // --- Saying where something is, in the form IDEs turn into links: (File.java:12) ---

    /** {@code examples.Spy.step()}, {@code the constructor of examples.Spy}, and so on. */
    static String describe(JavaCodeUnit unit) {
        String owner = unit.getOwner().getName();
        if (unit.isConstructor()) {
            return "the constructor of " + owner;
        }
        if (unit.getName().equals("<clinit>")) {
            return "the static initialiser of " + owner;
        }
        return owner + "." + unit.getName() + "(" + unit.getRawParameterTypes().stream()
                .map(JavaClass::getSimpleName).collect(Collectors.joining(", ")) + ")";
    }

    /** {@code java.lang.Thread.sleep(long)}, {@code new java.net.Socket(String, int)}. */
    static String describeTarget(String owner, String name, List<JavaClass> parameters) {
        if (name.equals("<init>")) {
            return "new " + owner + "(" + simpleNames(parameters) + ")";
        }
        return owner + "." + describeMethod(name, parameters);
    }

    /** {@code inbox(String)}. */
    static String describeMethod(String name, List<JavaClass> parameters) {
        return name + "(" + simpleNames(parameters) + ")";
    }

    private static String simpleNames(List<JavaClass> types) {
        return types.stream().map(JavaClass::getSimpleName).collect(Collectors.joining(", "));
    }

    /**
     * Where a field is: the first line that sets it (its initialiser, or the constructor
     * line that assigns it), since the class file keeps no line for a declaration.
     */
    static String location(JavaField field) {
        String file = field.getOwner().getSource().flatMap(s -> s.getFileName()).orElse(field.getOwner().getSimpleName() + ".java");
        int line = field.getAccessesToSelf().stream()
                .filter(a -> a.getAccessType() == JavaFieldAccess.AccessType.SET)
                .filter(a -> a.getOriginOwner().equals(field.getOwner()))
                .mapToInt(JavaFieldAccess::getLineNumber).filter(n -> n > 0).min().orElse(0);
        return "(" + file + (line > 0 ? ":" + line : "") + ")";
    }

    /** Where a class is: its source file (the class file keeps no line for a declaration). */
    static String location(JavaClass type) {
        return "(" + type.getSource().flatMap(s -> s.getFileName()).orElse(type.getSimpleName() + ".java") + ")";
    }
}
