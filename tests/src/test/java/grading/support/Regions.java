package grading.support;

import axon.Todo;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which region of the graded code a line of a stack trace lies in: the stage whose
 * chapter asks for that code, so that a test of stage 5 that never returns from code
 * written at stage 6 sends the learner to stage 6 ({@link LaterStageFailure}).
 *
 * <p>Where the graded tree keeps its markers ({@code // >>> stage N name: task} ...
 * {@code // <<< stage N}, as {@code solutions/} does), the innermost region around the line
 * is the answer. The exercises have no markers: there a frame is placed by its method, in
 * the reference source of the same file, at the stage of the method's outermost regions; a
 * later stage's part nested in them (stage 6's in a stage 5 method) cannot be told apart
 * without the markers, and {@link #laterInMethod} names it.
 */
public final class Regions {
    private static final Pattern OPEN = Pattern.compile("//\\s*>>> stage (\\d+)\\s+([\\w.-]+)(?::\\s*(.*))?$");
    private static final Pattern CLOSE = Pattern.compile("//\\s*<<< stage (\\d+)");
    /** A member's declaration: modifiers, a type, its name and "(" (not a call, an assignment or a statement). */
    private static final Pattern DECLARATION = Pattern.compile(
            "^ {4,8}(?:(?:public|protected|private|static|final|synchronized|abstract|default|native)\\s+)*"
                    + "(?:<[^>]+>\\s+)?(?:[\\w.<>\\[\\],?]+(?:<[^=;]*>)?\\s+)?(\\w+)\\s*\\([^;=]*$");
    private static final List<String> STATEMENTS = List.of("return", "new", "if", "for", "while", "switch",
            "catch", "else", "throw", "try", "do", "synchronized", "case");

    /** A region of a source file. */
    public record Region(int stage, String name, String task, String file, String method, int from, int to) {
    }

    private static final Regions OF_KIT = new Regions(gradedSources(),
            Path.of(System.getProperty("kit.root", "..")).toAbsolutePath().normalize()
                    .resolve("solutions/src/main/java"));

    private final Path graded;
    private final Path reference;
    private final Map<Path, List<Region>> parsed = new ConcurrentHashMap<>();

    /**
     * @param graded the source folder of the graded classes, or null when it is not known
     * @param reference the reference source folder, with its markers ({@code solutions/src/main/java})
     */
    public Regions(Path graded, Path reference) {
        this.graded = graded;
        this.reference = reference;
    }

    /** For the code this run grades. */
    public static Regions ofKit() {
        return OF_KIT;
    }

    /** The innermost region around a frame's line, if the frame lies in one. */
    public Optional<Region> of(StackTraceElement frame) {
        if (frame.getFileName() == null || frame.getLineNumber() <= 0) {
            return Optional.empty();
        }
        String relative = packageFolder(frame.getClassName()) + frame.getFileName();
        Path source = graded == null ? null : graded.resolve(relative);
        if (source != null && Files.isRegularFile(source)) {
            List<Region> regions = regionsOf(source);
            if (!regions.isEmpty()) {
                return regions.stream().filter(r -> r.from() <= frame.getLineNumber() && frame.getLineNumber() <= r.to())
                        .reduce((outer, inner) -> inner.from() >= outer.from() ? inner : outer);
            }
        }
        if (source != null && given(source, reference.resolve(relative), frame.getLineNumber())) {
            return Optional.empty();
        }
        return byMethod(reference.resolve(relative), methodOf(frame));
    }

    /**
     * Whether the learner writes the frame's line: it lies in a region, or, without markers, its
     * method holds one in the reference.
     */
    public boolean learners(StackTraceElement frame) {
        return of(frame).isPresent() || !inReferenceMethod(frame).isEmpty();
    }

    /**
     * Where the graded tree has no markers (the exercises): the regions of stages after
     * {@code stage} that the reference writes inside the frame's method, such as stage 6's
     * part of a stage 5 method. Such a method cannot be split without the markers, so a
     * failure in it can only say that it holds later code too. Empty where the markers are.
     */
    public List<Region> laterInMethod(StackTraceElement frame, int stage) {
        List<Region> inMethod = inReferenceMethod(frame);
        if (inMethod.stream().noneMatch(r -> r.stage() <= stage)) {
            return List.of(); // all of it later: byMethod places it
        }
        return inMethod.stream().filter(r -> r.stage() > stage).toList();
    }

    /** The regions the reference writes inside the frame's method, for a graded tree without markers. */
    private List<Region> inReferenceMethod(StackTraceElement frame) {
        String relative = packageFolder(frame.getClassName()) + frame.getFileName();
        Path source = graded == null ? null : graded.resolve(relative);
        if (frame.getFileName() == null || source != null && Files.isRegularFile(source)
                && !regionsOf(source).isEmpty()) {
            return List.of();
        }
        Path file = reference.resolve(relative);
        String method = methodOf(frame);
        return Files.isRegularFile(file) ? regionsOf(file).stream().filter(r -> r.method().equals(method)).toList()
                : List.of();
    }

    /**
     * The first region of the reference's method of this name, when its outermost regions are
     * all of one stage (a later stage's part nested in them is {@link #laterInMethod}'s).
     */
    private Optional<Region> byMethod(Path source, String method) {
        if (!Files.isRegularFile(source)) {
            return Optional.empty();
        }
        List<Region> outermost = regionsOf(source).stream().filter(r -> r.method().equals(method))
                .filter(r -> regionsOf(source).stream().noneMatch(o -> o != r && o.from() < r.from() && r.to() < o.to()))
                .toList();
        if (outermost.isEmpty() || outermost.stream().mapToInt(Region::stage).distinct().count() != 1) {
            return Optional.empty();
        }
        return Optional.of(outermost.getFirst());
    }

    /**
     * Whether a line of a graded file without markers is given code: the same text stands in
     * the reference outside every region. The exercises keep the given lines as they are, so
     * what the learner wrote is what the reference's shared lines do not hold.
     */
    private boolean given(Path graded, Path reference, int line) {
        List<String> lines = linesOf(graded);
        if (line < 1 || line > lines.size() || lines.get(line - 1).isBlank()) {
            return false;
        }
        return sharedLines(reference).contains(lines.get(line - 1).strip());
    }

    private final Map<Path, java.util.Set<String>> shared = new ConcurrentHashMap<>();

    private java.util.Set<String> sharedLines(Path reference) {
        return shared.computeIfAbsent(reference, file -> {
            List<String> lines = linesOf(file);
            List<Region> regions = regionsOf(file);
            java.util.Set<String> outside = new java.util.HashSet<>();
            for (int i = 0; i < lines.size(); i++) {
                int number = i + 1;
                if (regions.stream().noneMatch(r -> r.from() <= number && number <= r.to())) {
                    outside.add(lines.get(i).strip());
                }
            }
            return outside;
        });
    }

    private static List<String> linesOf(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private List<Region> regionsOf(Path source) {
        return parsed.computeIfAbsent(source, Regions::parse);
    }

    /** The regions of a source file, each with the member it is written in. */
    static List<Region> parse(Path source) {
        List<String> lines;
        try {
            lines = Files.readAllLines(source);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        String file = source.getFileName().toString();
        List<Region> regions = new ArrayList<>();
        Deque<Object[]> open = new ArrayDeque<>();
        String member = "";
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher start = OPEN.matcher(line);
            Matcher end = CLOSE.matcher(line);
            if (start.find()) {
                open.push(new Object[] {Integer.parseInt(start.group(1)), start.group(2),
                        start.group(3) == null ? "" : start.group(3).strip(), i + 1, member});
            } else if (end.find() && !open.isEmpty()) {
                Object[] o = open.pop();
                regions.add(new Region((int) o[0], (String) o[1], (String) o[2], file, (String) o[4], (int) o[3], i + 1));
            } else if (open.isEmpty() || !line.strip().startsWith("//")) {
                String declared = declared(line);
                if (declared != null && open.isEmpty()) {
                    member = declared;
                }
            }
        }
        regions.sort((a, b) -> Integer.compare(a.from(), b.from()));
        return regions;
    }

    /** The name a line declares, if it opens a method or constructor. */
    private static String declared(String line) {
        Matcher m = DECLARATION.matcher(line);
        if (!m.find() || line.strip().startsWith("@")) {
            return null;
        }
        String first = line.strip().split("[\\s(]", 2)[0];
        return STATEMENTS.contains(first) ? null : m.group(1);
    }

    /** The method a frame runs, as the source names it: "linkTo", a constructor as its class's name, a lambda as its method. */
    static String methodOf(StackTraceElement frame) {
        String method = frame.getMethodName();
        if (method.equals("<init>")) {
            String type = frame.getClassName();
            return type.substring(Math.max(type.lastIndexOf('.'), type.lastIndexOf('$')) + 1);
        }
        Matcher lambda = Pattern.compile("^lambda\\$(\\w+?)\\$\\d+$").matcher(method);
        return lambda.matches() ? lambda.group(1) : method;
    }

    private static String packageFolder(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? "" : className.substring(0, dot).replace('.', '/') + "/";
    }

    /** The source folder of the graded classes: {@code X/src/main/java} for classes in {@code X/target/classes}. */
    private static Path gradedSources() {
        try {
            var source = Todo.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return null;
            }
            Path classes = Path.of(source.getLocation().toURI());
            Path module = classes.getParent() == null ? null : classes.getParent().getParent();
            Path java = module == null ? null : module.resolve("src/main/java");
            return java != null && Files.isDirectory(java) ? java : null;
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }
}
