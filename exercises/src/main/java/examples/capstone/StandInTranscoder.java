package examples.capstone;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * A stand-in for a real transcoder such as ffmpeg: a small program that needs nothing
 * but a JDK, so that the transcode-and-upload walkthrough and its tests run anywhere.
 * It uses only the JDK, so it can also be run straight from its source file:
 *
 * <pre>
 * java -cp solutions/target/classes examples.capstone.StandInTranscoder [options] IN OUT
 * java solutions/src/main/java/examples/capstone/StandInTranscoder.java [options] IN OUT
 * </pre>
 *
 * It writes to OUT a first line naming the input, then the input's bytes, in two
 * halves, taking its time as a real transcoder would. Options:
 * <dl>
 *   <dt>{@code --millis N}</dt><dd>take about N milliseconds (default 0), half before
 *       and half after the middle</dd>
 *   <dt>{@code --log FILE}</dt><dd>once OUT is complete and closed, add a line with the
 *       input's file name to FILE: a record of every transcode that finished</dd>
 *   <dt>{@code --gate DIR}</dt><dd>at the middle, with OUT half written, create
 *       {@code DIR/NAME.started} and wait until {@code DIR/NAME.go} exists (NAME is the
 *       input's file name): lets a test hold a transcode half-way</dd>
 * </dl>
 * An input whose text begins with {@code BROKEN} is refused: the program says why on
 * standard error and exits with status 1, as a real transcoder does with a damaged file.
 */
public final class StandInTranscoder {
    private StandInTranscoder() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        long millis = 0;
        Path log = null;
        Path gate = null;
        int i = 0;
        for (; i < args.length - 2; i += 2) {
            switch (args[i]) {
                case "--millis" -> millis = Long.parseLong(args[i + 1]);
                case "--log" -> log = Path.of(args[i + 1]);
                case "--gate" -> gate = Path.of(args[i + 1]);
                default -> usage("unknown option " + args[i]);
            }
        }
        if (args.length - i != 2) {
            usage("give the input and the output file, after the options");
        }
        Path in = Path.of(args[i]);
        Path out = Path.of(args[i + 1]);
        String name = in.getFileName().toString();

        byte[] input = Files.readAllBytes(in);
        if (new String(input, 0, Math.min(input.length, 6), StandardCharsets.UTF_8).equals("BROKEN")) {
            System.err.println("stand-in: cannot transcode " + name + ": it is broken");
            System.exit(1);
        }
        int middle = input.length / 2;
        try (OutputStream output = Files.newOutputStream(out)) {
            output.write(("stand-in transcoding of " + name + "\n").getBytes(StandardCharsets.UTF_8));
            output.write(Arrays.copyOfRange(input, 0, middle));
            output.flush();
            Thread.sleep(millis / 2);
            if (gate != null) {
                Files.createFile(gate.resolve(name + ".started"));
                waitFor(gate.resolve(name + ".go"));
            }
            Thread.sleep(millis - millis / 2);
            output.write(Arrays.copyOfRange(input, middle, input.length));
        }
        if (log != null) {
            Files.writeString(log, name + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
    }

    /** Waits for a file to appear, for at most a minute: a test that failed must not leave this running. */
    private static void waitFor(Path file) throws InterruptedException {
        for (int waited = 0; !Files.exists(file); waited += 5) {
            if (waited > 60_000) {
                System.err.println("stand-in: gave up waiting for " + file);
                System.exit(3);
            }
            Thread.sleep(5);
        }
    }

    private static void usage(String problem) {
        System.err.println("stand-in: " + problem);
        System.err.println("usage: StandInTranscoder [--millis N] [--log FILE] [--gate DIR] IN OUT");
        System.exit(2);
    }
}
