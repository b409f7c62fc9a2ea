package kit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The handbook's "Expected output" sections are files under
 * {@code src-docs/src/docs/asciidoc/expected/}; these tests run the demo each one comes
 * from and check that it still prints exactly that. When a demo changes on purpose, run
 * it and commit its new output.
 */
@Tag("kit")
@DisplayName("Kit: each demo prints what its chapter shows as expected output")
class DemoOutputTest {
    private static final Path EXPECTED = Path.of(System.getProperty("kit.root", ".."))
            .resolve("src-docs/src/docs/asciidoc/expected");

    // A demo is checked for what it prints, not for its speed: on a loaded machine one may take
    // longer than the graded tests' 3 s (JShell alone takes seconds to start at stage 12), and a
    // demo cut off mid-run would still hold System.out.
    @ParameterizedTest(name = "Stage{0}Demo prints expected/stage-{0}.txt")
    @ValueSource(strings = {"01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13"})
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void demoPrintsItsExpectedOutput(String stage) throws Exception {
        Path expectedFile = EXPECTED.resolve("stage-" + stage + ".txt");
        String expected = Files.readString(expectedFile, StandardCharsets.UTF_8);
        Method main = Class.forName("examples.stages.Stage" + stage + "Demo").getMethod("main", String[].class);
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        PrintStream originalErr = System.err;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        // Standard error is not part of the expected output (stage 6's run() reports sleepers
        // there, with numbered names): keep it out of the kit check's log.
        System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            main.invoke(null, (Object) new String[0]);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception thrown ? thrown : e;
        } finally {
            System.setOut(original);
            System.setErr(originalErr);
        }
        String printed = captured.toString(StandardCharsets.UTF_8).replace("\r\n", "\n");
        assertEquals(expected, printed, "the demo's output differs from " + expectedFile
                + ": if the change is intended, run the demo and commit its output there");
    }
}
