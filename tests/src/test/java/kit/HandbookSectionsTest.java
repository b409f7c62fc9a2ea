package kit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import grading.support.Graded;
import grading.support.GradedTest;
import grading.support.Handbook;
import grading.support.Hint;
import grading.support.Hints;
import grading.support.Stage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The progress board sends a learner to "section X" of a stage's chapter: the section
 * named by the failing test's hint ({@code Read: X} in its class's hints file). These
 * tests make sure that section exists, under exactly that title, in the chapter stages.properties names for
 * the stage, and that the board's link into the built handbook lands on it.
 */
@Tag("kit")
@DisplayName("Kit: the handbook has every section the board sends learners to, and lists every graded test")
class HandbookSectionsTest {
    private static final Path ROOT = Path.of(System.getProperty("kit.root", "..")).toAbsolutePath().normalize();
    private static final Pattern SECTION = Pattern.compile("^={2,3} (.+?)\\s*$");
    private static final Pattern STAGE_CLASS = Pattern.compile("Stage(\\d{2})\\w*Test\\.java");

    @Test
    @DisplayName("every chapter listed in stages.properties exists")
    void everyChapterExists() throws IOException {
        List<String> missing = new ArrayList<>();
        for (Map.Entry<Integer, String> chapter : Stage.chapters().entrySet()) {
            if (!Files.isRegularFile(ROOT.resolve(chapter.getValue()))) {
                missing.add("stage " + chapter.getKey() + ": " + chapter.getValue());
            }
        }
        assertEquals(List.of(), missing, "stages.properties names chapters that do not exist");
    }

    @Test
    @DisplayName("every section a graded test's hint sends learners to (Read: ...) is a section (== or ===) of its"
            + " stage's chapter")
    void everyHintedSectionExists() throws IOException, ClassNotFoundException {
        Map<Integer, String> chapters = Stage.chapters();
        List<String> problems = new ArrayList<>();
        for (Path file : gradedTestFiles()) {
            Matcher name = STAGE_CLASS.matcher(file.getFileName().toString());
            if (!name.matches()) {
                continue;
            }
            int stage = Integer.parseInt(name.group(1));
            String className = file.getFileName().toString().replace(".java", "");
            String chapter = chapters.get(stage);
            if (chapter == null) {
                problems.add(className + ": stages.properties has no chapter for stage " + stage);
                continue;
            }
            if (!Files.isRegularFile(ROOT.resolve(chapter))) {
                problems.add(className + ": its chapter " + chapter + " does not exist");
                continue;
            }
            Set<String> sections = sectionsOf(ROOT.resolve(chapter));
            for (Method method : sortedTests(Class.forName("grading." + className))) {
                String read = Hints.ofTest(method).map(Hint::read).orElse("");
                if (!read.isBlank() && !sections.contains(read)) {
                    problems.add(className + "." + method.getName() + " sends learners to section \"" + read
                            + "\", which " + chapter + " does not have (its sections: " + sections + ")");
                }
            }
        }
        assertEquals(List.of(), problems, "every section a test sends learners to must exist under exactly that title");
    }

    @Test
    @DisplayName("every graded test is listed in its chapter's table of tests, under its title as the board shows it")
    void everyGradedTestIsInItsChaptersTable() throws IOException, ClassNotFoundException {
        Map<Integer, String> chapters = Stage.chapters();
        List<String> problems = new ArrayList<>();
        for (Path file : gradedTestFiles()) {
            Class<?> type = Class.forName("grading." + file.getFileName().toString().replace(".java", ""));
            Graded graded = type.getAnnotation(Graded.class);
            if (graded == null) {
                continue;
            }
            List<Path> tabled = new ArrayList<>(chaptersAfterStage(graded.stage()));
            if (chapters.containsKey(graded.stage())) {
                tabled.addFirst(ROOT.resolve(chapters.get(graded.stage())));
            }
            List<String> rows = new ArrayList<>();
            for (Path chapter : tabled) {
                rows.addAll(tableRowsOf(chapter));
            }
            for (Method method : sortedTests(type)) {
                GradedTest test = method.getAnnotation(GradedTest.class);
                if (test != null && rows.stream().noneMatch(row -> row.contains(test.value()))) {
                    problems.add(type.getSimpleName() + "." + method.getName() + " (stage " + graded.stage() + "): no"
                            + " row of a test table in " + tabled.stream().map(ROOT::relativize).toList() + " has its"
                            + " title \"" + test.value() + "\"; add a row |title |<<section>> to the chapter's table");
                }
            }
        }
        assertEquals(List.of(), problems, "a chapter lists the tests of its stage, each by its title, so that a"
                + " learner can find what the board names");
    }

    /** The chapters that say {@code :after-stage: N}: walkthroughs placed after stage N, whose tests are N's. */
    private static List<Path> chaptersAfterStage(int stage) throws IOException {
        try (Stream<Path> files = Files.list(ROOT.resolve("src-docs/src/docs/asciidoc"))) {
            return files.filter(p -> p.toString().endsWith(".adoc")).sorted().filter(p -> {
                try {
                    return Files.readAllLines(p).contains(":after-stage: " + stage);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        }
    }

    /** The rows of a chapter's tables (lines that start with |), with an escaped \| or \{ read as | or {. */
    private static List<String> tableRowsOf(Path chapter) throws IOException {
        return Files.readAllLines(chapter).stream().filter(line -> line.startsWith("|") && !line.startsWith("|==="))
                .map(line -> line.replace("\\|", "|").replace("\\{", "{")).toList();
    }

    @Test
    @DisplayName("the board's anchors are the ids the handbook gives its sections")
    void anchorsMatchTheHandbook() throws IOException, ClassNotFoundException {
        // Ids as Asciidoctor writes them with the handbook's settings (idprefix empty, idseparator "-").
        assertEquals("walkthrough-grep-as-a-pipeline", Handbook.anchor("Walkthrough: grep as a pipeline"));
        assertEquals("a-scheduler-is-a-microprocess", Handbook.anchor("A scheduler is a microprocess"));
        assertEquals("the-service-registry", Handbook.anchor("The service registry"));
        assertEquals("box-put-and-friends", Handbook.anchor("`Box.put` and friends"));
        assertEquals("the-components-boxes", Handbook.anchor("The component's boxes"));
        // Where the handbook has been built, the anchor of every section a test names must be an id of its page.
        List<String> problems = new ArrayList<>();
        for (Map.Entry<Integer, Set<String>> hinted : hintedSections().entrySet()) {
            String chapter = Stage.chapters().get(hinted.getKey());
            if (chapter == null) {
                continue;
            }
            String page = Path.of(chapter).getFileName().toString().replaceFirst("\\.adoc$", ".html");
            Path html = ROOT.resolve("src-docs/target/handbook").resolve(page);
            if (!Files.isRegularFile(html) || Files.getLastModifiedTime(html)
                    .compareTo(Files.getLastModifiedTime(ROOT.resolve(chapter))) < 0) {
                continue; // not built, or built before the chapter last changed: the next build checks it
            }
            String text = Files.readString(html);
            for (String section : hinted.getValue()) {
                if (!text.contains("id=\"" + Handbook.anchor(section) + "\"")) {
                    problems.add(page + " has no id \"" + Handbook.anchor(section) + "\" for section \"" + section + "\"");
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    /** Stage number to the sections its graded tests send learners to. */
    private static Map<Integer, Set<String>> hintedSections() throws IOException, ClassNotFoundException {
        Map<Integer, Set<String>> hinted = new LinkedHashMap<>();
        for (Path file : gradedTestFiles()) {
            Matcher name = STAGE_CLASS.matcher(file.getFileName().toString());
            if (!name.matches()) {
                continue;
            }
            Class<?> type = Class.forName("grading." + file.getFileName().toString().replace(".java", ""));
            for (Method method : sortedTests(type)) {
                String read = Hints.ofTest(method).map(Hint::read).orElse("");
                if (!read.isBlank()) {
                    hinted.computeIfAbsent(Integer.parseInt(name.group(1)), stage -> new LinkedHashSet<>()).add(read);
                }
            }
        }
        return hinted;
    }

    private static List<Path> gradedTestFiles() throws IOException {
        try (Stream<Path> files = Files.list(ROOT.resolve("tests/src/test/java/grading"))) {
            return files.filter(p -> STAGE_CLASS.matcher(p.getFileName().toString()).matches()).sorted().toList();
        }
    }

    private static List<Method> sortedTests(Class<?> type) {
        return Stream.of(type.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(Test.class) || m.isAnnotationPresent(GradedTest.class))
                .sorted(Comparator.comparing(Method::getName)).toList();
    }

    /**
     * The titles of a chapter's sections of level 1 and 2 ({@code ==} and {@code ===}),
     * leaving out lines inside listing, literal, comment and passthrough blocks.
     */
    private static Set<String> sectionsOf(Path chapter) throws IOException {
        Set<String> titles = new LinkedHashSet<>();
        String fence = null;
        for (String line : Files.readAllLines(chapter)) {
            if (fence != null) {
                if (line.equals(fence)) {
                    fence = null;
                }
            } else if (line.matches("-{4,}|\\.{4,}|/{4,}|\\+{4,}")) {
                fence = line;
            } else {
                Matcher section = SECTION.matcher(line);
                if (section.matches()) {
                    titles.add(section.group(1));
                }
            }
        }
        return titles;
    }
}
