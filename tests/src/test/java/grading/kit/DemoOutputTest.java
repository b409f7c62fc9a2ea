package grading.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The handbook's "Expected output" sections are files under
 * {@code src-docs/src/docs/asciidoc/expected/}; these tests run the demo each one comes
 * from and check that it still prints exactly that. When a demo changes on purpose, run
 * it and commit its new output.
 */
@Tag("kit")
@DisplayName("Kit: each demo prints what its chapter shows as expected output")
// A demo that outlives its time-out keeps printing, and puts System.out back in the middle of
// the next demo's capture; on a busy machine (a CI runner, or two JDKs' checks) 3 s is too short.
@Timeout(30)
class DemoOutputTest {
    private static final Path EXPECTED = Path.of(System.getProperty("kit.root", ".."))
            .resolve("src-docs/src/docs/asciidoc/expected");

    @Test
    @DisplayName("Stage01Demo prints expected/stage-01.txt")
    void stage1() throws IOException {
        assertPrints("stage-01.txt", examples.stages.Stage01Demo::main);
    }

    @Test
    @DisplayName("Stage02Demo prints expected/stage-02.txt")
    void stage2() throws IOException {
        assertPrints("stage-02.txt", examples.stages.Stage02Demo::main);
    }

    @Test
    @DisplayName("Stage03Demo prints expected/stage-03.txt")
    void stage3() throws IOException {
        assertPrints("stage-03.txt", examples.stages.Stage03Demo::main);
    }

    @Test
    @DisplayName("Stage04Demo prints expected/stage-04.txt")
    void stage4() throws IOException {
        assertPrints("stage-04.txt", examples.stages.Stage04Demo::main);
    }

    @Test
    @DisplayName("Stage05Demo prints expected/stage-05.txt")
    void stage5() throws IOException {
        assertPrints("stage-05.txt", examples.stages.Stage05Demo::main);
    }

    @Test
    @DisplayName("Stage06Demo prints expected/stage-06.txt")
    void stage6() throws IOException {
        assertPrints("stage-06.txt", examples.stages.Stage06Demo::main);
    }

    @Test
    @DisplayName("Stage07Demo prints expected/stage-07.txt")
    void stage7() throws IOException {
        assertPrints("stage-07.txt", examples.stages.Stage07Demo::main);
    }

    @Test
    @DisplayName("Stage08Demo prints expected/stage-08.txt")
    void stage8() throws IOException {
        assertPrints("stage-08.txt", examples.stages.Stage08Demo::main);
    }

    @Test
    @DisplayName("Stage09Demo prints expected/stage-09.txt")
    void stage9() throws IOException {
        assertPrints("stage-09.txt", examples.stages.Stage09Demo::main);
    }

    @Test
    @DisplayName("Stage10Demo prints expected/stage-10.txt")
    void stage10() throws IOException {
        assertPrints("stage-10.txt", examples.stages.Stage10Demo::main);
    }

    @Test
    @DisplayName("Stage11Demo prints expected/stage-11.txt")
    void stage11() throws IOException {
        assertPrints("stage-11.txt", examples.stages.Stage11Demo::main);
    }

    @Test
    @DisplayName("Stage12Demo prints expected/stage-12.txt")
    @Timeout(value = 60, unit = TimeUnit.SECONDS)   // JShell takes a few seconds to start on a busy machine
    void stage12() throws IOException {
        assertPrints("stage-12.txt", examples.stages.Stage12Demo::main);
    }

    @Test
    @DisplayName("Stage13Demo prints expected/stage-13.txt")
    void stage13() throws IOException {
        assertPrints("stage-13.txt", examples.stages.Stage13Demo::main);
    }

    private interface Main {
        void run(String[] args);
    }

    private static void assertPrints(String expectedFile, Main demo) throws IOException {
        String expected = Files.readString(EXPECTED.resolve(expectedFile), StandardCharsets.UTF_8);
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        PrintStream originalErr = System.err;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        // Standard error is not part of the expected output (stage 6's run() reports sleepers
        // there, with numbered names): keep it out of the kit check's log.
        System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            demo.run(new String[0]);
        } finally {
            System.setOut(original);
            System.setErr(originalErr);
        }
        String printed = captured.toString(StandardCharsets.UTF_8).replace("\r\n", "\n");
        assertEquals(expected, printed, "the demo's output differs from " + EXPECTED.resolve(expectedFile)
                + ": if the change is intended, run the demo and commit its output there");
    }
}
