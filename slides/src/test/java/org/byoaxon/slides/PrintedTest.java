package org.byoaxon.slides;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Writer;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.PDType3Font;
import org.apache.pdfbox.pdmodel.font.PDVectorFont;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The printed documents as an attendee holds them: the attendee handout
 * (slides/target/handout/handout.pdf) and the handbook as a book
 * (src-docs/target/book/handbook.pdf), read back from the PDF with PDFBox.
 *
 * <p>Five rules, each about what a reader sees: every font is embedded (so the page looks
 * the same on every machine and printer); no character is drawn as a missing-glyph box;
 * no text is below a readable size; no line runs beyond the page's text area (the theme's
 * margins); and no line of code is wrapped in the middle of a word. Before trusting them on
 * the real documents, each rule must find its fault in a PDF with one planted fault of
 * each kind. The handout has a sixth rule, its promise of one page per stage: no stage's
 * text runs past its heading's page; it must find a stage page planted too long.
 */
@DisplayName("Slides: the printed documents (handout and book)")
class PrintedTest {
    private static final Path ROOT = Path.of(System.getProperty("kit.root", "..")).toAbsolutePath().normalize();
    private static final Path HANDOUT = ROOT.resolve("slides/target/handout/handout.pdf");
    private static final Path BOOK = ROOT.resolve("src-docs/target/book/handbook.pdf");
    private static final Path THEME = ROOT.resolve("src-docs/src/pdf/book-theme.yml");

    /** The smallest readable type on an A4 page, in points (the running heads are 9 pt, code 7.5 pt and up). */
    static final float MIN_POINTS = 7f;

    /** What a code block's box adds inside the text area on the right: the theme's padding and border, in points. */
    static final float CODE_PADDING = 8f;

    /** One drawn character: where, how big, in which font, and whether the font has it. */
    record Glyph(int page, float x, float y, float width, float size, String font, boolean embedded, boolean missing,
            String text) {
        boolean mono() {
            String name = font.toLowerCase(Locale.ROOT);
            return name.contains("mono") || name.contains("courier") || name.contains("1mn") || name.contains("code");
        }
    }

    /** The text area of a page, from its left margin to its right one, in points. */
    record Area(float left, float right) {
    }

    // ---- the real documents -------------------------------------------------------

    @Test
    @DisplayName("the attendee handout: fonts embedded, no missing glyph, readable sizes, within the margins, code unbroken")
    void handoutReads() throws IOException {
        assertEquals(List.of(), problems(HANDOUT), "the handout, as printed");
    }

    @Test
    @DisplayName("the book: fonts embedded, no missing glyph, readable sizes, within the margins, code unbroken")
    void bookReads() throws IOException {
        assumeTrue(Files.isRegularFile(BOOK), "the book is not built (src-docs/target/book/handbook.pdf): the kit check"
                + " builds it before the slides; alone, run ./mvnw -q -pl src-docs package first");
        assertEquals(List.of(), problems(BOOK), "the book, as printed");
    }

    // ---- the rules prove themselves --------------------------------------------------

    @Test
    @DisplayName("each rule finds its planted fault: a font not embedded, a missing glyph, 5 pt text, a line past the"
            + " margin, a code line broken mid-word")
    void everyRuleFindsItsPlantedFault() throws IOException {
        Path planted = Files.createTempFile("planted", ".pdf");
        try {
            Area area = area();
            plantFaults(planted, area);
            List<Glyph> glyphs = glyphs(planted);
            assertFalse(notEmbedded(glyphs).isEmpty(), "a planted font that is not embedded went unseen");
            assertFalse(missingGlyphs(glyphs).isEmpty(), "a planted missing glyph went unseen");
            assertFalse(tooSmall(glyphs).isEmpty(), "planted 5 pt text went unseen");
            assertFalse(beyondTextArea(glyphs, area).isEmpty(), "a planted line beyond the right margin went unseen");
            List<String> wrapped = wrappedMidToken(glyphs, area);
            assertEquals(1, wrapped.size(), "the planted code line broken mid-word (and only it): " + wrapped);
            assertTrue(wrapped.getFirst().contains("ProducerFi|nished"), wrapped.getFirst());
        } finally {
            Files.deleteIfExists(planted);
        }
    }

    @Test
    @DisplayName("the attendee handout: every stage fits on one page, as the handout promises")
    void everyStageFitsOnOnePage() throws IOException {
        List<Glyph> glyphs = glyphs(HANDOUT);
        assertEquals(HandoutStages.tasks(ROOT.resolve("solutions/src/main/java")).keySet(), stagePages(glyphs).keySet(),
                "the handout's stage pages, found by their headings \"Stage N: ...\", one for each stage with regions");
        assertEquals(List.of(), spilledStages(glyphs), "the handout's stage pages");
    }

    @Test
    @DisplayName("the one-page check finds a planted stage that runs onto a second page")
    void onePageCheckFindsALongStage() throws IOException {
        Path planted = Files.createTempFile("planted-long-stage", ".pdf");
        try (PDDocument document = Loader.loadPDF(HANDOUT.toFile())) {
            int stage5 = stagePages(glyphs(HANDOUT)).get(5);
            // The rest of stage 5 on a page of its own, after stage 5's page, as a table row
            // that does not fit would be laid out.
            PDPage overflow = new PDPage(PDRectangle.A4);
            PDResources resources = new PDResources();
            resources.put(COSName.getPDFName("F1"), new PDType1Font(Standard14Fonts.FontName.HELVETICA));
            overflow.setResources(resources);
            String content = String.format(Locale.ROOT, "BT /F1 10 Tf %.1f 700 Td (the last row of the table, and the"
                    + " stage's run command) Tj ET%n", area().left());
            overflow.setContents(new PDStream(document, new ByteArrayInputStream(content.getBytes(StandardCharsets.ISO_8859_1))));
            document.getPages().insertAfter(overflow, document.getPage(stage5 - 1));
            document.save(planted.toFile());
            List<String> spilled = new ArrayList<>(spilledStages(glyphs(planted)));
            int before = spilledStages(glyphs(HANDOUT)).size();
            assertEquals(before + 1, spilled.size(), "the planted long stage 5, and no other new one: " + spilled);
            assertTrue(spilled.stream().anyMatch(problem -> problem.startsWith("Stage 5: ")
                    && problem.contains("runs onto page " + (stage5 + 1))), "the planted long stage 5: " + spilled);
        } finally {
            Files.deleteIfExists(planted);
        }
    }

    /**
     * A one-page A4 PDF with one fault of each kind: Helvetica, not embedded; a character
     * that the handout's embedded text font has no glyph for; a 5 pt line; a line that starts inside the text area
     * and runs past the right margin; and, in Courier, a code line that reaches the code
     * box's right edge and goes on, mid-word, on the next line. It also holds text that
     * breaks no rule but the font's: a code line that ends before the edge, then one that
     * starts with a word.
     */
    static void plantFaults(Path file, Area area) throws IOException {
        try (PDDocument document = new PDDocument(); PDDocument handout = Loader.loadPDF(HANDOUT.toFile())) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            PDResources resources = new PDResources();
            resources.put(COSName.getPDFName("F1"), new PDType1Font(Standard14Fonts.FontName.HELVETICA));
            resources.put(COSName.getPDFName("F2"), new PDType1Font(Standard14Fonts.FontName.COURIER));
            // The missing glyph, as the documents would have one: an embedded subset of the
            // handout's own text font, asked for a character it does not hold.
            PDFont subset = null;
            for (COSName name : handout.getPage(0).getResources().getFontNames()) {
                PDFont font = handout.getPage(0).getResources().getFont(name);
                if (font.isEmbedded() && font instanceof PDVectorFont) {
                    subset = font;
                }
            }
            assertTrue(subset != null, "the handout's first page has no embedded font to plant a missing glyph with");
            int absent = -1;
            for (int code = 0xBF; code >= 0xA1 && absent < 0; code--) {
                if (!((PDVectorFont) subset).hasGlyph(code)) {
                    absent = code;
                }
            }
            assertTrue(absent > 0, "the handout's font " + subset.getName() + " has every glyph from 0xA1 to 0xBF");
            resources.put(COSName.getPDFName("F3"), subset);
            page.setResources(resources);
            float codeRight = area.right() - CODE_PADDING;
            // Courier is 0.6 em wide: "ProducerFi" at 9 pt is 54 pt.
            float wrapAt = codeRight - 10 * 0.6f * 9;
            String content = String.format(Locale.ROOT, """
                    BT /F1 10 Tf %1$.1f 700 Td (Readable text, inside the margins.) Tj ET
                    BT /F3 10 Tf %1$.1f 680 Td (A box: \\%5$o) Tj ET
                    BT /F1 5 Tf %1$.1f 660 Td (Text too small to read.) Tj ET
                    BT /F1 10 Tf %2$.1f 640 Td (This line starts inside the text area and runs past its margin.) Tj ET
                    BT /F2 9 Tf %3$.1f 600 Td (return ProducerFi) Tj ET
                    BT /F2 9 Tf %4$.1f 589 Td (nished;) Tj ET
                    BT /F2 9 Tf %4$.1f 560 Td (short line) Tj ET
                    BT /F2 9 Tf %4$.1f 549 Td (next line) Tj ET
                    """, area.left(), area.right() - 120, wrapAt - 7 * 0.6f * 9, area.left() + CODE_PADDING, absent);
            page.setContents(new PDStream(document, new ByteArrayInputStream(content.getBytes(StandardCharsets.ISO_8859_1))));
            document.save(file.toFile());
        }
    }

    // ---- the rules ----------------------------------------------------------------

    /** Every problem of a PDF, by rule, at most a few of each so that the message stays readable. */
    static List<String> problems(Path pdf) throws IOException {
        List<Glyph> glyphs = glyphs(pdf);
        assertFalse(glyphs.isEmpty(), pdf + " has no text");
        Area area = area();
        List<String> problems = new ArrayList<>();
        problems.addAll(notEmbedded(glyphs));
        problems.addAll(first(missingGlyphs(glyphs)));
        problems.addAll(first(tooSmall(glyphs)));
        problems.addAll(first(beyondTextArea(glyphs, area)));
        problems.addAll(first(wrappedMidToken(glyphs, area)));
        return problems;
    }

    static List<String> notEmbedded(List<Glyph> glyphs) {
        Set<String> fonts = new LinkedHashSet<>();
        for (Glyph glyph : glyphs) {
            if (!glyph.embedded()) {
                fonts.add("font " + glyph.font() + " (first on page " + glyph.page() + ") is not embedded: a reader or"
                        + " printer without it draws another; embed it (a TTF in the PDF theme's font catalog)");
            }
        }
        return new ArrayList<>(fonts);
    }

    static List<String> missingGlyphs(List<Glyph> glyphs) {
        List<String> problems = new ArrayList<>();
        for (List<Glyph> line : lines(glyphs)) {
            for (Glyph glyph : line) {
                if (glyph.missing()) {
                    problems.add("page " + glyph.page() + ": font " + glyph.font() + " has no glyph for '" + glyph.text()
                            + "' and draws a box, in \"" + text(line) + "\": use a character the font has, or a font"
                            + " with it (the theme's fallback fonts)");
                    break;
                }
            }
        }
        return problems;
    }

    static List<String> tooSmall(List<Glyph> glyphs) {
        List<String> problems = new ArrayList<>();
        for (List<Glyph> line : lines(glyphs)) {
            // Spaces are not read: the table of contents' leaders are spaced with 2 pt ones.
            float smallest = (float) line.stream().filter(glyph -> !glyph.text().isBlank()
                    && !Character.isSpaceChar(glyph.text().codePointAt(0))).mapToDouble(Glyph::size).min().orElse(99);
            if (smallest < MIN_POINTS) {
                problems.add(String.format(Locale.ROOT, "page %d: text at %.1f pt (at least %.1f pt to be read on paper):"
                        + " \"%s\"; shorten the line or give it more room, rather than smaller type",
                        line.getFirst().page(), smallest, MIN_POINTS, text(line)));
            }
        }
        return problems;
    }

    static List<String> beyondTextArea(List<Glyph> glyphs, Area area) {
        List<String> problems = new ArrayList<>();
        for (List<Glyph> line : lines(glyphs)) {
            Glyph first = line.getFirst();
            Glyph last = line.getLast();
            if (first.x() < area.left() - 1 || last.x() + last.width() > area.right() + 1) {
                problems.add(String.format(Locale.ROOT, "page %d: a line from %.0f pt to %.0f pt, beyond the text area"
                        + " (%.0f to %.0f pt, the theme's margins): \"%s\"; let it wrap or shorten it",
                        first.page(), first.x(), last.x() + last.width(), area.left(), area.right(), text(line)));
            }
        }
        return problems;
    }

    /**
     * A line of code that fills its box to the right edge and ends inside a word, followed by
     * a line of code that goes on with a word, is one line of the source broken in two: the
     * reader cannot tell the break from a real one, and a copied command no longer runs.
     */
    static List<String> wrappedMidToken(List<Glyph> glyphs, Area area) {
        List<String> problems = new ArrayList<>();
        List<List<Glyph>> code = lines(glyphs).stream().filter(line -> line.stream().allMatch(Glyph::mono)).toList();
        for (int i = 0; i + 1 < code.size(); i++) {
            List<Glyph> line = code.get(i);
            List<Glyph> next = code.get(i + 1);
            Glyph last = line.getLast();
            Glyph first = next.getFirst();
            boolean sameBlock = first.page() == last.page() && last.y() - first.y() > 0
                    && last.y() - first.y() < 2 * last.size();
            boolean atTheEdge = last.x() + last.width() >= area.right() - CODE_PADDING - 1.5f * last.width();
            if (sameBlock && atTheEdge && word(last.text()) && word(first.text())) {
                problems.add("page " + last.page() + ": a line of code broken mid-word at the edge of its box: \""
                        + text(line).strip() + "|" + text(next).strip() + "\"; shorten the line in the source (or let the"
                        + " theme fit it: :autofit-option:)");
            }
        }
        return problems;
    }

    private static boolean word(String text) {
        return !text.isEmpty() && (Character.isLetterOrDigit(text.codePointAt(0)) || text.charAt(0) == '_');
    }

    /** A stage page's heading: "Stage N: title", in a heading's size. */
    private static final Pattern STAGE_HEADING = Pattern.compile("^Stage (\\d+): .*");

    /** The page of each stage's heading, by stage. */
    static Map<Integer, Integer> stagePages(List<Glyph> glyphs) throws IOException {
        Map<Integer, Integer> pages = new TreeMap<>();
        for (List<Glyph> line : body(glyphs)) {
            Matcher heading = STAGE_HEADING.matcher(text(line));
            if (heading.matches() && line.getFirst().size() >= 12) {
                pages.putIfAbsent(Integer.parseInt(heading.group(1)), line.getFirst().page());
            }
        }
        return pages;
    }

    /**
     * The stages whose text runs past their heading's page: any text between the top and
     * bottom margins (not the running heads) on a page after a stage's heading and before the
     * next stage's, or after the last stage's page.
     */
    static List<String> spilledStages(List<Glyph> glyphs) throws IOException {
        Map<Integer, Integer> pages = stagePages(glyphs);
        List<List<Glyph>> body = body(glyphs);
        List<String> problems = new ArrayList<>();
        List<Integer> stages = new ArrayList<>(pages.keySet());
        for (int i = 0; i < stages.size(); i++) {
            int stage = stages.get(i);
            int page = pages.get(stage);
            int next = i + 1 < stages.size() ? pages.get(stages.get(i + 1)) : Integer.MAX_VALUE;
            List<Glyph> heading = null;
            for (List<Glyph> line : body) {
                int on = line.getFirst().page();
                if (on == page && heading == null && STAGE_HEADING.matcher(text(line)).matches()) {
                    heading = line;
                }
                if (on > page && on < next) {
                    problems.add(text(heading) + " (page " + page + ") runs onto page " + on + " (\"" + text(line)
                            + "\"): the handout promises one page per stage; shorten what the page takes from the"
                            + " chapter and the regions (HandoutStages) or set it tighter (slides/src/pdf/handout-theme.yml)");
                    break;
                }
            }
        }
        return problems;
    }

    /** The lines of text between a page's top and bottom margins: not its running heads. */
    private static List<List<Glyph>> body(List<Glyph> glyphs) throws IOException {
        float[] margins = margins();
        float top = PDRectangle.A4.getHeight() - margins[0];
        float bottom = margins[2];
        return lines(glyphs.stream().filter(glyph -> glyph.y() <= top && glyph.y() >= bottom).toList());
    }

    private static List<String> first(List<String> problems) {
        if (problems.size() <= 5) {
            return problems;
        }
        List<String> kept = new ArrayList<>(problems.subList(0, 5));
        kept.add("... and " + (problems.size() - 5) + " more like these");
        return kept;
    }

    // ---- reading a PDF ------------------------------------------------------------

    /** The page's text area, from the book theme's page margins (the handout's theme extends it, margins and all). */
    static Area area() throws IOException {
        float[] margins = margins();
        return new Area(margins[3], PDRectangle.A4.getWidth() - margins[1]);
    }

    /** The book theme's page margins, in points: top, right, bottom, left. */
    private static float[] margins() throws IOException {
        Matcher margin = Pattern.compile("(?m)^page:\\s*\\n(?:\\s+.*\\n)*?\\s+margin: \\[([^]]+)]").matcher(Files.readString(THEME));
        assertTrue(margin.find(), THEME + " has no page margin");
        String[] sides = margin.group(1).split(",");
        return new float[] {points(sides[0]), points(sides[1]), points(sides[2]), points(sides[3])};
    }

    private static float points(String length) {
        String value = length.strip();
        if (value.endsWith("in")) {
            return Float.parseFloat(value.substring(0, value.length() - 2)) * 72;
        }
        if (value.endsWith("mm")) {
            return Float.parseFloat(value.substring(0, value.length() - 2)) * 72 / 25.4f;
        }
        return Float.parseFloat(value);
    }

    /** The glyphs grouped into lines: same page, same baseline, in reading order. */
    static List<List<Glyph>> lines(List<Glyph> glyphs) {
        Map<String, List<Glyph>> lines = new TreeMap<>();
        for (Glyph glyph : glyphs) {
            String key = String.format(Locale.ROOT, "%05d %08.1f", glyph.page(), 100000 - glyph.y());
            lines.computeIfAbsent(key, k -> new ArrayList<>()).add(glyph);
        }
        List<List<Glyph>> ordered = new ArrayList<>();
        for (List<Glyph> line : lines.values()) {
            line.sort((a, b) -> Float.compare(a.x(), b.x()));
            ordered.add(line);
        }
        return ordered;
    }

    private static String text(List<Glyph> line) {
        StringBuilder text = new StringBuilder();
        Glyph previous = null;
        for (Glyph glyph : line) {
            if (previous != null && glyph.x() - (previous.x() + previous.width()) > glyph.size() * 0.2f) {
                text.append(' ');
            }
            text.append(glyph.text());
            previous = glyph;
        }
        String all = text.toString();
        return all.length() > 90 ? all.substring(0, 87) + "..." : all;
    }

    /** Every character drawn on every page of a PDF, with its place, size and font. */
    static List<Glyph> glyphs(Path pdf) throws IOException {
        List<Glyph> glyphs = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void processTextPosition(TextPosition text) {
                    PDFont font = text.getFont();
                    boolean embedded = font instanceof PDType3Font || font.isEmbedded();
                    boolean missing = false;
                    if (font instanceof PDVectorFont vector) {
                        for (int code : text.getCharacterCodes()) {
                            try {
                                missing |= !vector.hasGlyph(code);
                            } catch (IOException e) {
                                missing = true;
                            }
                        }
                    }
                    // y from the bottom of the page, as the PDF measures it.
                    float y = text.getPageHeight() - text.getYDirAdj();
                    glyphs.add(new Glyph(getCurrentPageNo(), text.getXDirAdj(), y, text.getWidthDirAdj(),
                            text.getFontSizeInPt(), font.getName() == null ? "(unnamed)" : font.getName(), embedded,
                            missing, text.getUnicode() == null ? "?" : text.getUnicode()));
                }

                @Override
                protected void writeString(String text, List<TextPosition> positions) {
                }
            };
            stripper.setSortByPosition(true);
            stripper.writeText(document, Writer.nullWriter());
        }
        return glyphs;
    }
}
