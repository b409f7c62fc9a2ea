package kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hand-written include tag ({@code // tag::NAME[]} … {@code // end::NAME[]}) in the
 * code the handbook and the slides show is there for an include, and for nothing else:
 * one that nothing includes is a marker a reader must step over for no reason. The tags
 * made from a learner region's name ({@code todo-NAME}, {@code answer-NAME}) are written
 * by the tools, not by hand, so they are not looked at here.
 *
 * <p>An include names its file through one of the trees the build provides
 * ({@code {solutions}}, {@code {exercises}}, {@code {views}/solutions|exercises|after-stage-NN},
 * all made from {@code solutions/src/main/java}, or {@code {kitroot}}) or relative to the
 * page, and its tags with {@code tag=NAME} or {@code tags=A;B;!C}. A tag left out with
 * {@code !} is used too: it cuts lines out of what is shown. {@code *} or {@code **} uses
 * every tag of the file.
 */
@Tag("kit")
@DisplayName("Kit: every hand-written include tag is included by a chapter, a slide or the handout")
class IncludedTagsTest {
    private static final Path ROOT = Path.of(System.getProperty("kit.root", "..")).toAbsolutePath().normalize();
    private static final String SOLUTIONS = "solutions/src/main/java";
    /** The trees whose code the pages include by tag. */
    private static final List<String> TAGGED_TREES = List.of(SOLUTIONS, "tests/src/test/java");
    /** Where the pages are. */
    private static final List<String> PAGES = List.of("src-docs/src", "slides/src");
    private static final Pattern INCLUDE = Pattern.compile("include::([^\\[\\s]+)\\[([^\\]]*)]");
    private static final Pattern TREE = Pattern.compile(
            "^(?:\\{solutions}|\\{exercises}|\\{views}/(?:solutions|exercises|after-stage-\\d+))/(.+)$");
    private static final Pattern KIT_ROOT = Pattern.compile("^\\{kitroot}/(.+)$");
    private static final Pattern HAND_WRITTEN = Pattern.compile("^\\s*// tag::([\\w.-]+)\\[]\\s*$");
    private static final Pattern GENERATED = Pattern.compile("^(?:todo|answer)-.+$");
    private static final String EVERY_TAG = "*";

    @Test
    @DisplayName("no hand-written tag in solutions/ or tests/ is left that nothing includes")
    void noDeadTags() throws IOException {
        assertEquals(List.of(), deadTags(ROOT), "a hand-written include tag that no page includes is a dead"
                + " marker: remove its tag:: and end:: lines, or include it where the code is explained");
    }

    @Test
    @DisplayName("the check finds a tag nothing includes, and accepts tag=, tags= with ; and !, every tree and"
            + " the generated tags")
    void theCheckBites(@TempDir Path root) throws IOException {
        write(root, "src-docs/src/docs/asciidoc/stage-01.adoc", """
                include::{solutions}/axon/A.java[tag=one]
                include::{exercises}/axon/A.java[tags=two;!three]
                include::{views}/after-stage-05/axon/B.java[tag=answer-put,indent=0]
                include::{views}/solutions/axon/B.java[tags="four"]
                include::{kitroot}/tests/src/test/java/contracts/fixtures/wrong/C.java[tag=wrong]
                include::_attributes.adoc[]
                """);
        write(root, "slides/src/docs/asciidoc/deck.adoc", "include::{views}/exercises/axon/D.java[tags=**]\n");
        write(root, SOLUTIONS + "/axon/A.java", tagged("one", "two", "three", "dead"));
        write(root, SOLUTIONS + "/axon/B.java", tagged("four", "put"));
        write(root, SOLUTIONS + "/axon/D.java", tagged("any", "other"));
        write(root, "tests/src/test/java/contracts/fixtures/wrong/C.java", tagged("wrong", "right"));
        List<String> dead = deadTags(root);
        assertEquals(3, dead.size(), "A's 'dead', B's 'put' and C's 'right' are included by nothing: " + dead);
        assertTrue(dead.get(0).startsWith(SOLUTIONS + "/axon/A.java:11: the tag 'dead'")
                        && dead.get(0).contains("include::{solutions}/axon/A.java[tag=dead]"),
                "the message names the file, the line and the tag, and the include that would use it: " + dead.get(0));
        assertTrue(dead.get(1).startsWith(SOLUTIONS + "/axon/B.java:5: the tag 'put'"),
                "an include of the generated answer-put does not use a hand-written put: " + dead.get(1));
        assertTrue(dead.get(2).startsWith("tests/src/test/java/contracts/fixtures/wrong/C.java:5: the tag 'right'")
                        && dead.get(2).contains("include::{kitroot}/tests/src/test/java/contracts/fixtures/wrong/C.java"),
                "a tag in tests/ is named with the {kitroot} include: " + dead.get(2));
    }

    /** Each hand-written tag that no page includes, as a sentence naming its file, line and tag. */
    static List<String> deadTags(Path root) throws IOException {
        Map<String, Set<String>> included = includedTags(root);
        List<String> dead = new ArrayList<>();
        for (String tree : TAGGED_TREES) {
            for (Path file : javaFiles(root.resolve(tree))) {
                String path = root.relativize(file).toString().replace('\\', '/');
                Set<String> used = included.getOrDefault(path, Set.of());
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher tag = HAND_WRITTEN.matcher(lines.get(i));
                    if (tag.matches() && !GENERATED.matcher(tag.group(1)).matches()
                            && !used.contains(tag.group(1)) && !used.contains(EVERY_TAG)) {
                        dead.add(path + ":" + (i + 1) + ": the tag '" + tag.group(1) + "' is included by no chapter,"
                                + " slide or handout page: remove its tag:: and end:: lines, or show it with "
                                + includeOf(path, tag.group(1)));
                    }
                }
            }
        }
        return dead;
    }

    /** For every file the pages include from, by its path from the kit's root: the tags they name. */
    static Map<String, Set<String>> includedTags(Path root) throws IOException {
        Map<String, Set<String>> included = new HashMap<>();
        for (String pages : PAGES) {
            Path folder = root.resolve(pages);
            if (!Files.isDirectory(folder)) {
                continue;
            }
            List<Path> adocs;
            try (Stream<Path> files = Files.walk(folder)) {
                adocs = files.filter(p -> p.toString().endsWith(".adoc")).sorted().toList();
            }
            for (Path adoc : adocs) {
                Matcher include = INCLUDE.matcher(Files.readString(adoc));
                while (include.find()) {
                    String file = kitPath(root, adoc, include.group(1));
                    for (String attribute : include.group(2).split(",")) {
                        String[] pair = attribute.trim().split("=", 2);
                        if (pair.length == 2 && (pair[0].equals("tag") || pair[0].equals("tags"))) {
                            for (String tag : pair[1].replace("\"", "").split(";")) {
                                String name = tag.trim().replaceFirst("^!", "");
                                included.computeIfAbsent(file, f -> new HashSet<>())
                                        .add(name.equals("**") ? EVERY_TAG : name);
                            }
                        }
                    }
                }
            }
        }
        return included;
    }

    /** An include's target as a path from the kit's root. */
    private static String kitPath(Path root, Path page, String target) {
        Matcher tree = TREE.matcher(target);
        if (tree.matches()) {
            return SOLUTIONS + "/" + tree.group(1);
        }
        Matcher kitRoot = KIT_ROOT.matcher(target);
        if (kitRoot.matches()) {
            return kitRoot.group(1);
        }
        return root.relativize(page.getParent().resolve(target).normalize()).toString().replace('\\', '/');
    }

    /** The include line that would show a tag of a file. */
    private static String includeOf(String path, String tag) {
        String target = path.startsWith(SOLUTIONS + "/")
                ? "{solutions}/" + path.substring(SOLUTIONS.length() + 1)
                : "{kitroot}/" + path;
        return "include::" + target + "[tag=" + tag + "]";
    }

    private static List<Path> javaFiles(Path tree) throws IOException {
        if (!Files.isDirectory(tree)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(tree)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    /** A source with each named tag around one line, three lines apiece after the package line (the n-th tag opens at line 3n - 1). */
    private static String tagged(String... tags) {
        StringBuilder text = new StringBuilder("package axon;\n");
        for (String tag : tags) {
            text.append("// tag::").append(tag).append("[]\nint ").append(tag.replace('-', '_'))
                    .append(";\n// end::").append(tag).append("[]\n");
        }
        return text.toString();
    }

    private static void write(Path root, String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
