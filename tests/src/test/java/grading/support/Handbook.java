package grading.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where the board sends a learner to read: the built handbook's page and section. Until the
 * pages are built, the board says the one command that builds them (the kit's short form,
 * as the README's quick start uses; the README's table of commands gives the Maven form
 * beside it): the chapters' sources show every hint, answers included, written out, where
 * the built pages keep them folded.
 */
public final class Handbook {
    /** Where the handbook's pages are built. */
    private static final String BUILT = "src-docs/target/handbook/";
    /** Builds the HTML pages only, without the PDF book: ./mvnw -q -pl src-docs -am package -Dhandbook.htmlOnly. */
    static final String BUILD = "./kit handbook";
    private static final Pattern HEADING = Pattern.compile("<h[1-6] id=\"([^\"]+)\"[^>]*>(.*?)</h[1-6]>");

    private final Path root;

    Handbook(Path root) {
        this.root = root;
    }

    /**
     * Where to read about a test: the page of the built handbook, with the section's anchor,
     * and, until the handbook is built, the command that builds it.
     *
     * @param chapter the chapter's source, relative to the kit's top folder
     * @param section the section's title, or "" for the whole chapter
     */
    String whereToRead(String chapter, String section) {
        String named = section.isBlank() ? "" : ", section \"" + section + "\"";
        String page = BUILT + Path.of(chapter).getFileName().toString().replaceFirst("\\.adoc$", ".html");
        Path html = root.resolve(page);
        if (!Files.isRegularFile(html)) {
            return page + named + " (not built yet: " + BUILD + " builds the pages, hints folded)";
        }
        String id = section.isBlank() ? null : idIn(html, section);
        return page + (id == null ? "" : "#" + id) + named;
    }

    /** The id of the section with this title in a rendered page, or null if the page has none. */
    private static String idIn(Path html, String title) {
        String page;
        try {
            page = Files.readString(html);
        } catch (IOException e) {
            return null;
        }
        String wanted = title.replace("`", "");
        var heading = HEADING.matcher(page);
        while (heading.find()) {
            String text = heading.group(2).replaceAll("<[^>]+>", "").replace("&#8217;", "'").replace("&#8216;", "'")
                    .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
            if (text.equals(wanted)) {
                return heading.group(1);
            }
        }
        String id = anchor(title);
        return page.contains("id=\"" + id + "\"") ? id : null;
    }

    /**
     * The id Asciidoctor gives a section title with the handbook's settings (no prefix,
     * "-" between words): lower case, punctuation dropped, each run of spaces, dots and
     * dashes made one dash. (A second section with the same title gets "-2" added, and so
     * on: {@link #idIn} finds those in the page itself.)
     */
    public static String anchor(String title) {
        String id = title.toLowerCase(Locale.ROOT)
                .replaceAll("[^ \\p{L}\\p{M}\\p{Nd}\\p{Pc}.\\-]", "")
                .replaceAll("[ .\\-]+", "-");
        return id.replaceAll("^-|-$", "");
    }
}
