package examples.programs;

import axon.Scheduler;
import examples.capstone.Command;
import examples.capstone.LocalFolder;
import examples.capstone.Progress;
import examples.capstone.StopButton;
import examples.capstone.TranscodeAndUpload;
import examples.capstone.WorkFolders;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kamaelia.experimental.view.LiveView;

/**
 * The capstone's batch (transcode and upload) with a live view: watch the files go
 * through the balancer, two at a time per lane, while the stand-in transcoder works.
 *
 * <pre>
 * ./mvnw -q -pl solutions compile exec:java -Dexec.mainClass=examples.programs.LiveCapstone -Dexec.args=/tmp/live-batch
 * </pre>
 *
 * It makes {@code FILES} sample files (12 if not given) in a fresh work folder, prints the
 * address of its live view, and waits, paused, until you press Run in the browser. When
 * the batch has ended, the view shows how it ended until you press Enter. Arguments:
 * {@code WORK_FOLDER [FILES [MILLIS_PER_FILE]]}.
 */
public final class LiveCapstone {
    private LiveCapstone() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: LiveCapstone WORK_FOLDER [FILES [MILLIS_PER_FILE]]");
            System.exit(2);
        }
        Path work = Path.of(args[0]);
        int files = args.length > 1 ? Integer.parseInt(args[1]) : 12;
        String millis = args.length > 2 ? args[2] : "800";
        WorkFolders folders = new WorkFolders(work).prepare();
        for (int i = 1; i <= files; i++) {
            Files.writeString(folders.source().resolve(String.format("clip %02d.txt", i)), "clip " + i + "\n");
        }
        Scheduler scheduler = new Scheduler();
        TranscodeAndUpload.withControls(new StopButton(),
                TranscodeAndUpload.system(folders, Command.standIn(List.of("--millis", millis)),
                        new LocalFolder(work.resolve("uploaded-here")), "*", false),
                new Progress(new PrintStream(OutputStream.nullOutputStream()))).activate(scheduler);
        try (LiveView view = LiveView.open(scheduler)) {
            scheduler.runCycles(2);     // the chassis wire and start their children
            view.pause();               // then it waits: press Run in the browser
            scheduler.run();
            view.look();
            System.out.println("The batch has ended. Press Enter to close the live view.");
            System.in.read();
        }
    }
}
