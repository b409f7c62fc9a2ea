package examples.capstone;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An external command that transcodes one file, as a list of arguments in which
 * {@code {in}} and {@code {out}} stand for the input and output files, and the
 * extension its outputs get.
 *
 * <pre>{@code
 * new Command(List.of("ffmpeg", "-nostdin", "-y", "-i", "{in}", "{out}"), "mp3")
 * }</pre>
 *
 * <h2>Why a list and not a line</h2>
 * The command is started with {@link ProcessBuilder} from the list as it is: each
 * element is one argument of the program, whatever characters the file names hold
 * (spaces, quotes, {@code ;}, {@code $(...)}, {@code {out}}). No shell ever reads it,
 * so no file name is ever split, quoted or run as a command. The paths are absolute,
 * so none starts with {@code -} and is taken for an option.
 *
 * @param template  the program and its arguments; {@code {in}} and {@code {out}} must each appear
 * @param extension what is added to a source's name to name its output, without the dot
 */
public record Command(List<String> template, String extension) {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(in|out)}");

    public Command {
        template = List.copyOf(template);
        Objects.requireNonNull(extension, "extension");
        if (template.isEmpty()) {
            throw new IllegalArgumentException("a command needs at least the program to run");
        }
        if (template.stream().noneMatch(a -> a.contains("{in}")) || template.stream().noneMatch(a -> a.contains("{out}"))) {
            throw new IllegalArgumentException("the command " + template + " must say where the files go: put {in} where"
                    + " the input file belongs and {out} where the output file belongs");
        }
        if (!extension.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("\"" + extension + "\" is not an extension: give letters and digits"
                    + " only, without the dot, such as mp3");
        }
    }

    // tag::arguments[]
    /** The arguments to run for one file: the template, with {@code {in}} and {@code {out}} replaced. */
    public List<String> arguments(Path in, Path out) {
        List<String> arguments = new ArrayList<>();
        for (String argument : template) {
            Matcher placeholder = PLACEHOLDER.matcher(argument);
            // One pass, so that a file name holding "{out}" is not replaced again.
            arguments.add(placeholder.replaceAll(m -> Matcher.quoteReplacement(
                    (m.group(1).equals("in") ? in : out).toAbsolutePath().toString())));
        }
        return arguments;
    }
    // end::arguments[]

    /** The output's path for a source's path: {@code talks/day 1.wav} gives {@code talks/day 1.wav.mp3}. */
    public Path outputFor(Path source) {
        return source.resolveSibling(source.getFileName() + "." + extension);
    }

    /** ffmpeg, converting to the format that {@code extension} names (such as mp3 or mp4). */
    public static Command ffmpeg(String extension) {
        return new Command(List.of("ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error", "-y", "-i", "{in}",
                "{out}"), extension);
    }

    /**
     * The kit's stand-in for a real transcoder, {@link StandInTranscoder}, run by the
     * same Java as this program, with {@code options} before the file names (see its
     * usage). Its outputs end in {@code .out}.
     */
    public static Command standIn(List<String> options) {
        List<String> template = new ArrayList<>(List.of(javaCommand(),
                // A short-lived program: start fast rather than run fast.
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                "-cp", classFolder(), StandInTranscoder.class.getName()));
        template.addAll(options);
        template.addAll(List.of("{in}", "{out}"));
        return new Command(template, "out");
    }

    /** The java program running now, so that the stand-in needs nothing but the JDK already in use. */
    private static String javaCommand() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** Where the stand-in's class was loaded from: the kit's compiled classes, or its jar. */
    private static String classFolder() {
        try {
            return Path.of(StandInTranscoder.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot tell where " + StandInTranscoder.class + " was loaded from", e);
        }
    }
}
