package kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Code written at one stage stays right at later stages, whatever correct shape it takes:
 * the kit check grades every stage with each region written a second way
 * (tools/alternatives). That proves something only for regions that have a second answer,
 * so every region must have one.
 */
@Tag("kit")
@DisplayName("Kit: every learner region has an alternative answer in tools/alternatives")
class AlternativesCoverEveryRegionTest {
    private static final Path ROOT = Path.of(System.getProperty("kit.root", "..")).toAbsolutePath().normalize();
    private static final Pattern REGION = Pattern.compile("^\\s*// >>> stage (\\d+) ([a-z][\\w.-]*):");

    @Test
    @DisplayName("each region of solutions/ has tools/alternatives/PACKAGE/CLASS/REGION.txt")
    void everyRegionHasAnAlternative() throws IOException {
        Path solutions = ROOT.resolve("solutions/src/main/java");
        Path alternatives = ROOT.resolve("tools/alternatives");
        List<Path> sources;
        try (Stream<Path> files = Files.walk(solutions)) {
            sources = files.filter(file -> file.toString().endsWith(".java")).sorted().toList();
        }
        List<String> missing = new ArrayList<>();
        int regions = 0;
        for (Path source : sources) {
            String relative = solutions.relativize(source).toString().replace('\\', '/');
            String base = relative.substring(0, relative.length() - ".java".length());
            for (String line : Files.readAllLines(source)) {
                Matcher region = REGION.matcher(line);
                if (region.find()) {
                    regions++;
                    String wanted = base + "/" + region.group(2) + ".txt";
                    if (!Files.isRegularFile(alternatives.resolve(wanted))) {
                        missing.add("stage " + region.group(1) + ": tools/alternatives/" + wanted);
                    }
                }
            }
        }
        assertTrue(regions > 50, "found only " + regions + " regions under " + solutions + ": is kit.root right?");
        assertEquals(List.of(), missing, "these regions have no alternative answer, so the kit check cannot show that"
                + " another correct shape of them passes every later stage: write one for each, as a careful learner"
                + " following the chapter would, differently from the reference (tools/alternatives/README.adoc)");
    }
}
