package grading;

import static grading.Network.PATIENCE;
import static grading.Wiring.activate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import axon.Component;
import axon.Inbox;
import axon.Linkage;
import axon.Microprocess;
import axon.Outbox;
import axon.Scheduler;
import axon.ThreadedComponent;
import grading.support.Graded;
import grading.support.GradedTest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import kamaelia.chassis.ServerCore;

/**
 * The server adopts both components of each connection ("adopt both (addChild, so that
 * the server is woken when either finishes)", chapter 11, One protocol per connection),
 * so that a shutdown ends it only "once all of them have finished" (ServerCore's
 * contract): a server that ends first leaves protocols running that nothing waits for.
 */
@Graded(stage = 11, order = 10, title = "network, a server waits for the connections it adopted")
class Stage11AdoptedConnectionsTest {

    /** An echo protocol that, once told to end, says its goodbye ({@link #goodbye()}) before it passes the shutdown on. */
    @Inbox(name = "inbox", doc = "Lines from the client")
    @Outbox(name = "outbox", doc = "The same lines back")
    abstract static class EchoThenGoodbye extends ThreadedComponent {
        @Override
        protected void body() throws InterruptedException {
            while (!shutdownRequested()) {
                Object line = recv("inbox", Duration.ofMillis(20));
                if (line != null) {
                    send(line, "outbox");
                }
            }
            goodbye();
            passShutdownOn();
        }

        /** What it does between the shutdown request and passing it on. */
        abstract void goodbye() throws InterruptedException;
    }

    /** Takes 300 ms to end once it is told to: a slow goodbye. */
    static final class SlowGoodbye extends EchoThenGoodbye {
        @Override
        void goodbye() throws InterruptedException {
            Thread.sleep(300);
        }
    }

    /** Once told to end, ends only when the test lets it: a goodbye as long as it likes. */
    static final class HeldGoodbye extends EchoThenGoodbye {
        final CountDownLatch letGo = new CountDownLatch(1);

        @Override
        void goodbye() throws InterruptedException {
            letGo.await(PATIENCE.toMillis() * 4, TimeUnit.MILLISECONDS); // longer than the test waits: it lets go
        }
    }

    /** Notes, on the scheduler's thread, whether every protocol had finished when the server's shutdown came out. */
    static final class WhenTheServerEnds extends Component {
        final List<Microprocess> protocols = new CopyOnWriteArrayList<>();
        volatile String stillRunning;

        @Override
        protected boolean step() {
            if (shutdownRequested()) {
                stillRunning = protocols.stream().filter(protocol -> !protocol.isFinished()).map(Microprocess::name)
                        .toList().toString();
                return false;
            }
            pause();
            return true;
        }
    }

    @GradedTest(order = 1, value = "a server that is shut down ends only after every protocol has ended, even one slow"
            + " to end")
    void serverWaitsForItsProtocols() throws Throwable {
        WhenTheServerEnds after = new WhenTheServerEnds();
        ServerCore server = new ServerCore(() -> {
            SlowGoodbye protocol = new SlowGoodbye();
            after.protocols.add(protocol);
            return protocol;
        }, 0);
        Scheduler scheduler = new Scheduler();
        Stopper stopper = new Stopper();
        Linkage.link(stopper.outbox("outbox"), server.inbox("control"));
        Linkage.link(server.outbox("signal"), after.inbox("control"));
        activate(scheduler, server, after, stopper);
        InBackground running = InBackground.run(scheduler);
        try (LineClient client = LineClient.connect(server.port(), running)) {
            client.send("hello\n");
            assertEquals("hello", client.readLine(PATIENCE), "the protocol echoes what the client sends");
            stopper.go.countDown();
            assertTrue(running.awaitEnd(PATIENCE), "run() must return once the server and its connections have"
                    + " ended");
        } finally {
            stopper.go.countDown();
            running.stop();
        }
        assertEquals("[]", after.stillRunning, "the server passed its shutdown on while these protocols were still"
                + " ending: " + after.stillRunning + ". A server \"finishes once all of them have finished\", and"
                + " childrenDone() waits only for the children it adopted: in connect, addChild the protocol (and the"
                + " socket)");
    }

    @GradedTest(order = 2, value = "a connection whose socket has closed no longer counts as open, even while its"
            + " protocol is still ending")
    void aClosedSocketIsNoLongerOpen() throws Throwable {
        List<HeldGoodbye> protocols = new CopyOnWriteArrayList<>();
        ServerCore server = new ServerCore(() -> {
            HeldGoodbye protocol = new HeldGoodbye();
            protocols.add(protocol);
            return protocol;
        }, 0);
        try (RunningServer running = new RunningServer(server)) {
            try {
                running.answeredClient().reset(); // the socket closes at once; its protocol ends when let go
                running.awaitConnections(0, "a client reset its connection, so its socket has closed, while its"
                        + " protocol is still ending");
            } finally {
                protocols.forEach(protocol -> protocol.letGo.countDown());
            }
            running.stop();
        }
    }
}
