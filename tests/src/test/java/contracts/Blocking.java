package contracts;

import com.tngtech.archunit.core.domain.AccessTarget.CodeUnitAccessTarget;
import com.tngtech.archunit.core.domain.JavaClass;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The calls that can make the calling thread wait, and why each one does.
 *
 * <h2>Where the line is drawn</h2>
 * A call counts as blocking when it can wait for something outside the component, for
 * an unbounded or noticeable time:
 * <ul>
 *   <li>waiting on purpose: {@code Thread.sleep}, {@code TimeUnit.sleep},
 *       {@code Thread.join}, {@code Object.wait}, {@code LockSupport.park};</li>
 *   <li>waiting for another thread: locks and conditions, latches, barriers, semaphores,
 *       phasers, exchangers, {@code BlockingQueue.take/put} (and the timed
 *       {@code offer/poll}), {@code Future.get}, {@code CompletableFuture.join},
 *       {@code ExecutorService.awaitTermination/invokeAll/invokeAny/close},
 *       {@code Process.waitFor}, and {@code synchronized} methods (checked apart);</li>
 *   <li>reading or writing the contents of a file, a socket, a pipe or the console:
 *       {@code InputStream} and {@code Reader} reads, {@code BufferedReader.readLine},
 *       {@code Scanner}, {@code Console.readLine}, {@code OutputStream}/{@code Writer}
 *       writes and flushes, {@code Files.readAllLines/readString/lines/write/copy...},
 *       {@code FileChannel}, {@code ServerSocket.accept}, {@code new Socket(host, port)},
 *       {@code DatagramSocket.receive}, {@code Selector.select}, DNS look-ups, URL
 *       connections, {@code HttpClient.send}.</li>
 * </ul>
 * Reading a local file counts: a read waits for the disk, a network drive or a pipe
 * (a "file" such as {@code /dev/stdin} or a FIFO waits for ever), and while it waits no
 * other component runs. What does not count: printing with {@code System.out.println}
 * and friends (anything on a {@code PrintStream} or {@code PrintWriter}: the console
 * takes text at once, and printing is how examples show what they do); streams and
 * writers in memory ({@code ByteArrayOutputStream}, {@code StringWriter}, and their
 * readers), which only copy bytes or characters; asking about a
 * file ({@code Files.exists}, {@code Files.size}); non-blocking NIO channels
 * ({@code SocketChannel.read} after {@code configureBlocking(false)}, {@code Selector.selectNow}),
 * which are how cooperative network components are written.
 */
final class Blocking {
    /** One kind of blocking call: which methods of which type, and why they wait. */
    record Call(String owner, Predicate<CodeUnitAccessTarget> matches, String why) {
        boolean matches(CodeUnitAccessTarget target) {
            JavaClass owner = Kinds.elementType(target.getOwner());
            return (this.owner.equals("java.lang.Object") || Types.isAssignableTo(owner, this.owner))
                    && matches.test(target);
        }
    }

    private static final String WAITS = "which waits, and while it waits no other component runs";
    private static final String OTHER_THREAD = "which waits for another thread; in a cooperative component"
            + " there is no other thread to wait for, so it can wait for ever";
    private static final String IO = "which waits for input or output to finish (a disk, a network, a pipe,"
            + " a person typing), and while it waits no other component runs";

    static final List<Call> CALLS = List.of(
            call("java.lang.Thread", named("sleep", "join"), WAITS),
            call("java.lang.Object", t -> t.getName().equals("wait") && waitSignature(t), WAITS),
            call("java.util.concurrent.TimeUnit", named("sleep", "timedJoin", "timedWait"), WAITS),
            call("java.util.concurrent.locks.LockSupport", t -> t.getName().startsWith("park"), WAITS),
            call("java.util.concurrent.BlockingQueue", t -> named("take", "put").test(t)
                    || named("offer").test(t) && t.getRawParameterTypes().size() == 3
                    || named("poll").test(t) && t.getRawParameterTypes().size() == 2, OTHER_THREAD),
            call("java.util.concurrent.BlockingDeque", t -> named("takeFirst", "takeLast", "putFirst", "putLast").test(t)
                    || named("offerFirst", "offerLast").test(t) && t.getRawParameterTypes().size() == 3
                    || named("pollFirst", "pollLast").test(t) && t.getRawParameterTypes().size() == 2, OTHER_THREAD),
            call("java.util.concurrent.TransferQueue", t -> named("transfer").test(t)
                    || named("tryTransfer").test(t) && t.getRawParameterTypes().size() == 3, OTHER_THREAD),
            call("java.util.concurrent.locks.Lock", t -> named("lock", "lockInterruptibly").test(t)
                    || named("tryLock").test(t) && !t.getRawParameterTypes().isEmpty(), OTHER_THREAD),
            call("java.util.concurrent.locks.Condition", t -> t.getName().startsWith("await"), OTHER_THREAD),
            call("java.util.concurrent.locks.StampedLock", named("readLock", "writeLock", "readLockInterruptibly",
                    "writeLockInterruptibly"), OTHER_THREAD),
            call("java.util.concurrent.CountDownLatch", named("await"), OTHER_THREAD),
            call("java.util.concurrent.CyclicBarrier", named("await"), OTHER_THREAD),
            call("java.util.concurrent.Semaphore", t -> t.getName().startsWith("acquire")
                    || named("tryAcquire").test(t) && takesTimeUnit(t), OTHER_THREAD),
            call("java.util.concurrent.Phaser", named("arriveAndAwaitAdvance", "awaitAdvance",
                    "awaitAdvanceInterruptibly"), OTHER_THREAD),
            call("java.util.concurrent.Exchanger", named("exchange"), OTHER_THREAD),
            call("java.util.concurrent.Future", named("get"), OTHER_THREAD),
            call("java.util.concurrent.CompletableFuture", named("join"), OTHER_THREAD),
            call("java.util.concurrent.ForkJoinTask", named("join", "invoke"), OTHER_THREAD),
            call("java.util.concurrent.ExecutorService", named("awaitTermination", "invokeAll", "invokeAny", "close"),
                    OTHER_THREAD),
            call("java.util.concurrent.CompletionService", t -> named("take").test(t)
                    || named("poll").test(t) && t.getRawParameterTypes().size() == 2, OTHER_THREAD),
            call("java.lang.Process", named("waitFor"), WAITS),
            call("java.io.InputStream", t -> !inMemory(t) && named("read", "readAllBytes", "readNBytes", "transferTo",
                    "skip", "skipNBytes").test(t), IO),
            call("java.io.Reader", t -> !inMemory(t) && named("read", "readLine", "lines", "transferTo", "skip").test(t),
                    IO),
            call("java.io.DataInput", t -> t.getName().startsWith("read"), IO),
            call("java.util.Scanner", t -> t.getName().startsWith("next") || t.getName().startsWith("hasNext")
                    || t.getName().startsWith("find") || named("skip").test(t), IO),
            call("java.io.Console", t -> t.getName().startsWith("read"), IO),
            call("java.io.OutputStream", t -> !printing(t) && !inMemory(t) && named("write", "flush").test(t), IO),
            call("java.io.Writer", t -> !printing(t) && !inMemory(t) && named("write", "append", "flush").test(t), IO),
            call("java.nio.file.Files", named("readAllBytes", "readAllLines", "readString", "lines", "newInputStream",
                    "newBufferedReader", "write", "writeString", "newOutputStream", "newBufferedWriter", "copy",
                    "move", "list", "walk", "find", "newDirectoryStream"), IO),
            call("java.nio.channels.FileChannel", named("read", "write", "transferTo", "transferFrom", "lock",
                    "force"), IO),
            call("java.net.ServerSocket", named("accept"), IO),
            call("java.net.Socket", t -> named("connect").test(t)
                    || named("<init>").test(t) && !t.getRawParameterTypes().isEmpty()
                    && !t.getRawParameterTypes().getFirst().getName().equals("java.net.Proxy"), IO),
            call("java.net.DatagramSocket", named("receive", "send"), IO),
            call("java.nio.channels.Selector", named("select"), IO),
            call("java.net.InetAddress", named("getByName", "getAllByName", "getLocalHost", "getHostName",
                    "getCanonicalHostName", "isReachable"), IO),
            call("java.net.URL", named("openStream", "getContent"), IO),
            call("java.net.URLConnection", named("connect", "getInputStream", "getOutputStream", "getContent",
                    "getResponseCode", "getHeaderField", "getContentType", "getContentLength"), IO),
            call("java.net.http.HttpClient", named("send"), IO));

    private Blocking() {
    }

    /** The kind of blocking call this is, if it is one. */
    static Optional<Call> find(CodeUnitAccessTarget target) {
        return CALLS.stream().filter(c -> c.matches(target)).findFirst();
    }

    private static Call call(String owner, Predicate<CodeUnitAccessTarget> matches, String why) {
        return new Call(owner, matches, why);
    }

    private static Predicate<CodeUnitAccessTarget> named(String... names) {
        Set<String> set = Set.of(names);
        return t -> set.contains(t.getName());
    }

    private static boolean waitSignature(CodeUnitAccessTarget t) {
        List<String> p = t.getRawParameterTypes().stream().map(JavaClass::getName).toList();
        return p.isEmpty() || p.equals(List.of("long")) || p.equals(List.of("long", "int"));
    }

    private static boolean takesTimeUnit(CodeUnitAccessTarget t) {
        return t.getRawParameterTypes().stream().anyMatch(p -> p.getName().equals("java.util.concurrent.TimeUnit"));
    }

    /** The JDK's streams, readers and writers that work on memory only: they copy, and never wait. */
    private static final List<String> IN_MEMORY = List.of("java.io.ByteArrayOutputStream",
            "java.io.ByteArrayInputStream", "java.io.CharArrayWriter", "java.io.CharArrayReader", "java.io.StringWriter",
            "java.io.StringReader");

    private static boolean inMemory(CodeUnitAccessTarget t) {
        JavaClass owner = t.getOwner();
        return IN_MEMORY.stream().anyMatch(type -> Types.isAssignableTo(owner, type));
    }

    /** System.out and System.err, and PrintWriters: printing is allowed (see the class comment). */
    private static boolean printing(CodeUnitAccessTarget t) {
        JavaClass owner = t.getOwner();
        return Types.isAssignableTo(owner, "java.io.PrintStream") || Types.isAssignableTo(owner, "java.io.PrintWriter");
    }
}
