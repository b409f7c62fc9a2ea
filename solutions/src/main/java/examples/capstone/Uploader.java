package examples.capstone;

import axon.Inbox;
import axon.Outbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Delivers finished outputs to a {@link Destination}, one at a time, then records on
 * disk that each file is done: a {@link BatchWorker}, because delivering is input and
 * output that blocks.
 *
 * <h2>One file</h2>
 * For a {@link ToUpload} of source {@code S} with output {@code O}:
 * <ol>
 *   <li>If {@code O} is in {@code to-upload/}: unless the destination already holds a
 *       finished copy (delivered just before an earlier run stopped), deliver it; then
 *       rename it into {@code uploaded/}.</li>
 *   <li>Rename {@code S} from {@code source/} into {@code done/}. The file is done.</li>
 * </ol>
 * A stop between any two of these steps leaves a state that the next run finishes
 * without repeating the delivery. If delivering fails, the output stays in
 * {@code to-upload/} for the next run. Either way the source is sent back out of
 * {@code done}, so that the balancer hands out another file.
 */
@Inbox(name = "inbox", doc = "ToUpload messages: outputs that are finished and waiting in to-upload/")
@Outbox(name = "outbox", doc = "Not used")
@Outbox(name = "status", doc = "Status events: Uploading, Uploaded and Failed")
public class Uploader extends BatchWorker<ToUpload> {
    private final Destination destination;

    /** An uploader delivering outputs from {@code folders} to {@code destination}. */
    public Uploader(WorkFolders folders, Destination destination) {
        super(folders, ToUpload.class);
        this.destination = Objects.requireNonNull(destination, "destination");
    }

    // tag::handle[]
    @Override
    protected void handle(ToUpload file) throws InterruptedException {
        Status result;
        try {
            Path ready = folders.toUpload().resolve(file.output());
            if (Files.exists(ready)) {
                send(new Status.Uploading(file.source()), "status");
                String name = WorkFolders.nameOf(file.output());
                if (!destination.holds(name, ready)) {
                    destination.deliver(name, ready);
                }
                WorkFolders.move(file.output(), folders.toUpload(), folders.uploaded());
            }
            if (!Files.exists(folders.uploaded().resolve(file.output()))) {
                result = new Status.Failed(file.source(), "its output is neither in " + folders.toUpload() + " nor in "
                        + folders.uploaded());
            } else {
                if (Files.exists(folders.source().resolve(file.source()))) {
                    WorkFolders.move(file.source(), folders.source(), folders.done());
                }
                result = new Status.Uploaded(file.source());
            }
        } catch (IOException e) {
            result = new Status.Failed(file.source(), reason(e));
        }
        send(result, "status");
        send(file.source(), "done");
    }
    // end::handle[]
}
