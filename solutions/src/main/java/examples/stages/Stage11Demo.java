package examples.stages;

import axon.Component;
import axon.Inbox;
import axon.Ipc;
import axon.Linkage;
import axon.Outbox;
import axon.Scheduler;
import java.util.List;
import kamaelia.chassis.Pipeline;
import kamaelia.chassis.ServerCore;
import kamaelia.internet.TCPClient;
import kamaelia.util.MessageHandler;
import kamaelia.util.Recorder;
import kamaelia.util.Source;

/**
 * Stage 11 at work: a server and two clients in one program, on one scheduler. Each
 * connection gets a protocol of its own that numbers the lines it hears, so each client
 * gets its own numbering. When both clients have finished, the server is shut down, and
 * {@code run()} returns: every socket is closed and the selector's thread has ended.
 *
 * <pre>
 * ./mvnw -q -pl exercises compile exec:java -Dexec.mainClass=examples.stages.Stage11Demo
 * </pre>
 */
public final class Stage11Demo {
    private Stage11Demo() {
    }

    public static void main(String[] args) {
        // tag::demo[]
        Scheduler scheduler = new Scheduler();
        ServerCore server = new ServerCore(NumberLines::new, 0);    // 0: any free port

        Recorder ada = new Recorder();
        Recorder alan = new Recorder();
        // tag::client[]
        Pipeline first = new Pipeline(new Source(List.of("hello", "how are you?")), new TCPClient(server.port()), ada);
        // end::client[]
        Pipeline second = new Pipeline(new Source(List.of("hi", "fine", "bye")), new TCPClient(server.port()), alan);

        AfterBoth afterBoth = new AfterBoth();                 // stops the server once both clients are done
        Linkage.link(first.outbox("signal"), afterBoth.inbox("inbox"));
        Linkage.link(second.outbox("signal"), afterBoth.inbox("inbox"));
        Linkage.link(afterBoth.outbox("signal"), server.inbox("control"));

        server.activate(scheduler);
        first.activate(scheduler);
        second.activate(scheduler);
        afterBoth.activate(scheduler);
        scheduler.run();

        System.out.println("Ada heard:  " + ada.collected());
        System.out.println("Alan heard: " + alan.collected());
        System.out.println("open connections: " + server.connections() + ", server finished: " + server.isFinished());
        // end::demo[]
    }

    // tag::protocol[]
    /** One connection's protocol: it numbers the lines it hears, with a count of its own. */
    @Inbox(name = "inbox", doc = "The lines one client sends")
    @Outbox(name = "outbox", doc = "Each line with its number in front")
    static final class NumberLines extends MessageHandler {
        private int count = 0;

        @Override
        protected void handle(Object line) {
            send(++count + ": " + line, "outbox");
        }
    }
    // end::protocol[]

    /** Waits for two shutdown messages on its inbox, then sends ShutdownMicroprocess out of signal. */
    @Inbox(name = "inbox", doc = "The signals of the things to wait for")
    @Outbox(name = "signal", doc = "ShutdownMicroprocess, once two signals have arrived")
    static final class AfterBoth extends Component {
        private int ended = 0;

        @Override
        protected boolean step() {
            while (dataReady("inbox")) {
                recv("inbox");
                ended++;
            }
            if (ended == 2) {
                send(new Ipc.ShutdownMicroprocess(), "signal");
                return false;
            }
            pause();
            return true;
        }
    }
}
