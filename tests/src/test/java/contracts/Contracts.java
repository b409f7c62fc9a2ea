package contracts;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget.CodeUnitAccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaCodeUnitAccess;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaConstructorReference;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Axon's component contracts, as ArchUnit rules.
 *
 * <p>Each method gives one {@link Contract}. The rules see the class files of the
 * classes they are given (the graded tree: packages {@code axon}, {@code examples},
 * {@code kamaelia}), so they judge what a component's own code does: its fields, and the
 * calls and field accesses in its methods, constructors, lambdas and inner classes. They
 * do not see what happens at run time, such as what a lambda passed in from outside will
 * do. The handbook's chapter "Component contracts" explains each rule.
 */
public final class Contracts {
    /** The contracts for the kit's own type names. */
    public static final Contracts AXON = new Contracts(Kinds.AXON);

    private final Kinds kinds;
    private final Immutability immutability;

    public Contracts(Kinds kinds) {
        this.kinds = kinds;
        this.immutability = new Immutability(kinds);
    }

    /** All the contracts, in the order of the handbook. */
    public List<Contract> all() {
        return List.of(componentsDoNotKnowEachOther(), componentsShareOnlyThroughBoxes(), boxesAreDocumented(),
                cooperativeComponentsDoNotBlock(), messagesAreImmutable(), threadedComponentsUseTheThreadedApi(),
                threadedComponentsDoNotWaitHoldingALock());
    }

    // --- 1. A component does not know who it is wired to -------------------------------

    public Contract componentsDoNotKnowEachOther() {
        String title = "a component does not know who it is wired to";
        String why = """
                a component's parent wires its boxes, the way a shell wires programs with pipes. A component that \
                holds or calls another one works only with that one: it cannot be rewired, reused or tested alone, \
                and its calls run the other's code outside the scheduler and the boxes. Only a chassis (a component \
                annotated @Chassis, as Pipeline, Graphline and ServerCore are) owns children and wires them.\
                """;
        return contract(title, why, "Components do not know each other",
                belongToAComponent().and(notOfAChassisOrBaseClass()),
                "hold no other component in a field, and create, call or touch no other component", (type, events) -> {
            JavaClass component = kinds.componentOf(type).orElseThrow();
            Set<JavaClass> own = Kinds.selfAndSuperclasses(component);
            for (JavaField field : type.getFields()) {
                if (Kinds.isSynthetic(field)) {
                    continue;
                }
                field.getType().getAllInvolvedRawTypes().stream().map(Kinds::elementType)
                        .filter(kinds::isComponent).findFirst()
                        .ifPresent(other -> events.add(SimpleConditionEvent.violated(field, "field "
                                + field.getFullName() + " " + Kinds.location(field) + " holds another component ("
                                + other.getName() + "). Do not keep components: send messages out of one of"
                                + " your outboxes, and let the parent link that outbox to the other component's"
                                + " inbox.")));
            }
            for (JavaAccess<?> access : type.getAccessesFromSelf()) {
                JavaClass target = Kinds.elementType(access.getTargetOwner());
                if (kinds.isComponent(target) && !isOwn(access, target, component, own)) {
                    events.add(SimpleConditionEvent.violated(access, describeReach(access, target)));
                }
            }
        });
    }

    /** Calls into the component's own class and superclasses are its own; so are this(...) and super(...). */
    private static boolean isOwn(JavaAccess<?> access, JavaClass target, JavaClass component, Set<JavaClass> own) {
        boolean creates = access instanceof JavaConstructorCall || access instanceof JavaConstructorReference;
        if (!creates) {
            return own.contains(target);
        }
        if (access instanceof JavaConstructorReference) {
            return false;
        }
        JavaCodeUnit origin = access.getOrigin();
        boolean inOwnConstructor = origin.isConstructor() && origin.getOwner().equals(component);
        return inOwnConstructor && (target.equals(component)
                || target.equals(component.getRawSuperclass().orElse(null)));
    }

    private static String describeReach(JavaAccess<?> access, JavaClass target) {
        String where = Kinds.describe(access.getOrigin()) + " " + access.getSourceCodeLocation();
        if (access instanceof JavaConstructorCall || access instanceof JavaConstructorReference) {
            return where + " creates another component (" + target.getName() + "). Making and wiring components is"
                    + " the job of a parent (a chassis such as Pipeline or Graphline, which says so with @Chassis):"
                    + " let the parent create both and link your outbox to the other's inbox.";
        }
        if (access instanceof JavaFieldAccess fieldAccess) {
            return where + " uses field " + fieldAccess.getTarget().getName() + " of another component ("
                    + target.getName() + "). Ask for what you need with a message to one of its inboxes, and receive"
                    + " the answer in one of yours.";
        }
        CodeUnitAccessTarget method = (CodeUnitAccessTarget) access.getTarget();
        return where + " calls " + Kinds.describeMethod(method.getName(), method.getRawParameterTypes())
                + " on another component (" + target.getName() + "). Send a message out of one of"
                + " your outboxes instead (send(message, \"outbox\")) and let the parent link that outbox to the"
                + " other component's inbox.";
    }

    // --- 2. A component talks to others only through its boxes --------------------------

    public Contract componentsShareOnlyThroughBoxes() {
        String title = "a component talks to others only through its boxes";
        String why = """
                everything a component shares travels through a box as a message, so no component sees another's \
                state change under it. A public field that can change is a way around the boxes; a static field \
                that can change is shared by every instance of the class, and by every component that can reach it.""";
        return contract(title, why, "Components share nothing but messages", belongToAComponent(),
                "have no public field that can change, and no static field that can change", (type, events) -> {
            for (JavaField field : type.getFields()) {
                if (Kinds.isSynthetic(field)) {
                    continue;
                }
                Set<JavaModifier> modifiers = field.getModifiers();
                if (modifiers.contains(JavaModifier.STATIC)) {
                    immutability.whyFieldCanChange(field, false).ifPresent(reason -> events.add(
                            SimpleConditionEvent.violated(field, "static field " + field.getFullName() + " "
                                    + Kinds.location(field) + " can change: " + reason + ". A static field is one"
                                    + " value shared by every instance and by anyone who can reach it; keep state"
                                    + " in private instance fields, and make a static field a constant (static"
                                    + " final, of an"
                                    + " immutable type such as String, a number or a record).")));
                } else if (modifiers.contains(JavaModifier.PUBLIC) && type.equals(kinds.componentOf(type).orElse(null))) {
                    immutability.whyFieldCanChange(field, false).ifPresent(reason -> events.add(
                            SimpleConditionEvent.violated(field, "public field " + field.getFullName() + " "
                                    + Kinds.location(field) + " can change: " + reason + ". Make it private; if"
                                    + " others need the value, send it out of an outbox.")));
                }
            }
        });
    }

    // --- 3. Every box says what travels through it --------------------------------------

    private static final Pattern PLACEHOLDER = Pattern.compile(
            "(?i)\\s*(todo|fixme|tbd|xxx|none|n/?a|doc|description|box|inbox|outbox|\\.+|-+|\\?+)\\s*[.!]*\\s*");
    private static final Pattern WORD = Pattern.compile("\\p{L}+");

    public Contract boxesAreDocumented() {
        String title = "every box says what travels through it";
        String why = """
                a component is wired by people who do not read its code: the sentence on each @Inbox and @Outbox is \
                its documentation, as in Kamaelia, where every box comes with one. A box without a description is \
                unfinished.""";
        return contract(title, why, "Boxes say what travels through them", areComponents(),
                "describe each declared box with a sentence", (type, events) -> {
            for (JavaAnnotation<?> box : declaredBoxes(type)) {
                String kind = box.getRawType().getSimpleName();
                String name = String.valueOf(box.get("name").orElse(""));
                String doc = String.valueOf(box.get("doc").orElse(""));
                Optional<String> problem = problemWith(name, doc);
                problem.ifPresent(p -> events.add(SimpleConditionEvent.violated(type, type.getName() + " "
                        + Kinds.location(type) + " declares @" + kind + "(name = \"" + name + "\", doc = \"" + doc
                        + "\"): " + p + ". Write a sentence that says what " + (kind.equals("Inbox")
                                ? "arrives in this inbox, such as doc = \"Lines of text to search\""
                                : "leaves through this outbox, such as doc = \"The lines that match\"")
                        + ".")));
            }
        });
    }

    /** The @Inbox and @Outbox annotations on the class itself, unpacked from their containers. */
    private static List<JavaAnnotation<?>> declaredBoxes(JavaClass type) {
        List<JavaAnnotation<?>> boxes = new ArrayList<>();
        for (JavaAnnotation<JavaClass> annotation : type.getAnnotations()) {
            String name = annotation.getRawType().getName();
            if (name.equals("axon.Inbox") || name.equals("axon.Outbox")) {
                boxes.add(annotation);
            } else if (name.equals("axon.Inbox$List") || name.equals("axon.Outbox$List")) {
                Object value = annotation.get("value").orElse(new Object[0]);
                for (Object each : (Object[]) value) {
                    boxes.add((JavaAnnotation<?>) each);
                }
            }
        }
        return boxes;
    }

    private static Optional<String> problemWith(String name, String doc) {
        if (name.isBlank()) {
            return Optional.of("the box has no name");
        }
        if (doc.isBlank()) {
            return Optional.of("its description is empty");
        }
        if (PLACEHOLDER.matcher(doc).matches() || doc.strip().equalsIgnoreCase(name)) {
            return Optional.of("\"" + doc.strip() + "\" is a placeholder, not a description");
        }
        if (WORD.matcher(doc).results().count() < 2) {
            return Optional.of("one word does not say what travels through it");
        }
        return Optional.empty();
    }

    // --- 4. A cooperative component never blocks ----------------------------------------

    public Contract cooperativeComponentsDoNotBlock() {
        String title = "a cooperative component never blocks";
        String why = """
                cooperative components take turns on the scheduler's one thread: step() does a slice of work and \
                returns. A call that waits (sleep, a lock, a blocking queue, a future, reading a file or a socket) \
                stops every other component for as long as it waits, or for ever. Blocking belongs in a \
                ThreadedComponent (stage 9), which has a thread of its own.""";
        return contract(title, why, "Cooperative components never block", belongToACooperativeComponent(),
                "make no call that waits, directly or through a helper class, and have no synchronized method",
                (type, events) -> {
            for (JavaCodeUnit unit : type.getCodeUnits()) {
                if (unit.getModifiers().contains(JavaModifier.SYNCHRONIZED)) {
                    events.add(SimpleConditionEvent.violated(unit, Kinds.describe(unit) + " "
                            + unit.getSourceCodeLocation() + " is synchronized, so it waits whenever another"
                            + " thread holds the lock. A cooperative component runs on the scheduler's one"
                            + " thread and needs no lock: remove synchronized, or make it a ThreadedComponent"
                            + " if other threads are involved."));
                }
                for (JavaCodeUnitAccess<?> access : codeUnitAccesses(unit)) {
                    List<JavaCodeUnitAccess<?>> path = blockingPath(access, new HashSet<>(), 0);
                    if (!path.isEmpty()) {
                        events.add(SimpleConditionEvent.violated(access, describeBlocking(path)));
                    }
                }
            }
        });
    }

    private static final int HELPER_DEPTH = 4;

    /**
     * The calls from {@code access} down to a blocking call: the access itself when it
     * blocks, or through methods of helper classes; empty when none is found. Not followed:
     * the JDK (its blocking calls are listed in {@link Blocking}), components (each is
     * checked on its own) and the kit's core, package {@code axon}, whose tests check it
     * and which may take a short internal lock (thread-safe boxes) without waiting for
     * long.
     */
    private List<JavaCodeUnitAccess<?>> blockingPath(JavaCodeUnitAccess<?> access, Set<JavaCodeUnit> seen, int depth) {
        return pathToWaiting(access, seen, depth,
                c -> !kinds.isComponent(c) && !c.getPackageName().equals(Kinds.CORE));
    }

    /**
     * The calls from {@code access} down to one that waits (see {@link Blocking}), following
     * calls into the classes {@code followInto} accepts, at most {@link #HELPER_DEPTH} deep
     * and never into the JDK; empty when none is found.
     */
    private static List<JavaCodeUnitAccess<?>> pathToWaiting(JavaCodeUnitAccess<?> access, Set<JavaCodeUnit> seen,
            int depth, Predicate<JavaClass> followInto) {
        CodeUnitAccessTarget target = access.getTarget();
        if (Blocking.find(target).isPresent()) {
            return List.of(access);
        }
        JavaClass owner = Kinds.elementType(access.getTargetOwner());
        if (depth >= HELPER_DEPTH || Kinds.isJdk(owner) || !followInto.test(owner)) {
            return List.of();
        }
        Optional<? extends JavaCodeUnit> member = target.resolveMember();
        if (member.isEmpty() || !followInto.test(member.get().getOwner()) || !seen.add(member.get())) {
            return List.of();
        }
        for (JavaCodeUnitAccess<?> next : codeUnitAccesses(member.get())) {
            List<JavaCodeUnitAccess<?>> rest = pathToWaiting(next, seen, depth + 1, followInto);
            if (!rest.isEmpty()) {
                List<JavaCodeUnitAccess<?>> path = new ArrayList<>();
                path.add(access);
                path.addAll(rest);
                return path;
            }
        }
        return List.of();
    }

    /** The calls and method references in a method, constructor or initialiser, its lambdas included. */
    private static List<JavaCodeUnitAccess<?>> codeUnitAccesses(JavaCodeUnit unit) {
        List<JavaCodeUnitAccess<?>> accesses = new ArrayList<>(unit.getCallsFromSelf());
        accesses.addAll(unit.getCodeUnitReferencesFromSelf());
        return accesses;
    }

    /** "Class.method (File.java:12) calls A.b, which calls C.d (File.java:34)": a path of calls, in words. */
    private static StringBuilder describeCalls(List<JavaCodeUnitAccess<?>> path) {
        StringBuilder text = new StringBuilder();
        JavaCodeUnitAccess<?> first = path.getFirst();
        text.append(Kinds.describe(first.getOrigin())).append(' ').append(first.getSourceCodeLocation());
        for (int i = 0; i < path.size(); i++) {
            JavaCodeUnitAccess<?> step = path.get(i);
            CodeUnitAccessTarget target = step.getTarget();
            String called = Kinds.describeTarget(target.getOwner().getName(), target.getName(),
                    target.getRawParameterTypes());
            text.append(i == 0 ? " calls " : ", which calls ").append(called);
            if (i > 0) {
                text.append(' ').append(step.getSourceCodeLocation());
            }
        }
        return text;
    }

    private static String describeBlocking(List<JavaCodeUnitAccess<?>> path) {
        StringBuilder text = describeCalls(path);
        Blocking.Call kind = Blocking.find(path.getLast().getTarget()).orElseThrow();
        text.append(", ").append(kind.why()).append(". Do the work in small steps and return from step() instead"
                + " (check again at the next step, or wait for a message in an inbox); if it really has to wait,"
                + " make it a ThreadedComponent.");
        return text.toString();
    }

    // --- 5. Messages cannot change once sent --------------------------------------------

    public Contract messagesAreImmutable() {
        String title = "a message cannot change once it is sent";
        String why = """
                a message is handed from one component to another while the sender may keep a reference to it. If \
                it can change, sender and receiver share state behind the boxes' back, and once threaded components \
                take part they race. Ipc messages, and the messages the kit's components send, are records (or \
                final classes) of immutable values.""";
        return contract(title, why, "Messages cannot change", areMessages(),
                "be records or final classes of immutable values", (type, events) -> {
            String what = (kinds.isIpc(type) ? "Ipc message " : "message ") + type.getName() + " "
                    + Kinds.location(type) + sentBy(type).map(s -> ", " + s + ",").orElse("");
            immutability.whyInstancesCanChange(type, true).ifPresent(w -> events.add(SimpleConditionEvent.violated(type, what + " can change after it is"
                    + " sent: " + w + ". Make the message a record of immutable values (copy lists and maps with"
                    + " List.copyOf and Map.copyOf in its compact constructor).")));
        });
    }

    /**
     * A message type: an Ipc message, or a class of the graded tree that a component
     * creates in a method (or lambda) that sends.
     */
    private DescribedPredicate<JavaClass> areMessages() {
        return DescribedPredicate.describe("are messages (Ipc messages, and the kit's classes that components"
                + " create and send)", type -> !type.isInterface() && !type.isAnnotation()
                        && (kinds.isIpc(type) || isSentByAComponent(type)));
    }

    private boolean isSentByAComponent(JavaClass type) {
        return !type.isAnonymousClass() && !type.isLocalClass() && !Types.isAssignableTo(type, "java.lang.Throwable")
                && !type.isAssignableTo(Kinds.MICROPROCESS) && sentBy(type).isPresent();
    }

    /** "created and sent in examples.Batcher.step() (Batcher.java:21)": the first component method that does. */
    private Optional<String> sentBy(JavaClass type) {
        return type.getConstructorCallsToSelf().stream()
                .filter(call -> kinds.componentOf(call.getOriginOwner()).isPresent())
                .filter(call -> sends(call.getOrigin()))
                .sorted((a, b) -> (a.getOriginOwner().getName() + a.getLineNumber())
                        .compareTo(b.getOriginOwner().getName() + b.getLineNumber()))
                .map(call -> "created and sent in " + Kinds.describe(call.getOrigin()) + " "
                        + call.getSourceCodeLocation())
                .findFirst();
    }

    private boolean sends(JavaCodeUnit unit) {
        for (JavaMethodCall call : unit.getMethodCallsFromSelf()) {
            if (call.getName().equals("send") && kinds.isComponent(call.getTargetOwner())) {
                return true;
            }
        }
        return false;
    }

    // --- 6. A threaded component uses only the threaded API -----------------------------

    private static final Set<String> STEPPING = Set.of("next", "step", "activate", "scheduler");
    private static final Set<String> WIRING = Set.of("link", "unlinkAll");

    public Contract threadedComponentsUseTheThreadedApi() {
        String title = "a threaded component uses only the threaded API";
        String why = """
                a threaded component's code runs on a thread of its own, while the scheduler, its run queue, the \
                boxes and the links belong to the scheduler's thread and are not thread-safe. ThreadedComponent \
                documents what its thread may use (send, recv, dataReady, anyReady): they hand messages across \
                threads safely.""";
        return contract(title, why, "Threaded components use the threaded API", belongToAThreadedComponent(),
                "not touch the scheduler, step or activate microprocesses, or use boxes and links directly",
                (type, events) -> {
            for (JavaField field : type.getFields()) {
                JavaClass held = Kinds.elementType(field.getRawType());
                if (!Kinds.isSynthetic(field) && held.isAssignableTo(Kinds.SCHEDULER)) {
                    events.add(SimpleConditionEvent.violated(field, "field " + field.getFullName() + " "
                            + Kinds.location(field) + " holds the scheduler, which is not thread-safe. A threaded"
                            + " component leaves the scheduler alone: talk to others with send and recv."));
                }
            }
            for (JavaAccess<?> access : type.getAccessesFromSelf()) {
                String used = access.getTarget().resolveMember().map(m -> m.getFullName())
                        .orElse(access.getTarget().getFullName());
                internalReached(access).ifPresent(what -> events.add(SimpleConditionEvent.violated(access,
                        Kinds.describe(access.getOrigin()) + " " + access.getSourceCodeLocation() + " uses "
                                + used + ": " + what)));
            }
        });
    }

    private Optional<String> internalReached(JavaAccess<?> access) {
        JavaClass owner = Kinds.elementType(access.getTargetOwner());
        String name = access.getTarget().getName();
        if (owner.isAssignableTo(Kinds.SCHEDULER)) {
            return Optional.of("the scheduler runs on another thread and is not thread-safe. Leave it alone: a"
                    + " threaded component talks to others only with send and recv.");
        }
        if (owner.isAssignableTo(Kinds.BOX) || owner.isAssignableTo(Kinds.POSTMAN)) {
            return Optional.of("a box is not thread-safe, and this code runs on the component's own thread. Use"
                    + " send(message, box), recv(box) and dataReady(box), which ThreadedComponent makes safe.");
        }
        if (owner.isAssignableTo(Kinds.LINKAGE) || owner.isAssignableTo(Kinds.COMPONENT) && WIRING.contains(name)) {
            return Optional.of("links change boxes that the scheduler's thread is using. Let the parent wire the"
                    + " component before it runs.");
        }
        if (owner.isAssignableTo(Kinds.MICROPROCESS) && STEPPING.contains(name)) {
            return Optional.of("the scheduler, and stepping and activating microprocesses, belong to the scheduler's"
                    + " thread. Let the parent activate children; a threaded component only sends and receives.");
        }
        return Optional.empty();
    }

    // --- 7. A threaded component never waits inside synchronized -------------------------

    public Contract threadedComponentsDoNotWaitHoldingALock() {
        String title = "a threaded component never waits inside synchronized";
        String why = """
                threaded components run on virtual threads, which take turns on a few carrier threads (as many as \
                the machine has cores). On Java 21, a virtual thread that waits while it holds a synchronized lock \
                keeps its carrier for as long as it waits (it is pinned): on a two-core laptop two such waits stop \
                every other threaded component. The locks of java.util.concurrent (ReentrantLock and its Condition) \
                and the boxes wait without holding a carrier. Java 24 lifted the limit (JEP 491), but the kit runs \
                on Java 21 too.""";
        return contract(title, why, "Threaded components never wait inside synchronized",
                belongToAThreadedComponentOrItsApi(),
                "make no call that waits while holding a synchronized lock, directly or through a helper",
                (type, events) -> {
            Set<Monitors.HeldCall> held = Monitors.heldCalls(type);
            if (held.isEmpty()) {
                return;
            }
            for (JavaCodeUnit unit : type.getCodeUnits()) {
                boolean wholeMethod = unit.getModifiers().contains(JavaModifier.SYNCHRONIZED);
                for (JavaCodeUnitAccess<?> access : unit.getCallsFromSelf()) {
                    Monitors.HeldCall key = new Monitors.HeldCall(unit.getName(), unit.getDescriptor(),
                            access.getTargetOwner().getName(), access.getName(), access.getLineNumber());
                    if (!held.contains(key)) {
                        continue;
                    }
                    List<JavaCodeUnitAccess<?>> path = waitingPath(access, new HashSet<>(), 0);
                    if (!path.isEmpty()) {
                        events.add(SimpleConditionEvent.violated(access, describeWaitingWhileHolding(path,
                                wholeMethod)));
                    }
                }
            }
        });
    }

    /**
     * The calls from {@code access} down to one that waits: the access itself, or through
     * methods of the component's own classes, helpers and the kit's core (whose threaded
     * {@code recv} and {@code send} can wait); empty when none is found.
     */
    private List<JavaCodeUnitAccess<?>> waitingPath(JavaCodeUnitAccess<?> access, Set<JavaCodeUnit> seen, int depth) {
        return pathToWaiting(access, seen, depth, c -> true);
    }

    private static String describeWaitingWhileHolding(List<JavaCodeUnitAccess<?>> path, boolean wholeMethod) {
        StringBuilder text = describeCalls(path);
        text.append(wholeMethod ? " in a synchronized method" : " inside a synchronized block")
                .append(", so it waits while it holds the lock: on Java 21 its virtual thread keeps a carrier thread"
                        + " all that time. Use a java.util.concurrent.locks.ReentrantLock and its Condition instead of"
                        + " synchronized, wait and notify (lock(), then await() in a loop, unlock() in a finally), or"
                        + " do the waiting outside the synchronized code.");
        return text.toString();
    }

    /**
     * A contract whose rule runs {@code check} on each class that {@code that} selects;
     * {@code check} adds a violation, in words, for each place that breaks it.
     */
    private static Contract contract(String title, String why, String section, DescribedPredicate<JavaClass> that,
            String should, BiConsumer<JavaClass, ConditionEvents> check) {
        ArchCondition<JavaClass> condition = new ArchCondition<>(should) {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                check.accept(type, events);
            }
        };
        ArchRule rule = classes().that(that).should(condition).as(title).because(why).allowEmptyShould(true);
        return new Contract(title, why, section, rule);
    }

    // --- Which classes each rule looks at -----------------------------------------------

    private DescribedPredicate<JavaClass> areComponents() {
        return DescribedPredicate.describe("are components", kinds::isComponent);
    }

    /** Components, and the inner, local and anonymous classes inside them. */
    private DescribedPredicate<JavaClass> belongToAComponent() {
        return DescribedPredicate.describe("are components or inside one", t -> kinds.componentOf(t).isPresent());
    }

    /** Chassis own their children; the base classes keep the bookkeeping of parents and children. */
    private DescribedPredicate<JavaClass> notOfAChassisOrBaseClass() {
        return DescribedPredicate.describe("are not part of a chassis or of a base class",
                t -> kinds.componentOf(t).filter(c -> Kinds.isChassis(c) || Kinds.isBaseClass(c)).isEmpty());
    }

    private DescribedPredicate<JavaClass> belongToACooperativeComponent() {
        return DescribedPredicate.describe("are cooperative components or inside one",
                t -> kinds.componentOf(t).filter(kinds::isCooperative).isPresent());
    }

    /** Threaded components, ThreadedComponent itself included (a learner writes it at stage 9). */
    private DescribedPredicate<JavaClass> belongToAThreadedComponentOrItsApi() {
        return DescribedPredicate.describe("are threaded components or inside one",
                t -> kinds.componentOf(t).filter(kinds::isThreaded).isPresent());
    }

    /** Threaded components, except ThreadedComponent itself: it is the API. */
    private DescribedPredicate<JavaClass> belongToAThreadedComponent() {
        Predicate<JavaClass> isApi = c -> c.getName().equals(kinds.threadedComponent());
        return DescribedPredicate.describe("are threaded components or inside one", t -> kinds.componentOf(t)
                .filter(kinds::isThreaded).filter(isApi.negate()).isPresent());
    }
}
