package org.byoaxon.slides;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The decks' own check, run by the kit check after they are rendered (slides/pom.xml):
 * the Ignite talk keeps its form (20 slides, 15 s each, no fragments), every include
 * resolves to code that is short enough to read from the back of a room, no code is
 * pasted, every slide has speaker notes and fits on one PDF page, and the tutorial's
 * timing plan adds up and agrees with the instructor guide.
 */
@DisplayName("Slides: the decks")
class DecksTest {
    private static final Path ROOT = Path.of(System.getProperty("kit.root", "..")).toAbsolutePath().normalize();
    private static final Path DECKS = ROOT.resolve("slides/src/docs/asciidoc");
    private static final Path OUTPUT = Path.of(System.getProperty("slides.output", ROOT.resolve("slides/target/slides").toString()));
    private static final Path VIEWS = Path.of(System.getProperty("slides.views", ROOT.resolve("slides/target/views").toString()));
    private static final List<String> DECK_NAMES = List.of("embracing-concurrency", "pragmatic-concurrency");

    /** Code on a slide: at most this many lines and columns (about 27 px type on a 1280 px slide). */
    private static final int MAX_CODE_LINES = 16;
    private static final int MAX_CODE_COLUMNS = 76;

    private static final Pattern INCLUDE = Pattern.compile("^include::([^\\[]+)\\[(.*)]\\s*$");
    private static final Pattern ATTRIBUTE = Pattern.compile("\\{([a-z-]+)}");
    private static final Pattern SLIDE = Pattern.compile("^== \\S");
    private static final Pattern AUTOSLIDE = Pattern.compile("autoslide=(\\d+)");

    @Test
    @DisplayName("the Ignite talk has exactly 20 slides, in its source and in its HTML and PDF")
    void igniteHasTwentySlides() throws IOException {
        List<String> lines = expanded(DECKS.resolve("embracing-concurrency.adoc"));
        long slides = lines.stream().filter(line -> SLIDE.matcher(line).find()).count();
        assertEquals(20, slides, "== slides in embracing-concurrency.adoc, its partials included");
        String html = Files.readString(OUTPUT.resolve("embracing-concurrency.html"));
        assertEquals(20, count(html, "<section"), "<section> elements in embracing-concurrency.html (a title slide would be a 21st)");
        assertEquals(20, pdfPages(OUTPUT.resolve("embracing-concurrency.pdf")), "pages of embracing-concurrency.pdf");
    }

    @Test
    @DisplayName("the Ignite talk advances by itself every 15 seconds, 5 minutes in all, and cannot be stopped by a stray key")
    void igniteAdvancesEveryFifteenSeconds() throws IOException {
        List<String> lines = expanded(DECKS.resolve("embracing-concurrency.adoc"));
        assertTrue(lines.contains(":revealjs_autoslide: 15000"), "the deck sets :revealjs_autoslide: 15000");
        assertTrue(lines.contains(":revealjs_autoslidestoppable: false"), "the deck sets :revealjs_autoslidestoppable: false");
        assertTrue(lines.contains(":revealjs_totaltime: 300"), "the deck sets :revealjs_totaltime: 300");
        for (String line : lines) {
            Matcher autoslide = AUTOSLIDE.matcher(line);
            if (autoslide.find()) {
                assertEquals("15000", autoslide.group(1), "a slide of the Ignite talk has its own time: " + line);
            }
        }
        String html = Files.readString(OUTPUT.resolve("embracing-concurrency.html"));
        assertTrue(html.contains("autoSlide: 15000,"), "Reveal.initialize has autoSlide: 15000");
        assertTrue(html.contains("autoSlideStoppable: false,"), "Reveal.initialize has autoSlideStoppable: false");
        Matcher perSlide = Pattern.compile("data-autoslide=\"(\\d+)\"").matcher(html);
        while (perSlide.find()) {
            assertEquals("15000", perSlide.group(1), "a slide's data-autoslide");
        }
    }

    @Test
    @DisplayName("the Ignite talk has no fragments, which would split a slide's 15 seconds")
    void igniteHasNoFragments() throws IOException {
        List<String> problems = new ArrayList<>();
        for (String line : expanded(DECKS.resolve("embracing-concurrency.adoc"))) {
            if (line.matches("^\\[.*(%step|\\.step|\\.fragment|fragment).*]\\s*$") || line.contains("{step}")) {
                problems.add(line);
            }
        }
        assertEquals(List.of(), problems, "lines of the Ignite deck that make fragments");
        String html = Files.readString(OUTPUT.resolve("embracing-concurrency.html"));
        assertFalse(html.matches("(?s).*class=\"[^\"]*\\bfragment\\b.*"), "embracing-concurrency.html has an element of class fragment");
    }

    @Test
    @DisplayName("every include:: of both decks resolves: the file exists, and so do its tags and lines")
    void everyIncludeResolves() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Include include : includes()) {
            problems.addAll(include.problems());
        }
        assertEquals(List.of(), problems);
    }

    @Test
    @DisplayName("code on a slide is included from the kit's sources, never pasted")
    void codeIsNeverPasted() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path deck : sources()) {
            List<String> lines = Files.readAllLines(deck);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).matches("^\\[source(\\.[\\w-]+)?,java.*]\\s*$")) {
                    int open = i + 1;
                    while (open < lines.size() && !lines.get(open).equals("----")) {
                        open++;
                    }
                    for (int j = open + 1; j < lines.size() && !lines.get(j).equals("----"); j++) {
                        if (!lines.get(j).startsWith("include::") && !lines.get(j).isBlank()) {
                            problems.add(DECKS.relativize(deck) + ":" + (j + 1) + ": " + lines.get(j));
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), problems, "Java on slides must be include::d by tag from compiled sources");
    }

    @Test
    @DisplayName("code on a slide is short and narrow enough to read from the back of a room")
    void codeIsReadable() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Include include : includes()) {
            if (!include.target().endsWith(".java") || !include.problems().isEmpty()) {
                continue;
            }
            List<String> excerpt = include.excerpt();
            int width = excerpt.stream().mapToInt(String::length).max().orElse(0);
            if (excerpt.size() > MAX_CODE_LINES || width > MAX_CODE_COLUMNS) {
                problems.add(include.where() + ": " + include.target() + "[" + include.attributes() + "] is "
                        + excerpt.size() + " lines, " + width + " columns wide (at most " + MAX_CODE_LINES + " and "
                        + MAX_CODE_COLUMNS + ")");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    @DisplayName("every slide of both decks has speaker notes")
    void everySlideHasNotes() throws IOException {
        for (String deck : DECK_NAMES) {
            String html = Files.readString(OUTPUT.resolve(deck + ".html"));
            String[] sections = html.split("<section");
            List<String> without = new ArrayList<>();
            for (int i = 1; i < sections.length; i++) {
                if (!sections[i].contains("<aside class=\"notes\">")) {
                    Matcher title = Pattern.compile("<h[12][^>]*>(.*?)</h[12]>").matcher(sections[i]);
                    without.add("slide " + i + (title.find() ? " (" + title.group(1) + ")" : ""));
                }
            }
            assertEquals(List.of(), without, deck + ".html: slides without [.notes]");
        }
    }

    @Test
    @DisplayName("every slide fits on one page of its deck's PDF")
    void everySlideFitsOnAPdfPage() throws IOException {
        for (String deck : DECK_NAMES) {
            String html = Files.readString(OUTPUT.resolve(deck + ".html"));
            assertEquals(count(html, "<section"), pdfPages(OUTPUT.resolve(deck + ".pdf")),
                    deck + ".pdf: one page per slide (a slide that overflows spills onto a second page)");
        }
    }

    @Test
    @DisplayName("the tutorial's timing plan fits two sessions of 90 minutes, with the instructor guide's minutes per stage")
    void timingPlanAddsUp() throws IOException {
        List<String> tutorial = Files.readAllLines(DECKS.resolve("pragmatic-concurrency.adoc"));
        Map<Integer, Integer> guide = guideMinutes();
        for (String plan : List.of("plan-part-1", "plan-part-2")) {
            List<String> cells = tableAfter(tutorial, "[#" + plan + "]");
            int sum = 0;
            int total = -1;
            for (int i = 2; i + 1 < cells.size(); i += 2) {
                String what = cells.get(i);
                int minutes = Integer.parseInt(cells.get(i + 1).replace("*", "").trim());
                if (what.contains("Total")) {
                    total = minutes;
                    continue;
                }
                sum += minutes;
                Matcher stage = Pattern.compile("^Stage (\\d+):").matcher(what);
                if (stage.find()) {
                    Integer expected = guide.get(Integer.parseInt(stage.group(1)));
                    assertEquals(expected, minutes, plan + ": \"" + what + "\" against the instructor guide's schedule");
                }
            }
            assertEquals(90, sum, plan + ": the sections' minutes");
            assertEquals(90, total, plan + ": the Total row");
            int slack = 0;
            for (int i = 2; i + 1 < cells.size(); i += 2) {
                if (cells.get(i).startsWith("Questions")) {
                    slack += Integer.parseInt(cells.get(i + 1).replace("*", "").trim());
                }
            }
            assertTrue(slack >= 10, plan + ": only " + slack + " minutes of \"Questions and slack\" rows; a part of"
                    + " 90 minutes needs at least 10 for questions and for what goes wrong");
        }
    }

    @Test
    @DisplayName("each stage of the tutorial gets time in proportion to its chapter, within 30%")
    void stageTimeFollowsChapterSize() throws IOException {
        List<String> tutorial = Files.readAllLines(DECKS.resolve("pragmatic-concurrency.adoc"));
        Map<Integer, Double> perLine = new LinkedHashMap<>();
        for (String plan : List.of("plan-part-1", "plan-part-2")) {
            List<String> cells = tableAfter(tutorial, "[#" + plan + "]");
            for (int i = 2; i + 1 < cells.size(); i += 2) {
                Matcher stage = Pattern.compile("^Stage (\\d+):").matcher(cells.get(i));
                if (stage.find()) {
                    int n = Integer.parseInt(stage.group(1));
                    int minutes = Integer.parseInt(cells.get(i + 1).trim());
                    perLine.put(n, minutes / (double) chapterLines(n));
                }
            }
        }
        double[] sorted = perLine.values().stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double median = sorted[sorted.length / 2];
        List<String> off = new ArrayList<>();
        perLine.forEach((stage, rate) -> {
            if (rate < median * 0.7 || rate > median * 1.3) {
                off.add(String.format(java.util.Locale.ROOT, "stage %d: %.1f minutes per 100 lines of its chapter,"
                        + " the median is %.1f", stage, rate * 100, median * 100));
            }
        });
        assertEquals(List.of(), off, "stages whose time does not follow the size of their chapter");
    }

    @Test
    @DisplayName("the Ignite talk is pictures and few words: at most 8 words or one picture a slide, code of at most"
            + " 4 lines, and notes of 35 to 45 words")
    void igniteIsPicturesAndFewWords() throws IOException {
        List<String> problems = new ArrayList<>();
        for (IgniteSlide slide : igniteSlides()) {
            if (slide.words() > 8) {
                problems.add(slide.title() + ": " + slide.words() + " words on the slide (at most 8; say the rest)");
            }
            if (slide.longestCode() > 4) {
                problems.add(slide.title() + ": a code block of " + slide.longestCode() + " lines (at most 4)");
            }
            if (slide.notes() < 35 || slide.notes() > 45) {
                problems.add(slide.title() + ": notes of " + slide.notes() + " words (35 to 45: 15 seconds of speech)");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    @DisplayName("the kit's address and the speaker come from the build (-Dkit.url, -Dkit.speaker): on the last slide of"
            + " both decks, HTML and PDF, on the title pages of the handout and the book, and in the QR codes, decoded")
    void kitAddressAndSpeakerComeFromTheBuild() throws IOException {
        String pom = Files.readString(ROOT.resolve("pom.xml"));
        Matcher url = Pattern.compile("<kit\\.url>([^<]+)</kit\\.url>").matcher(pom);
        assertTrue(url.find(), "the top pom.xml has no <kit.url> property");
        Matcher speakerDefault = Pattern.compile("<kit\\.speaker>([^<]+)</kit\\.speaker>").matcher(pom);
        assertTrue(speakerDefault.find(), "the top pom.xml has no <kit.speaker> property");
        String readme = Files.readString(ROOT.resolve("README.adoc"));
        assertTrue(readme.contains("\n:kit-url: " + url.group(1) + "\n"), "README.adoc's header should say :kit-url: "
                + url.group(1) + ", the default of the top pom.xml's kit.url");
        assertTrue(readme.contains("git clone {kit-url}"), "README.adoc's quick start should clone {kit-url}");
        String address = System.getProperty("kit.url", url.group(1));
        String speaker = System.getProperty("kit.speaker", speakerDefault.group(1));

        Map<String, String> places = new LinkedHashMap<>();
        for (String deck : DECK_NAMES) {
            String html = Files.readString(OUTPUT.resolve(deck + ".html"));
            String last = html.substring(html.lastIndexOf("<section"));
            assertTrue(last.contains("kit-qr.svg"), deck + ".html: the last slide has no QR code (kit-qr.svg)");
            places.put(deck + ".html, last slide", last);
            Path pdf = OUTPUT.resolve(deck + ".pdf");
            places.put(deck + ".pdf, last page", pdfText(pdf, pdfPages(pdf), pdfPages(pdf)));
        }
        Path handout = ROOT.resolve("slides/target/handout/handout.pdf");
        places.put("handout.pdf, title page", pdfText(handout, 1, 1));
        places.put("handout.pdf, the kit's page", pdfText(handout, 2, 4));
        Path book = ROOT.resolve("src-docs/target/book/handbook.pdf");
        if (Files.isRegularFile(book)) {
            places.put("the book's title page (src-docs/target/book/handbook.pdf; rebuild it with the same -Dkit.url and"
                    + " -Dkit.speaker if it is older)", pdfText(book, 1, 1));
        }
        List<String> problems = new ArrayList<>(missingFrom(places, address));
        problems.addAll(missingFrom(places, speaker));
        if (!address.equals(url.group(1))) {
            places.forEach((place, text) -> {
                if (text.contains(url.group(1))) {
                    problems.add(place + " still shows the default address " + url.group(1) + " although the build"
                            + " says -Dkit.url=" + address + ": take it from {kit-url}");
                }
            });
        }
        assertEquals(List.of(), problems);
        for (Path qr : List.of(OUTPUT.resolve("images/kit-qr.svg"), ROOT.resolve("slides/target/pictures/kit-qr.svg"))) {
            assertEquals(address, decodeQr(Files.readString(qr)), qr + " decoded with ZXing is not the kit's address");
        }
    }

    @Test
    @DisplayName("the address check can fail: it decodes a QR code of another address as that address, and sees a page"
            + " without the address")
    void kitAddressCheckCanFail() throws Exception {
        assertEquals("https://example.org/another-kit", decodeQr(Pictures.qrCode("https://example.org/another-kit")));
        assertEquals(1, missingFrom(Map.of("planted page", "The kit: https://example.org/another-kit"),
                "https://example.org/axon-kit").size(), "a page with another address went unseen");
    }

    static List<String> missingFrom(Map<String, String> places, String value) {
        List<String> problems = new ArrayList<>();
        places.forEach((place, text) -> {
            if (!text.replaceAll("\\s+", " ").contains(value)) {
                problems.add(place + " does not show \"" + value + "\", which the build gave: it must come from the"
                        + " attribute ({kit-url} or {speaker}), never be written out");
            }
        });
        return problems;
    }

    /** The text a QR code of Pictures.qrCode (one path of unit squares) says, read back with ZXing. */
    static String decodeQr(String svg) {
        Matcher size = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"").matcher(svg);
        assertTrue(size.find(), "the QR code's SVG has no viewBox");
        int scale = 4;
        int width = Integer.parseInt(size.group(1)) * scale;
        int height = Integer.parseInt(size.group(2)) * scale;
        int[] pixels = new int[width * height];
        java.util.Arrays.fill(pixels, 0xffffffff);
        Matcher square = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z").matcher(svg);
        while (square.find()) {
            int x = Integer.parseInt(square.group(1)) * scale;
            int y = Integer.parseInt(square.group(2)) * scale;
            for (int dy = 0; dy < scale; dy++) {
                java.util.Arrays.fill(pixels, (y + dy) * width + x, (y + dy) * width + x + scale, 0xff000000);
            }
        }
        try {
            return new com.google.zxing.qrcode.QRCodeReader().decode(new com.google.zxing.BinaryBitmap(
                    new com.google.zxing.common.HybridBinarizer(new com.google.zxing.RGBLuminanceSource(width, height,
                            pixels)))).getText();
        } catch (com.google.zxing.ReaderException e) {
            throw new AssertionError("the QR code cannot be read back: " + e, e);
        }
    }

    /** The text of pages first to last of a PDF (PDFBox). */
    static String pdfText(Path pdf, int first, int last) throws IOException {
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            org.apache.pdfbox.text.PDFTextStripper stripper = new org.apache.pdfbox.text.PDFTextStripper();
            stripper.setStartPage(first);
            stripper.setEndPage(last);
            return stripper.getText(document);
        }
    }

    @Test
    @DisplayName("every word of a diagram's source is a label of its picture: none struck through, split or dropped")
    void diagramLabelsAreIntact() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path source : sources()) {
            if (!source.getFileName().toString().startsWith("_diagram-")) {
                continue;
            }
            List<String> lines = Files.readAllLines(source);
            String name = lines.stream().filter(line -> line.startsWith("[ditaa,")).findFirst().orElseThrow()
                    .split(",")[1];
            String drawn = svgTexts(Files.readString(OUTPUT.resolve("images/" + name + ".svg")));
            problems.addAll(mangledLabels(source.getFileName().toString(), ditaaWords(lines), drawn));
        }
        assertEquals(List.of(), problems);
    }

    @Test
    @DisplayName("the label check sees a hyphen that the diagram tool draws as a line, and a dropped colon")
    void diagramLabelCheckCanFail() {
        List<String> words = ditaaWords(List.of("....", "| thread-safe cFEC |", "| step: one |", "...."));
        String drawn = svgTexts("<text>thread</text><text>safe</text><text>step</text><text>one</text>");
        assertEquals(2, mangledLabels("planted", words, drawn).size(), "planted: thread-safe and step:");
    }

    @Test
    @DisplayName("the attendee's handout is at most 30 A4 pages, with the address, and no answers or instructor material")
    void handoutIsShortAndHasNoAnswers() throws IOException {
        Path handout = ROOT.resolve("slides/target/handout/handout.pdf");
        int pages = pdfPages(handout);
        assertTrue(pages <= 30, handout.getFileName() + " has " + pages + " pages; an attendee's handout has at most 30");
        List<String> problems = new ArrayList<>();
        for (String line : Files.readAllLines(ROOT.resolve("slides/src/docs/handout/handout.adoc"))) {
            if (!line.startsWith("//") && (line.contains("{solutions}") || line.contains("answer") || line.contains("instructor-guide"))) {
                problems.add(line);
            }
        }
        assertEquals(List.of(), problems, "lines of the handout that bring in answers or instructor material");
        assertTrue(Files.readString(ROOT.resolve("slides/src/docs/handout/handout.adoc")).contains("_kit-address.adoc"),
                "the handout shows the kit's address and its QR code (_kit-address.adoc)");
    }

    @Test
    @DisplayName("every API the handout names exists in the kit: each class, and each method or constant named with it")
    void handoutNamesOnlyApisThatExist() throws IOException {
        Path stages = ROOT.resolve("slides/target/handout-stages/_stages.adoc");
        assertTrue(Files.isRegularFile(stages), stages + " is missing: the build writes it (HandoutStages) before the"
                + " handout");
        String handout = Files.readString(ROOT.resolve("slides/src/docs/handout/handout.adoc"));
        assertTrue(handout.contains("include::{handout-stages}[]"), "the handout's stage pages must be the generated"
                + " ones (include::{handout-stages}[]), not written by hand");
        Map<String, List<Path>> types = kitTypes();
        List<String> problems = new ArrayList<>(unknownApis("handout.adoc", handout, types));
        problems.addAll(unknownApis("the stage pages", Files.readString(stages), types));
        assertEquals(List.of(), problems);
    }

    @Test
    @DisplayName("the API check can fail: a method, a class and a demo that the kit does not have")
    void apiCheckCanFail() throws IOException {
        List<String> problems = unknownApis("planted", "Call `Scheduler.stepAll()` on a `Mailbox`, then run"
                + " `examples.stages.Stage99Demo`; `Box.put(message)` and `Policy.EVENT_DRIVEN` exist.", kitTypes());
        assertEquals(3, problems.size(), "planted: stepAll, Mailbox and Stage99Demo, and nothing else: " + problems);
    }

    private static final Pattern CODE_SPAN = Pattern.compile("`([^`\\n]+)`");
    private static final Pattern TYPE_SPAN = Pattern.compile("^(?:new )?([A-Z]\\w*)(?:\\.(\\w+))?(?:\\(.*\\))?(?:: [\\w-]+)?$");
    private static final Pattern QUALIFIED_SPAN = Pattern.compile("^((?:axon|kamaelia|examples)(?:\\.\\w+)+)(?:\\s.*)?$");

    /** The spans of code in a text that name a class of the kit, or one of its members, which the kit does not have. */
    static List<String> unknownApis(String where, String text, Map<String, List<Path>> types) throws IOException {
        Path sources = ROOT.resolve("solutions/src/main/java");
        List<String> problems = new ArrayList<>();
        // A class and its method on two lines of a table cell: `Box` +, then `.put(Object)`.
        Matcher span = CODE_SPAN.matcher(text.replace("` +\n`.", "."));
        while (span.find()) {
            String code = span.group(1).strip();
            Matcher qualified = QUALIFIED_SPAN.matcher(code);
            if (qualified.matches()) {
                Path path = sources.resolve(qualified.group(1).replace('.', '/'));
                if (!Files.isDirectory(path) && !Files.isRegularFile(Path.of(path + ".java"))) {
                    problems.add(where + ": `" + code + "` names " + qualified.group(1) + ", which is no package or class"
                            + " of solutions/: rename it as the code is now");
                }
                continue;
            }
            Matcher type = TYPE_SPAN.matcher(code);
            if (!type.matches() || type.group(1).equals(type.group(1).toUpperCase(java.util.Locale.ROOT))) {
                continue; // not a class name (TODO, a constant)
            }
            List<Path> files = types.get(type.group(1));
            if (files == null) {
                if (!isJdkType(type.group(1))) {
                    problems.add(where + ": `" + code + "` names the class " + type.group(1) + ", which the kit does"
                            + " not have: rename it as the code is now");
                }
                continue;
            }
            String member = type.group(2);
            if (member != null && !declares(files, member, types)) {
                problems.add(where + ": `" + code + "`: " + type.group(1) + " has no method or constant " + member
                        + ": rename it as the code is now");
            }
        }
        return problems;
    }

    private static boolean isJdkType(String name) {
        for (String pkg : List.of("java.lang.", "java.util.", "java.time.", "java.util.concurrent.", "java.io.")) {
            try {
                Class.forName(pkg + name);
                return true;
            } catch (ClassNotFoundException e) {
                // try the next package
            }
        }
        return false;
    }

    /** Whether the files of a type, or of the types it extends, declare a method, field or constant of that name. */
    private static boolean declares(List<Path> files, String member, Map<String, List<Path>> types) throws IOException {
        Pattern declaration = Pattern.compile("(?m)(?:[\\w>\\]]\\s+" + member + "\\s*[(=;]|^\\s*" + member + "\\s*[,;(]|^\\s*"
                + member + "\\s*$)");
        Pattern extendsClause = Pattern.compile("(?:extends|implements)\\s+(\\w+)");
        List<Path> seen = new ArrayList<>();
        List<Path> todo = new ArrayList<>(files);
        while (!todo.isEmpty()) {
            Path file = todo.removeFirst();
            if (seen.contains(file)) {
                continue;
            }
            seen.add(file);
            String source = Files.readString(file);
            if (declaration.matcher(source).find()) {
                return true;
            }
            Matcher parent = extendsClause.matcher(source);
            while (parent.find()) {
                todo.addAll(types.getOrDefault(parent.group(1), List.of()));
            }
        }
        return false;
    }

    /** Every type declared in solutions/ (nested ones too), with the files that declare it. */
    static Map<String, List<Path>> kitTypes() throws IOException {
        Map<String, List<Path>> types = new LinkedHashMap<>();
        Pattern declaration = Pattern.compile("\\b(?:class|interface|record|enum)\\s+([A-Z]\\w*)");
        try (var walk = Files.walk(ROOT.resolve("solutions/src/main/java"))) {
            for (Path file : walk.filter(path -> path.toString().endsWith(".java")).toList()) {
                Matcher type = declaration.matcher(Files.readString(file));
                while (type.find()) {
                    types.computeIfAbsent(type.group(1), name -> new ArrayList<>()).add(file);
                }
            }
        }
        return types;
    }

    // ---- helpers ----------------------------------------------------------------

    /** The words of a ditaa block: its text without line art and colour codes. */
    static List<String> ditaaWords(List<String> lines) {
        List<String> words = new ArrayList<>();
        boolean inside = false;
        for (String line : lines) {
            if (line.equals("....")) {
                inside = !inside;
                continue;
            }
            if (!inside) {
                continue;
            }
            for (String word : line.split("[\\s|+]+")) {
                word = word.replaceAll("^[-<>^v=*]+|[-<>=*]+$", "");
                if (word.matches("c[0-9A-F]{3}") || !word.matches(".*[A-Za-z0-9].*")) {
                    continue;
                }
                words.add(word);
            }
        }
        return words;
    }

    /** The texts of an SVG picture, one per line. */
    static String svgTexts(String svg) {
        Matcher text = Pattern.compile("<text[^>]*>(?:<!\\[CDATA\\[)?(.*?)(?:]]>)?</text>").matcher(svg);
        StringBuilder all = new StringBuilder();
        while (text.find()) {
            all.append(text.group(1).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
                    .replace("&apos;", "'").replace("&quot;", "\"")).append('\n');
        }
        return all.toString();
    }

    static List<String> mangledLabels(String where, List<String> words, String drawn) {
        List<String> problems = new ArrayList<>();
        List<String> labels = List.of(drawn.split("\n"));
        for (String word : words) {
            boolean found = labels.stream().anyMatch(label -> List.of(label.split("\\s+")).contains(word));
            if (!found) {
                problems.add(where + ": \"" + word + "\" is not drawn as written (the diagram tool reads - : / and"
                        + " some other marks as line art): reword it");
            }
        }
        return problems;
    }

    /** A slide of the Ignite talk as the audience sees it: words besides the title, code, notes. */
    record IgniteSlide(String title, int words, int longestCode, int notes) {
    }

    private static List<IgniteSlide> igniteSlides() throws IOException {
        List<IgniteSlide> slides = new ArrayList<>();
        String title = null;
        int words = 0;
        int longest = 0;
        int notes = 0;
        String block = null;
        int blockLines = 0;
        boolean inNotes = false;
        boolean notesNext = false;
        for (String line : expanded(DECKS.resolve("embracing-concurrency.adoc"))) {
            if (block != null) {
                if (line.equals(block)) {
                    if (block.equals("----")) {
                        longest = Math.max(longest, blockLines);
                    }
                    block = null;
                } else if (line.startsWith("include::")) {
                    Matcher m = INCLUDE.matcher(line);
                    if (m.matches()) {
                        Include resolved = new Include("ignite", m.group(1), m.group(2), resolve(m.group(1), DECKS));
                        int[] range = resolved.lines();
                        blockLines += range != null ? range[1] - range[0] + 1 : resolved.excerpt().size();
                    }
                } else {
                    blockLines++;
                }
                continue;
            }
            if (line.startsWith("== ")) {
                if (title != null) {
                    slides.add(new IgniteSlide(title, words, longest, notes));
                }
                title = line.substring(3);
                words = 0;
                longest = 0;
                notes = 0;
            } else if (line.equals("[.notes]")) {
                notesNext = true;
            } else if (line.equals("--") && (notesNext || inNotes)) {
                inNotes = !inNotes;
                notesNext = false;
            } else if (inNotes) {
                notes += count(line.trim());
            } else if (line.equals("----") || line.equals("....")) {
                block = line;
                blockLines = 0;
            } else if (!line.isBlank() && !line.startsWith("//") && !line.startsWith("[") && !line.startsWith(":")
                    && !line.startsWith("image::") && !line.startsWith("include::") && !line.equals("--")) {
                words += count(line.trim());
            }
        }
        slides.add(new IgniteSlide(title, words, longest, notes));
        return slides;
    }

    private static int count(String text) {
        return text.isEmpty() ? 0 : text.split("\\s+").length;
    }

    private static int chapterLines(int stage) throws IOException {
        try (var files = Files.list(ROOT.resolve("src-docs/src/docs/asciidoc"))) {
            Path chapter = files.filter(f -> f.getFileName().toString().startsWith(String.format("stage-%02d-", stage)))
                    .findFirst().orElseThrow();
            return Files.readAllLines(chapter).size();
        }
    }

    // ---- helpers ----------------------------------------------------------------

    /** An include:: line of a deck or partial, with its target's attributes resolved. */
    record Include(String where, String target, String attributes, Path file) {
        List<String> problems() throws IOException {
            List<String> problems = new ArrayList<>();
            if (file == null || !Files.isRegularFile(file)) {
                problems.add(where + ": include::" + target + " does not exist");
                return problems;
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (String tag : tags()) {
                boolean opens = lines.stream().anyMatch(line -> line.contains("tag::" + tag + "[]"));
                boolean closes = lines.stream().anyMatch(line -> line.contains("end::" + tag + "[]"));
                if (!opens || !closes) {
                    problems.add(where + ": include::" + target + " has no tag " + tag);
                }
            }
            int[] range = lines();
            if (range != null && (range[0] < 1 || range[1] > lines.size() || range[0] > range[1])) {
                problems.add(where + ": include::" + target + " has no lines " + range[0] + ".." + range[1]
                        + " (it has " + lines.size() + ")");
            }
            return problems;
        }

        List<String> tags() {
            Matcher tags = Pattern.compile("tags?=([\\w;,-]+)").matcher(attributes);
            return tags.find() ? List.of(tags.group(1).split("[;,]")) : List.of();
        }

        int[] lines() {
            Matcher lines = Pattern.compile("lines=(\\d+)\\.\\.(-?\\d+)").matcher(attributes);
            return lines.find() ? new int[] {Integer.parseInt(lines.group(1)), Integer.parseInt(lines.group(2))} : null;
        }

        /** What the slide shows: the tagged region without tag lines, with its common indent removed. */
        List<String> excerpt() throws IOException {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            List<String> shown = new ArrayList<>();
            List<String> tags = tags();
            boolean inside = tags.isEmpty();
            for (String line : all) {
                if (tags.stream().anyMatch(tag -> line.contains("tag::" + tag + "[]"))) {
                    inside = true;
                } else if (tags.stream().anyMatch(tag -> line.contains("end::" + tag + "[]"))) {
                    inside = false;
                } else if (inside && !line.contains("tag::") && !line.contains("end::")) {
                    shown.add(line);
                }
            }
            int indent = shown.stream().filter(line -> !line.isBlank())
                    .mapToInt(line -> line.length() - line.stripLeading().length()).min().orElse(0);
            return shown.stream().map(line -> line.isBlank() ? "" : line.substring(indent)).toList();
        }
    }

    /** The decks and their partials. */
    private static List<Path> sources() throws IOException {
        try (var files = Files.list(DECKS)) {
            return files.filter(file -> file.toString().endsWith(".adoc")).sorted().toList();
        }
    }

    private static List<Include> includes() throws IOException {
        List<Include> includes = new ArrayList<>();
        for (Path source : sources()) {
            List<String> lines = Files.readAllLines(source);
            for (int i = 0; i < lines.size(); i++) {
                Matcher include = INCLUDE.matcher(lines.get(i));
                if (include.matches()) {
                    String target = include.group(1);
                    includes.add(new Include(DECKS.relativize(source) + ":" + (i + 1), target, include.group(2),
                            resolve(target, source.getParent())));
                }
            }
        }
        return includes;
    }

    /** The file an include target names, with the attributes the build sets (slides/pom.xml). */
    private static Path resolve(String target, Path base) {
        Map<String, Path> attributes = new LinkedHashMap<>();
        attributes.put("solutions", VIEWS.resolve("solutions"));
        attributes.put("exercises", VIEWS.resolve("exercises"));
        attributes.put("views", VIEWS);
        attributes.put("kitroot", ROOT);
        attributes.put("expected", ROOT.resolve("src-docs/src/docs/asciidoc/expected"));
        Matcher attribute = ATTRIBUTE.matcher(target);
        if (attribute.lookingAt()) {
            Path dir = attributes.get(attribute.group(1));
            return dir == null ? null : dir.resolve(target.substring(attribute.end()).replaceFirst("^/", ""));
        }
        return target.contains("{") ? null : base.resolve(target);
    }

    /** A deck with its local partials (_*.adoc) included, as Asciidoctor reads it. */
    private static List<String> expanded(Path deck) throws IOException {
        List<String> result = new ArrayList<>();
        for (String line : Files.readAllLines(deck)) {
            Matcher include = INCLUDE.matcher(line);
            if (include.matches() && include.group(1).startsWith("_")) {
                result.addAll(expanded(deck.resolveSibling(include.group(1))));
            } else {
                result.add(line);
            }
        }
        return result;
    }

    /** The cells of the first table after {@code marker}, one per unescaped "|"; an escaped one is text. */
    private static List<String> tableAfter(List<String> lines, String marker) {
        int at = lines.indexOf(marker);
        assertTrue(at >= 0, "no " + marker + " in the deck");
        int start = at;
        while (!lines.get(start).equals("|===")) {
            start++;
        }
        List<String> cells = new ArrayList<>();
        for (int i = start + 1; !lines.get(i).equals("|==="); i++) {
            String line = lines.get(i);
            if (line.startsWith("|")) {
                for (String cell : line.substring(1).split("(?<!\\\\)\\|", -1)) {
                    cells.add(cell.trim());
                }
            } else if (!line.isBlank() && !cells.isEmpty()) {
                cells.set(cells.size() - 1, cells.get(cells.size() - 1) + " " + line.trim());
            }
        }
        return cells;
    }

    /** Stage number to minutes, from the instructor guide's schedule (4 columns: stage, what, minutes, show). */
    private static Map<Integer, Integer> guideMinutes() throws IOException {
        List<String> guide = Files.readAllLines(ROOT.resolve("src-docs/src/docs/asciidoc/instructor-guide.adoc"));
        int schedule = guide.indexOf("== The schedule");
        assertTrue(schedule >= 0, "the instructor guide has no section \"The schedule\"");
        List<String> rest = guide.subList(schedule, guide.size());
        List<String> cells = tableAfter(rest, rest.stream().filter(line -> line.startsWith("[cols=")).findFirst().orElseThrow());
        Map<Integer, Integer> minutes = new LinkedHashMap<>();
        for (int i = 4; i + 2 < cells.size(); i += 4) {
            if (cells.get(i).matches("\\d+")) {
                minutes.put(Integer.parseInt(cells.get(i)), Integer.parseInt(cells.get(i + 2)));
            }
        }
        assertFalse(minutes.isEmpty(), "no stage rows in the instructor guide's schedule");
        return minutes;
    }

    private static int count(String text, String what) {
        int count = 0;
        for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + what.length())) {
            count++;
        }
        return count;
    }

    /** The pages of a PDF written by Asciidoctor PDF: the /Count of its page tree (Prawn writes it in the clear). */
    private static int pdfPages(Path pdf) throws IOException {
        String text = new String(Files.readAllBytes(pdf), StandardCharsets.ISO_8859_1);
        Matcher pages = Pattern.compile("/Type\\s*/Pages\\s*/Count\\s+(\\d+)").matcher(text);
        assertTrue(pages.find(), pdf + " has no page tree that this test can read");
        return Integer.parseInt(pages.group(1));
    }
}
