package grading.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Finds the place in {@code exercises/} that a message names as "(Greeter.java:38)". */
final class ExerciseFiles {
    private static final Pattern PLACE = Pattern.compile("\\((\\w+\\.java):(\\d+)\\)");
    private static final Pattern TODO = Pattern.compile("//\\s*TODO stage \\d+:\\s*(.*)$");

    private final Path root;

    ExerciseFiles(Path root) {
        this.root = root;
    }

    /** The message with "(Greeter.java:38)" replaced by the file's path in the kit, when the file is found. */
    String pointAt(String message) {
        Matcher place = PLACE.matcher(message);
        if (!place.find()) {
            return message;
        }
        return find(place.group(1))
                .map(p -> message.replace(place.group(0),
                        "(" + root.relativize(p).toString().replace('\\', '/') + ":" + place.group(2) + ")"))
                .orElse(message);
    }

    /** The task of the TODO comment just above the place the message names, or "". */
    String todoTask(String message) {
        Matcher place = PLACE.matcher(message);
        if (!place.find()) {
            return "";
        }
        try {
            Path file = find(place.group(1)).orElse(null);
            if (file == null) {
                return "";
            }
            List<String> lines = Files.readAllLines(file);
            int line = Integer.parseInt(place.group(2)) - 1;
            for (int i = Math.min(line, lines.size()) - 1; i >= 0 && i >= line - 3; i--) {
                Matcher todo = TODO.matcher(lines.get(i));
                if (todo.find()) {
                    return todo.group(1);
                }
            }
        } catch (IOException | RuntimeException e) {
            return "";
        }
        return "";
    }

    private Optional<Path> find(String fileName) {
        try (Stream<Path> files = Files.walk(root.resolve("exercises/src/main/java"))) {
            return files.filter(p -> p.getFileName().toString().equals(fileName)).findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
