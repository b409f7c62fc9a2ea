package examples.capstone;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An external command that transcodes one file, as a list of arguments in which the
 * arguments {@code {in}} and {@code {out}} stand for the input and output files, and the
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
 * <h2>Whole arguments only</h2>
 * {@code {in}} and {@code {out}} are replaced only where they are a whole argument,
 * never inside one: in {@code sh -c 'cp {in} {out}'} the shell would read the file names
 * as shell code, and a file called {@code $(rm -rf ~).wav} would run. Such a template is
 * refused. A command that needs a shell gets the names as its positional parameters,
 * which the shell never reads as code:
 * <pre>{@code
 * sh -c 'cp "$1" "$2"' sh {in} {out}
 * }</pre>
 *
 * @param template  the program and its arguments; {@code {in}} and {@code {out}} must each be one of them
 * @param extension what is added to a source's name to name its output, without the dot
 */
public record Command(List<String> template, String extension) {
    private static final String IN = "{in}";
    private static final String OUT = "{out}";

    public Command {
        template = List.copyOf(template);
        Objects.requireNonNull(extension, "extension");
        if (template.isEmpty()) {
            throw new IllegalArgumentException("a command needs at least the program to run");
        }
        for (String argument : template) {
            if (!argument.equals(IN) && !argument.equals(OUT) && (argument.contains(IN) || argument.contains(OUT))) {
                throw new IllegalArgumentException("in the command " + template + ", the argument \"" + argument
                        + "\" has {in} or {out} inside it: they are replaced only as whole arguments, since a file"
                        + " name pasted into a longer one (a shell's script, say) could be read as code. Give the"
                        + " names as arguments of their own; for a shell, as its positional parameters:"
                        + " sh -c 'cp \"$1\" \"$2\"' sh {in} {out}");
            }
        }
        if (!template.contains(IN) || !template.contains(OUT)) {
            throw new IllegalArgumentException("the command " + template + " must say where the files go: put {in} where"
                    + " the input file belongs and {out} where the output file belongs, each as an argument of its own");
        }
        if (!extension.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("\"" + extension + "\" is not an extension: give letters and digits"
                    + " only, without the dot, such as mp3");
        }
    }

    /** The arguments to run for one file: the template, with the arguments {@code {in}} and {@code {out}} replaced. */
    public List<String> arguments(Path in, Path out) {
        List<String> arguments = new ArrayList<>();
        for (String argument : template) {
            arguments.add(switch (argument) {     // whole arguments only: a name is never pasted into another
                case IN -> in.toAbsolutePath().toString();
                case OUT -> out.toAbsolutePath().toString();
                default -> argument;
            });
        }
        return arguments;
    }

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
