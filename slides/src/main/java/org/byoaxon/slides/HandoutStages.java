package org.byoaxon.slides;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The attendee handout's stage pages, written at build time from the kit's own sources,
 * so that they follow the code instead of being kept up by hand.
 *
 * <p>For each stage, one page: the chapter's title and its "Goal" section (from
 * {@code src-docs/src/docs/asciidoc/stage-NN-*.adoc}, without what only makes sense in the
 * handbook: cross-references and the "done when" sentence, which the page's grade command
 * says); what the learner writes, one row per region of {@code solutions/} marked
 * {@code // >>> stage N name: task}, named by its class and the method it sits in, with its
 * task text; and how to grade the stage and run its demo, the command taken from the
 * chapter. The page's title is its chapter's, so it names the chapter to read. Each page
 * must fit on one A4 page (PrintedTest checks it): keep what is added here short.
 *
 * <p>Run by slides/pom.xml before the handout is rendered:
 * {@code HandoutStages KIT-ROOT OUTPUT.adoc}.
 */
public final class HandoutStages {
    /** The opening marker of a learner's region, as the generator of exercises/ reads it. */
    static final Pattern MARKER = Pattern.compile("^(\\s*)// >>> stage (\\d+) ([\\w-]+): (.*)$");
    private static final Pattern TYPE = Pattern.compile(
            "^(\\s*)(?:(?:public|protected|private|static|final|abstract|sealed|non-sealed)\\s+)*(?:class|interface|record|enum)\\s+(\\w+)");
    private static final Pattern METHOD = Pattern.compile(
            "^(\\s*)(?:(?:public|protected|private|static|final|abstract|synchronized|default)\\s+)*(?:<[^>]+>\\s+)?"
                    + "(?:([\\w.<>\\[\\]?, ]+?)\\s+)?(\\w+)\\s*\\(");
    private static final Set<String> NOT_A_NAME = Set.of("if", "for", "while", "switch", "catch", "return", "new",
            "throw", "else", "try", "synchronized", "do");
    private static final Pattern ATTRIBUTE_LINE = Pattern.compile("^:([\\w-]+): (.*)$");

    /** A region a learner writes: where it is ({@code Class.method()}) and what to write. */
    record Task(int stage, String where, String task) {
    }

    private HandoutStages() {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, pages(root));
        System.out.println("Wrote the handout's stage pages to " + out);
    }

    /** Every stage's page, as AsciiDoc for the handout. */
    static String pages(Path root) throws IOException {
        Path chapters = root.resolve("src-docs/src/docs/asciidoc");
        Map<String, String> attributes = attributes(chapters.resolve("_attributes.adoc"));
        Map<Integer, List<Task>> tasks = tasks(root.resolve("solutions/src/main/java"));
        StringBuilder adoc = new StringBuilder("""
                // Written at build time by HandoutStages.java from the chapters and the regions of
                // solutions/: do not edit, change the sources.
                """);
        for (int stage : tasks.keySet()) {
            Path chapter = chapter(chapters, stage);
            List<String> lines = Files.readAllLines(chapter);
            String title = lines.getFirst().replaceFirst("^= ", "");
            if (stage != tasks.keySet().iterator().next()) {
                adoc.append("\n<<<\n");
            }
            adoc.append("\n=== ").append(title).append("\n\n");
            // "Goal" leads the box's first line instead of a caption line of its own: a line less.
            adoc.append("====\n*Goal.* ").append(goal(lines, attributes, chapter)).append("====\n\n");
            adoc.append("[caption=\"\"]\n.What you write, in `exercises/src/main/java` where it says `TODO stage ")
                    .append(stage).append("`\n[cols=\"1\"]\n|===\n");
            for (Task task : tasks.get(stage)) {
                // One row across the page: a narrow "Where" column would wrap every task onto
                // twice the lines, and the stage would run onto a second page.
                adoc.append("\n|`").append(task.where()).append("`: pass:c[").append(task.task().replace("]", "\\]"))
                        .append("]\n");
            }
            adoc.append("|===\n\n");
            List<String> demos = demos(lines, attributes);
            adoc.append("[caption=\"\"]\n.Grade the stage, then run its demo\n[source%unbreakable,shell]\n----\n")
                    .append(attributes.get("grade")).append('=').append(stage).append('\n');
            if (!demos.isEmpty()) {
                adoc.append(demos.getFirst()).append('\n');
            }
            adoc.append("----\n\n");
            if (demos.size() > 1) {
                // The other programs by their class's simple name: a qualified one takes a line of its own.
                adoc.append("The chapter also runs ").append(String.join(", ", demos.subList(1, demos.size()).stream()
                        .map(other -> "`" + other.replaceFirst(".*-Dexec\\.mainClass=", "").replaceFirst("\\s.*", "")
                                .replaceFirst(".*\\.", "") + "`").toList())).append(".\n");
            }
        }
        return adoc.toString();
    }

    /** The regions of the solutions, stage by stage, in the order of their files and lines. */
    static Map<Integer, List<Task>> tasks(Path sources) throws IOException {
        Map<Integer, List<Task>> tasks = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(path -> path.toString().endsWith(".java")).sorted().toList();
        }
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                Matcher marker = MARKER.matcher(lines.get(i));
                if (marker.matches()) {
                    int stage = Integer.parseInt(marker.group(2));
                    String where = where(lines, i, marker.group(1).length(), marker.group(3));
                    tasks.computeIfAbsent(stage, s -> new ArrayList<>()).add(new Task(stage, where, marker.group(4)));
                }
            }
        }
        return tasks;
    }

    /**
     * Where a region is: {@code Class.method()}, {@code Class constructor}, or the class and the
     * region's name for one that sits among the members (fields, helpers).
     */
    static String where(List<String> lines, int at, int indent, String name) {
        String method = null;
        String parameters = "";
        for (int i = at - 1; i >= 0; i--) {
            String line = lines.get(i);
            int lineIndent = line.length() - line.stripLeading().length();
            if (line.isBlank() || lineIndent >= indent || line.stripLeading().startsWith("//")
                    || line.stripLeading().startsWith("*") || line.stripLeading().startsWith("/*")
                    || line.stripLeading().startsWith("@")) {
                continue;
            }
            Matcher type = TYPE.matcher(line);
            if (type.find()) {
                if (method == null) {
                    return type.group(2) + ": " + name;
                }
                return method.equals(type.group(2)) ? "new " + type.group(2) + "(" + parameters + ")"
                        : type.group(2) + "." + method + "(" + parameters + ")";
            }
            Matcher declaration = METHOD.matcher(line);
            String code = line.replaceFirst("\\s*//.*$", "").strip();
            if (method == null && declaration.find() && !NOT_A_NAME.contains(declaration.group(3))
                    && (declaration.group(2) == null || !NOT_A_NAME.contains(declaration.group(2).strip()))
                    && (code.endsWith("{") || code.endsWith(",") || code.endsWith("("))) {
                method = declaration.group(3);
                parameters = parameterTypes(line.substring(declaration.end()).replaceFirst("\\s*//.*$", "").strip());
                indent = lineIndent;
            }
        }
        throw new IllegalStateException("region " + name + " at line " + (at + 1) + " is in no class");
    }

    /** The types of a parameter list that starts after its "(": {@code String inbox, Duration timeout)} gives {@code String, Duration}. */
    static String parameterTypes(String rest) {
        int close = rest.indexOf(')');
        String list = close < 0 ? rest.replaceFirst(",$", "") + ", ..." : rest.substring(0, close);
        List<String> types = new ArrayList<>();
        int depth = 0;
        StringBuilder parameter = new StringBuilder();
        for (char c : (list + ",").toCharArray()) {
            depth += c == '<' ? 1 : c == '>' ? -1 : 0;
            if (c == ',' && depth == 0) {
                String p = parameter.toString().strip().replaceAll("@\\w+\\s+|final\\s+", "");
                if (!p.isEmpty()) {
                    types.add(p.equals("...") ? p : p.replaceFirst("\\s+\\w+$", "").replaceAll("<.*>", ""));
                }
                parameter.setLength(0);
            } else {
                parameter.append(c);
            }
        }
        return String.join(", ", types);
    }

    /** The chapter of a stage: {@code stage-NN-*.adoc}. */
    static Path chapter(Path chapters, int stage) throws IOException {
        String prefix = String.format("stage-%02d-", stage);
        try (Stream<Path> list = Files.list(chapters)) {
            return list.filter(path -> path.getFileName().toString().startsWith(prefix)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("stage " + stage + " has regions in solutions/ but no "
                            + "chapter " + prefix + "*.adoc in " + chapters + ": write its chapter, or renumber the regions"));
        }
    }

    /** The chapter's "Goal" section, for a page of its own: no cross-references, no "done when". */
    static String goal(List<String> lines, Map<String, String> attributes, Path chapter) {
        int start = lines.indexOf("== Goal");
        if (start < 0) {
            throw new IllegalStateException(chapter.getFileName() + " has no section \"== Goal\", from which the handout"
                    + " takes the stage's goal: give it one");
        }
        List<List<String>> paragraphs = new ArrayList<>();
        List<String> paragraph = new ArrayList<>();
        for (int i = start + 1; i < lines.size() && !lines.get(i).startsWith("== "); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                if (!paragraph.isEmpty()) {
                    paragraphs.add(paragraph);
                }
                paragraph = new ArrayList<>();
            } else {
                paragraph.add(line);
            }
        }
        if (!paragraph.isEmpty()) {
            paragraphs.add(paragraph);
        }
        StringBuilder goal = new StringBuilder();
        for (List<String> kept : paragraphs) {
            String text = String.join("\n", kept);
            if (text.contains(" is done when ") || text.matches("(?s)^[A-Z]+: .*")) {
                continue;
            }
            text = text.replaceAll("\\s*\\(see <<[^>]+>>\\)", "")
                    .replaceAll("<<[^,>]+,([^>]+)>>", "$1")
                    .replaceAll("xref:[^\\[]+\\[([^]]*)]", "$1");
            if (text.contains("<<")) {
                continue;
            }
            goal.append(resolve(text, attributes)).append("\n\n");
        }
        return goal.toString().strip() + "\n";
    }

    /** The commands of the chapter's shell listings that run a demo or a program, the stage's demo first. */
    static List<String> demos(List<String> lines, Map<String, String> attributes) {
        Set<String> commands = new LinkedHashSet<>();
        for (String line : lines) {
            String command = resolve(line.strip(), attributes);
            if (command.startsWith("./mvnw ") && command.contains("-Dexec.mainClass=examples.")
                    && !command.contains("-Daxon.trace")) {
                commands.add(command);
            }
        }
        List<String> ordered = new ArrayList<>(commands.stream().filter(c -> c.contains("examples.stages.")).toList());
        commands.stream().filter(c -> !c.contains("examples.stages.")).forEach(ordered::add);
        return ordered;
    }

    private static String resolve(String text, Map<String, String> attributes) {
        Matcher reference = Pattern.compile("\\{([\\w-]+)}").matcher(text);
        StringBuilder resolved = new StringBuilder();
        while (reference.find()) {
            String value = attributes.get(reference.group(1));
            reference.appendReplacement(resolved, Matcher.quoteReplacement(value == null ? reference.group() : value));
        }
        return reference.appendTail(resolved).toString();
    }

    static Map<String, String> attributes(Path file) {
        try {
            Map<String, String> attributes = new LinkedHashMap<>();
            for (String line : Files.readAllLines(file)) {
                Matcher attribute = ATTRIBUTE_LINE.matcher(line);
                if (attribute.matches()) {
                    attributes.put(attribute.group(1), attribute.group(2));
                }
            }
            return attributes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
