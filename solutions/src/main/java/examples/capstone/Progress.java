package examples.capstone;

import axon.Component;
import axon.Inbox;
import axon.Outbox;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Shows how a transcode-and-upload batch is getting on: a line each time something
 * changes, with the files done out of the total and the files being worked on, and a
 * last line when the batch ends.
 *
 * <pre>
 * 2 of 6 done | transcoding: 03 a;b.txt, 04 notes.txt | uploading: 02 it's here.txt
 * </pre>
 * It counts a file to do for each {@link Path} it receives (the batch's list of files,
 * from a {@link kamaelia.util.Tee}), and follows the {@link Status} events of the
 * transcoders and uploaders. Printing is all it does, so it is a cooperative component.
 * Names and reasons are shown with {@link #printable}: a file name cannot split a line or
 * send codes to the terminal.
 */
@Inbox(name = "inbox", doc = "The files to do, one Path each, and the Status events of transcoders and uploaders")
@Outbox(name = "outbox", doc = "Not used")
public class Progress extends Component {
    private final PrintStream out;
    private int total;
    private int done;
    private final List<String> failed = new ArrayList<>();
    private final Set<String> transcoding = new TreeSet<>();
    private final Set<String> uploading = new TreeSet<>();
    private String lastLine;

    /** A progress display printing to {@code out}. */
    public Progress(PrintStream out) {
        this.out = out;
        this.lastLine = line();     // nothing to show until something happens
    }

    @Override
    protected boolean step() {
        while (dataReady("inbox")) {
            follow(recv("inbox"));
        }
        String line = line();
        if (!line.equals(lastLine)) {
            show(line);
        }
        if (shutdownRequested()) {
            show(summary());
            passShutdownOn();
            return false;
        }
        pause();
        return true;
    }

    /** Prints a line at once: a progress line read a moment late is no use. */
    private void show(String line) {
        out.println(line);
        out.flush();
        lastLine = line;
    }

    private void follow(Object message) {
        switch (message) {
            case Path toDo -> total++;
            case Status.Transcoding(Path source) -> transcoding.add(name(source));
            case Status.Transcoded(Path source) -> transcoding.remove(name(source));
            case Status.Uploading(Path source) -> uploading.add(name(source));
            case Status.Uploaded(Path source) -> {
                uploading.remove(name(source));
                done++;
            }
            case Status.Failed(Path source, String reason) -> {
                transcoding.remove(name(source));
                uploading.remove(name(source));
                failed.add(name(source));
                out.println("failed: " + name(source) + ": " + printable(reason));
            }
            default -> throw new IllegalArgumentException("Progress cannot show " + message);
        }
    }

    private String line() {
        return done + " of " + total + " done" + (failed.isEmpty() ? "" : ", " + failed.size() + " failed")
                + " | transcoding: " + list(transcoding) + " | uploading: " + list(uploading);
    }

    private String summary() {
        if (done == total) {
            return "All " + total + " files transcoded and uploaded.";
        }
        int rest = total - done - failed.size();
        return done + " of " + total + " files done" + (failed.isEmpty() ? "" : ", " + failed.size() + " failed")
                + (rest == 0 ? "" : ", " + rest + " still to do") + ". Run the same command again to "
                + (rest == 0 ? "try the failed ones again." : "carry on.");
    }

    private static String list(Set<String> names) {
        return names.isEmpty() ? "-" : String.join(", ", names);
    }

    private static String name(Path source) {
        return printable(WorkFolders.nameOf(source));
    }

    /**
     * Text from outside (a file name, a command's message) made safe to print on one line
     * of a terminal: control characters, such as a new line or the escape that starts a
     * terminal's colour and cursor codes, and invisible format characters, such as those
     * that reverse the direction of text, are shown as escapes: {@code \n} for a new line,
     * a backslash, {@code u} and four hexadecimal digits for the others (the escape
     * character is {@code u001b}). A backslash is shown doubled, so that an escape cannot
     * be faked.
     */
    public static String printable(String text) {
        StringBuilder shown = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '\\' -> shown.append("\\\\");
                case '\n' -> shown.append("\\n");
                case '\r' -> shown.append("\\r");
                case '\t' -> shown.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                            || Character.getType(c) == Character.LINE_SEPARATOR
                            || Character.getType(c) == Character.PARAGRAPH_SEPARATOR) {
                        shown.append(String.format("\\u%04x", c));
                    } else {
                        shown.appendCodePoint(c);
                    }
                }
            }
        });
        return shown.toString();
    }
}
