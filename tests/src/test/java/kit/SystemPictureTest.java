package kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * The handbook's picture of a running system (stage 12) is made by
 * {@code examples.programs.SystemPicture}: this test runs it and checks that it still writes an SVG
 * document that shows the system, without comparing pixels. When the picture changes on
 * purpose, run the example and commit its output (the chapter says where).
 */
@Tag("kit")
@DisplayName("Kit: the picture generator of stage 12 draws a running system")
class SystemPictureTest {
    private static final Path COMMITTED = Path.of(System.getProperty("kit.root", ".."))
            .resolve("src-docs/src/docs/asciidoc/images/stage-12-system.svg");

    @Test
    @DisplayName("examples.programs.SystemPicture writes an SVG picture naming every kind of component it runs")
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void drawsTheRunningSystem(@TempDir Path folder) throws Exception {
        Path picture = folder.resolve("system.svg");
        PrintStream original = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));   // "wrote ...": not for the kit check's log
        try {
            examples.programs.SystemPicture.main(new String[] {picture.toString()});
        } finally {
            System.setOut(original);
        }
        List<String> texts = textsOf(picture);
        for (String type : List.of("Graphline#", "Pipeline#", "Follow#", "Grep#", "ServerCore#", "ConnectedSocket#",
                "TokenCheck#", "Interpreter#", "Introspector#", "Selector#", "TCPClient#", "Typist#")) {
            assertTrue(texts.stream().anyMatch(t -> t.startsWith(type)), "the picture shows a " + type + ": " + texts);
        }
        assertTrue(texts.contains("threaded component, asleep"), "the picture says who is threaded and asleep");
    }

    @Test
    @DisplayName("the picture in the handbook is such a picture")
    void committedPictureIsOne() throws Exception {
        List<String> texts = textsOf(COMMITTED);
        assertTrue(texts.stream().anyMatch(t -> t.startsWith("Interpreter#")), "run examples.programs.SystemPicture to make "
                + COMMITTED);
    }

    private static List<String> textsOf(Path svg) throws Exception {
        assertTrue(Files.isRegularFile(svg), svg + " was not written");
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
        assertEquals("svg", document.getDocumentElement().getTagName(), "an SVG document");
        NodeList nodes = document.getElementsByTagName("text");
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }
}
