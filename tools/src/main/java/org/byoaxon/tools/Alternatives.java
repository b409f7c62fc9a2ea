package org.byoaxon.tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The reference with its regions written another way: a check that code written at one
 * stage stays right at the later ones.
 *
 * <p>{@code tools/alternatives/} holds, for some regions of {@code solutions/}, a second
 * answer written once for this purpose, the way a learner following only that stage's
 * chapter could write it: {@code tools/alternatives/axon/Scheduler/step.txt} replaces the
 * region {@code step} of {@code axon/Scheduler.java}. Its lines are used as they are
 * (indentation included). A line {@code //> NAME} in it stands for the nested region NAME
 * of a later stage, which is rendered the same way (its alternative, or else its answer).
 * Every other region keeps its reference answer.
 *
 * <p>{@code Alternatives ROOT OUT} writes that tree to {@code OUT}; the kit check compiles
 * it and grades every stage against it, on both scheduler policies. An alternative that
 * names no region is an error, so none goes stale unseen.
 */
public final class Alternatives {
    static final String FOLDER = "tools/alternatives";
    private static final String SOLUTIONS = "solutions/src/main/java";
    private static final Pattern NESTED = Pattern.compile("^\\s*//> ([a-z][\\w.-]*)\\s*$");

    private final Path root;
    private final Set<String> used = new TreeSet<>();
    private int regions;

    Alternatives(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: Alternatives ROOT OUT");
            System.exit(2);
        }
        try {
            new Alternatives(Path.of(args[0])).write(Path.of(args[1]));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }

    /** Writes the whole reference, with every region that has an alternative replaced by it, to {@code out}. */
    void write(Path out) {
        Path solutions = root.resolve(SOLUTIONS);
        List<Path> files;
        try (Stream<Path> paths = Files.walk(solutions)) {
            files = paths.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path file : files) {
            String relative = solutions.relativize(file).toString().replace('\\', '/');
            String text = read(file);
            String rendered = relative.endsWith(".java") ? render(relative, text) : text;
            Path target = out.resolve(relative);
            try {
                Files.createDirectories(target.getParent());
                Files.writeString(target, rendered);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        List<String> stale = new ArrayList<>();
        for (String alternative : available()) {
            if (!used.contains(alternative)) {
                stale.add(FOLDER + "/" + alternative);
            }
        }
        if (!stale.isEmpty()) {
            throw new IllegalArgumentException("these alternatives name no region of solutions/ (renamed or removed?): "
                    + String.join(", ", stale));
        }
        System.out.println("Wrote the reference with " + used.size() + " of its " + regions
                + " regions written another way (" + FOLDER + ") to " + out);
    }

    /** One file: shared text as it is, each region as its alternative or its answer; documentation tags dropped. */
    String render(String relative, String text) {
        SourceFile file = SourceFile.parse(relative, text);
        String base = relative.substring(0, relative.length() - ".java".length());
        List<String> out = new ArrayList<>();
        for (Segment segment : file.segments) {
            out.addAll(lines(base, segment));
        }
        out.removeIf(line -> SourceFile.DOC_TAG.matcher(line).matches());
        return String.join("\n", out);
    }

    private List<String> lines(String base, Segment segment) {
        return switch (segment) {
            case Segment.Shared shared -> shared.lines();
            case Segment.Region region -> region(base, region);
        };
    }

    private List<String> region(String base, Segment.Region region) {
        regions++;
        Path alternative = root.resolve(FOLDER).resolve(base).resolve(region.name() + ".txt");
        if (region.name() == null || !Files.isRegularFile(alternative)) {
            List<String> answer = new ArrayList<>();
            for (Segment segment : region.answer()) {
                answer.addAll(lines(base, segment));
            }
            return answer;
        }
        used.add(base + "/" + region.name() + ".txt");
        List<String> out = new ArrayList<>();
        for (String line : read(alternative).split("\n", -1)) {
            Matcher nested = NESTED.matcher(line);
            if (nested.matches()) {
                out.addAll(region(base, nestedRegion(base, region, nested.group(1))));
            } else {
                out.add(line);
            }
        }
        while (!out.isEmpty() && out.getLast().isBlank()) {
            out.removeLast();
        }
        return out;
    }

    private static Segment.Region nestedRegion(String base, Segment.Region outer, String name) {
        for (Segment segment : outer.answer()) {
            if (segment instanceof Segment.Region inner && name.equals(inner.name())) {
                return inner;
            }
        }
        throw new IllegalArgumentException(FOLDER + "/" + base + "/" + outer.name() + ".txt: '//> " + name
                + "' names no region nested in region " + outer.name());
    }

    /** Every alternative file, as a path relative to the folder. */
    private List<String> available() {
        Path folder = root.resolve(FOLDER);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".txt"))
                    .map(p -> folder.relativize(p).toString().replace('\\', '/')).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path path) {
        try {
            return Files.readString(path).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
