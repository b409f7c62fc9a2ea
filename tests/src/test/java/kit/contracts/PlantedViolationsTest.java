package kit.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.junit.ArchTag;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.engine_api.FieldSource;
import contracts.ComponentContractsTest;
import contracts.Contract;
import contracts.Contracts;
import contracts.GradedCode;
import contracts.GradedRule;
import contracts.Kinds;
import contracts.fixtures.standin.Ipc;
import contracts.fixtures.standin.ThreadedComponent;
import grading.support.Hints;
import grading.support.StageFilter;
import java.io.IOException;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Proves the contracts: each rule reports exactly the violations planted in
 * {@code contracts.fixtures.wrong} (nothing in {@code right} or {@code chassis}), and the
 * reference keeps every contract. A kit test: the kit check runs it, a learner's run does
 * not.
 */
@Tag("kit")
@Timeout(60) // importing every class the rules look at takes seconds on a busy machine, and grows with the kit
@DisplayName("Component contracts: the rules bite on planted violations, and the reference keeps them")
class PlantedViolationsTest {
    /** The contracts with the stand-ins for the types that later stages add. */
    private static final Contracts PLANTED = new Contracts(
            new Kinds(ThreadedComponent.class.getName(), Ipc.class.getName()));

    private static JavaClasses fixtures() {
        return GradedCode.fixturesWithGradedCode();
    }

    @Test
    @DisplayName("the graded tree keeps every contract, and the rules see its components")
    void gradedTreeKeepsEveryContract() {
        JavaClasses graded = GradedCode.classes();
        assertTrue(graded.contain("axon.Component") && graded.contain("examples.components.Producer"),
                "the contracts must be checked on the graded packages: " + graded.size() + " classes imported");
        assertFalse(graded.stream().anyMatch(c -> c.getPackageName().startsWith("contracts")
                || c.getPackageName().startsWith("grading")), "test classes and fixtures must not be graded");
        for (Contract contract : Contracts.AXON.all()) {
            assertEquals(List.of(), contract.violations(graded), contract.title());
        }
    }

    @Test
    @DisplayName("a component does not know who it is wired to: the field and the call of wrong.Shouter, not the chassis")
    void componentsDoNotKnowEachOther() {
        expect(PLANTED.componentsDoNotKnowEachOther(),
                violation("field contracts.fixtures.wrong.Shouter.printer (Shouter.java:",
                        "holds another component (contracts.fixtures.right.Printer)", "let the parent link"),
                violation("contracts.fixtures.wrong.Shouter.handle(Object) (Shouter.java:",
                        "calls inbox(String) on another component (contracts.fixtures.right.Printer)", "send(message, \"outbox\")"));
    }

    @Test
    @DisplayName("a component talks to others only through its boxes: the public and static fields of wrong.Counter")
    void componentsShareOnlyThroughBoxes() {
        expect(PLANTED.componentsShareOnlyThroughBoxes(),
                violation("public field contracts.fixtures.wrong.Counter.count (Counter.java:", "not final",
                        "Make it private"),
                violation("static field contracts.fixtures.wrong.Counter.total (Counter.java:", "not final",
                        "one value shared by every instance"),
                violation("static field contracts.fixtures.wrong.Counter.seen (Counter.java:", "java.util.List",
                        "List.of(...)"));
    }

    @Test
    @DisplayName("every box says what travels through it: the empty and the TODO descriptions of wrong.WordCounter")
    void boxesAreDocumented() {
        expect(PLANTED.boxesAreDocumented(),
                violation("contracts.fixtures.wrong.WordCounter (WordCounter.java) declares @Inbox(name = \"lines\"",
                        "its description is empty", "what arrives in this inbox"),
                violation("contracts.fixtures.wrong.WordCounter (WordCounter.java) declares @Outbox(name = \"counts\"",
                        "\"TODO\" is a placeholder", "what leaves through this outbox"));
    }

    @Test
    @DisplayName("a cooperative component never blocks: sleeping, reading a file, also through a helper and in a"
            + " constructor")
    void cooperativeComponentsDoNotBlock() {
        expect(PLANTED.cooperativeComponentsDoNotBlock(),
                violation("contracts.fixtures.wrong.Ticker.step() (Ticker.java:", "calls java.lang.Thread.sleep(long)",
                        "make it a ThreadedComponent"),
                violation("the constructor of contracts.fixtures.wrong.LineReader (LineReader.java:",
                        "calls java.nio.file.Files.newBufferedReader(Path)"),
                violation("contracts.fixtures.wrong.LineReader.step() (LineReader.java:",
                        "calls java.io.BufferedReader.readLine()"),
                violation("contracts.fixtures.wrong.Loader.handle(Object) (Loader.java:",
                        "calls contracts.fixtures.wrong.Disk.lines(Path), which calls"
                                + " java.nio.file.Files.readAllLines(Path) (Disk.java:"));
    }

    @Test
    @DisplayName("a message cannot change once it is sent: the mutable Batch that Batcher sends, and an Ipc record"
            + " that keeps its caller's list")
    void messagesAreImmutable() {
        expect(PLANTED.messagesAreImmutable(),
                violation("message contracts.fixtures.wrong.Batch (Batch.java), created and sent in"
                        + " contracts.fixtures.wrong.Batcher.step() (Batcher.java:", "not final"),
                violation("Ipc message contracts.fixtures.wrong.Finished (Finished.java)", "field leftovers",
                        "List.copyOf"));
    }

    @Test
    @DisplayName("a threaded component uses only the threaded API: the scheduler and the box that wrong.Worker uses")
    void threadedComponentsUseTheThreadedApi() {
        expect(PLANTED.threadedComponentsUseTheThreadedApi(),
                violation("contracts.fixtures.wrong.Worker.run() (Worker.java:", "uses axon.Microprocess.scheduler()"),
                violation("contracts.fixtures.wrong.Worker.run() (Worker.java:", "uses axon.Scheduler.microprocesses()"),
                violation("contracts.fixtures.wrong.Worker.run() (Worker.java:", "uses axon.Box.isEmpty()"),
                violation("contracts.fixtures.wrong.Worker.run() (Worker.java:", "uses axon.Box.take()"));
    }

    @Test
    @DisplayName("a threaded component never waits inside synchronized: the wait() in a synchronized block and the"
            + " sleep in a synchronized method of wrong.Doorbell, not its synchronized notifyAll")
    void threadedComponentsDoNotWaitHoldingALock() {
        expect(PLANTED.threadedComponentsDoNotWaitHoldingALock(),
                violation("contracts.fixtures.wrong.Doorbell.run() (Doorbell.java:", "calls java.lang.Object.wait()",
                        "inside a synchronized block", "ReentrantLock"),
                violation("contracts.fixtures.wrong.Doorbell.nap() (Doorbell.java:", "calls java.lang.Thread.sleep(long)",
                        "in a synchronized method", "on Java 21"));
    }

    @Test
    @DisplayName("a broken contract fails with the place first, then the reason and where to read more")
    void messageForLearners() {
        JavaClasses ticker = fixtures().that(DescribedPredicate.describe("the wrong Ticker",
                (JavaClass c) -> c.getName().equals("contracts.fixtures.wrong.Ticker")));
        AssertionError error = assertThrows(AssertionError.class,
                () -> PLANTED.cooperativeComponentsDoNotBlock().check(ticker));
        String[] lines = error.getMessage().split("\n");
        assertEquals("1 place breaks the contract \"a cooperative component never blocks\":", lines[0]);
        assertTrue(lines[1].startsWith("- contracts.fixtures.wrong.Ticker.step() (Ticker.java:"), lines[1]);
        assertTrue(lines[2].startsWith("Why: cooperative components take turns on the scheduler's one thread"),
                lines[2]);
        assertEquals("Read: " + Contract.CHAPTER + ", section \"Cooperative components never block\"", lines[3]);
    }

    @Test
    @DisplayName("every graded rule states its stage once, in its GradedRule, which the grader reads; each has a hint"
            + " for the progress board")
    void gradedRulesStateTheirStageOnce() throws IllegalAccessException {
        List<String> rules = new ArrayList<>();
        List<AnnotatedElement> members = new ArrayList<>(List.of(ComponentContractsTest.class.getDeclaredMethods()));
        members.addAll(List.of(ComponentContractsTest.class.getDeclaredFields()));
        for (AnnotatedElement member : members) {
            if (!member.isAnnotationPresent(ArchTest.class)) {
                continue;
            }
            String name = ((Member) member).getName();
            Field field = assertInstanceOf(Field.class, member, name + " must be a rule field holding a GradedRule:"
                    + " the grader reads a rule's stage from the field's value");
            field.setAccessible(true);
            GradedRule graded = assertInstanceOf(GradedRule.class, field.get(null), name
                    + " must be a GradedRule, which carries the stage the rule is judged at");
            List<String> tags = Arrays.stream(member.getAnnotationsByType(ArchTag.class)).map(ArchTag::value)
                    .filter(tag -> tag.matches("stage\\d+")).toList();
            assertEquals(List.of(), tags, name + " states its stage in its GradedRule: remove its stage tags,"
                    + " which the grader no longer reads");
            assertEquals(graded.stage(), StageFilter.stageOf(FieldSource.from(field)), name + " is judged at stage "
                    + graded.stage() + ": the grader must choose it for runs of that stage and file it there");
            assertTrue(Hints.find(ComponentContractsTest.class, name).isPresent(), name + " needs a hint in "
                    + Hints.file(ComponentContractsTest.class));
            rules.add(name + " " + String.format("stage%02d", graded.stage()));
        }
        List<String> names = rules.stream().map(rule -> rule.substring(0, rule.indexOf(' '))).toList();
        for (String block : Hints.of(ComponentContractsTest.class).keySet()) {
            assertTrue(names.contains(block), Hints.file(ComponentContractsTest.class) + " has a hint for " + block
                    + ", which is not a rule of ComponentContractsTest: rename the block after the rule, or remove it");
        }
        assertEquals(List.of(
                "a_component_does_not_know_who_it_is_wired_to stage03",
                "a_component_talks_to_others_only_through_its_boxes stage03",
                "a_cooperative_component_never_blocks stage03",
                "a_message_cannot_change_once_it_is_sent stage06",
                "a_threaded_component_never_waits_inside_synchronized stage09",
                "a_threaded_component_uses_only_the_threaded_api stage09",
                "every_box_says_what_travels_through_it stage03"), rules.stream().sorted().toList(), "the graded"
                + " rules and the stages they are graded from: a rule added, renamed or moved to another stage must"
                + " be changed here too, on purpose, with the handbook's contracts chapter that says where it starts");
    }

    @Test
    @DisplayName("the handbook's contracts chapter has a section per contract and includes code only from tags that"
            + " exist in compiled sources")
    void handbookIncludesResolve() throws IOException {
        Path root = kitRoot();
        Path chapter = root.resolve(Contract.CHAPTER);
        String text = Files.readString(chapter);
        Matcher include = Pattern.compile("include::\\{kitroot}/([^\\[]+)\\[tags?=([^\\],]+)").matcher(text);
        int found = 0;
        while (include.find()) {
            found++;
            Path source = root.resolve(include.group(1));
            assertTrue(Files.exists(source), "the chapter includes a file that does not exist: " + source);
            assertTrue(source.toString().endsWith(".java") && source.startsWith(root.resolve("tests/src/test/java")),
                    "the chapter must include compiled test sources: " + source);
            String code = Files.readString(source);
            String tag = include.group(2);
            assertTrue(code.contains("tag::" + tag + "[]") && code.contains("end::" + tag + "[]"),
                    source.getFileName() + " has no tag " + tag);
        }
        assertTrue(found >= 12, "the chapter should show a wrong and a right example for each contract");
        for (Contract contract : Contracts.AXON.all()) {
            assertTrue(text.contains("\n== " + contract.section() + "\n"), "the failure message of \""
                    + contract.title() + "\" sends learners to the section \"" + contract.section()
                    + "\", which the chapter lacks");
        }
    }

    private static Path kitRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("tests")) && Files.isDirectory(dir.resolve("solutions"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the kit's folder above " + Path.of("").toAbsolutePath());
    }

    // --- Matching violations exactly ----------------------------------------------------

    /** One expected violation: every fragment appears in its sentence. */
    private record Expected(List<String> fragments) {
        boolean matches(String violation) {
            return fragments.stream().allMatch(violation::contains);
        }
    }

    private static Expected violation(String... fragments) {
        return new Expected(List.of(fragments));
    }

    /** Each expected violation matches exactly one reported one, and nothing else is reported. */
    private static void expect(Contract contract, Expected... expected) {
        // Only the fixtures are planted; the graded tree is checked with the kit's own types above.
        List<String> reported = contract.violations(fixtures()).stream()
                .filter(violation -> violation.contains("contracts.fixtures.")).toList();
        List<String> unmatched = new ArrayList<>(reported);
        for (Expected e : expected) {
            List<String> matching = reported.stream().filter(e::matches).toList();
            if (matching.size() != 1) {
                fail("expected one violation with " + e.fragments() + " but found " + matching.size()
                        + " among:\n" + String.join("\n", reported));
            }
            unmatched.remove(matching.getFirst());
        }
        assertEquals(List.of(), unmatched, "violations reported that were not planted");
    }
}
