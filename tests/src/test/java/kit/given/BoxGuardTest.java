package kit.given;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import axon.Box;
import axon.Microprocess;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import kamaelia.util.Recorder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The box guard's class comment says it knows nothing of how a component's own threads
 * are made, virtual or platform. The graded test (stage 9) reaches it only through
 * {@code ThreadedComponent}, whose threads are virtual; this test declares a platform
 * thread to it directly, as another kind of component could. The guard is package-private
 * in {@code axon}, so its two calls are made by reflection.
 */
@Tag("kit")
@DisplayName("Kit: the box guard refuses a platform thread too, and only while it is declared")
class BoxGuardTest {
    private static final Method ENTER = guardMethod("enterThread", Microprocess.class);
    private static final Method LEAVE = guardMethod("leaveThread");

    private final Recorder owner = new Recorder();
    private final Box inbox = owner.inbox("inbox");

    @Test
    @DisplayName("a platform thread declared with enterThread may not use a Box: each operation throws an"
            + " IllegalStateException that names the component and the box")
    void refusesADeclaredPlatformThread() throws Exception {
        List<Runnable> operations = List.of(() -> inbox.put("from a platform thread"), inbox::take, inbox::size,
                inbox::isEmpty);
        for (Runnable operation : operations) {
            Throwable thrown = onPlatformThread(() -> {
                enter(owner);
                try {
                    operation.run();
                } finally {
                    leave();
                }
            });
            IllegalStateException refused = assertInstanceOf(IllegalStateException.class, thrown,
                    "a platform thread declared with BoxGuard.enterThread used " + inbox + " directly: the guard must"
                            + " refuse it as it refuses a threaded component's virtual thread");
            assertTrue(refused.getMessage().contains(owner.name()) && refused.getMessage().contains("inbox"),
                    "the refusal must name the component (" + owner.name() + ") and the box: " + refused.getMessage());
        }
        assertTrue(inbox.isEmpty(), "a refused put must store nothing");
    }

    @Test
    @DisplayName("after leaveThread the same platform thread may use a Box again, also while another thread is"
            + " still declared")
    void letsGoAfterLeave() throws Exception {
        // Another component's thread stays inside meanwhile, so the guard cannot go by a count of threads alone.
        CountDownLatch otherInside = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        Thread other = Thread.ofPlatform().name("BoxGuardTest's other thread").start(() -> {
            try {
                enter(new Recorder());
                try {
                    otherInside.countDown();
                    done.await();
                } finally {
                    leave();
                }
            } catch (Exception e) {
                otherInside.countDown();
            }
        });
        AtomicReference<Object> taken = new AtomicReference<>();
        Throwable thrown;
        try {
            otherInside.await();
            thrown = onPlatformThread(() -> {
                enter(owner);
                leave();
                inbox.put("after leaving");
                taken.set(inbox.take());
            });
        } finally {
            done.countDown();
            other.join();
        }
        assertNull(thrown, "a thread that has called BoxGuard.leaveThread is no longer a component's own thread, so"
                + " the guard must let it use a box; it threw: " + thrown);
        assertEquals("after leaving", taken.get(), "the message put after leaveThread must be taken back");
    }

    /** Runs {@code work} on a new platform thread to its end; returns what it threw, or null. */
    private static Throwable onPlatformThread(Work work) throws InterruptedException {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread thread = Thread.ofPlatform().name("BoxGuardTest's platform thread").start(() -> {
            try {
                assertFalse(Thread.currentThread().isVirtual(), "the thread under test must be a platform thread");
                work.run();
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        thread.join();
        return thrown.get();
    }

    private interface Work {
        void run() throws Exception;
    }

    private static void enter(Microprocess owner) throws Exception {
        call(ENTER, owner);
    }

    private static void leave() throws Exception {
        call(LEAVE);
    }

    private static void call(Method method, Object... arguments) throws Exception {
        try {
            method.invoke(null, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private static Method guardMethod(String name, Class<?>... parameters) {
        try {
            Method method = Class.forName("axon.BoxGuard").getDeclaredMethod(name, parameters);
            method.setAccessible(true);
            return method;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("axon.BoxGuard." + name + " is not there as this test expects: " + e, e);
        }
    }
}
