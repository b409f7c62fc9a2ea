package org.byoaxon.tools;

import java.util.Arrays;
import java.util.List;

/**
 * A text file as lines, and the line ending it uses. Git on Windows checks files out
 * with CRLF line endings ({@code core.autocrlf=true}); the kit's commands read either,
 * work on lines, and write a file back with the line ending it had.
 *
 * @param lines the lines, without their line endings (the last is empty when the file ends with one)
 * @param eol   {@code "\r\n"} when the file's first line ends so, else {@code "\n"}
 */
record Text(List<String> lines, String eol) {
    static final String CRLF = "\r\n";

    static Text of(String text) {
        int firstEnd = text.indexOf('\n');
        String eol = firstEnd > 0 && text.charAt(firstEnd - 1) == '\r' ? CRLF : "\n";
        List<String> lines = Arrays.stream(text.split("\n", -1))
                .map(line -> line.endsWith("\r") ? line.substring(0, line.length() - 1) : line).toList();
        return new Text(lines, eol);
    }

    /** The text with the same line ending everywhere: LF, as the kit's sources are committed. */
    static String normalized(String text) {
        return text.replace(CRLF, "\n");
    }

    /** These lines joined with this text's line ending. */
    String join(List<String> newLines) {
        return String.join(eol, newLines);
    }

    /** LF text with this text's line ending. */
    String withEndings(String lfText) {
        return eol.equals(CRLF) ? lfText.replace("\n", CRLF) : lfText;
    }
}
