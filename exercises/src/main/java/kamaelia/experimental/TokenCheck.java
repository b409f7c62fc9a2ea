package kamaelia.experimental;

import axon.Component;
import axon.Inbox;
import axon.Outbox;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Lets lines through only after the right token: the door of the network console.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>The first line must be the token. If it is, {@link #ACCEPTED} goes out of
 *       {@code replies}, and every later line goes out of {@code outbox}, unchanged, in
 *       order.</li>
 *   <li>If it is not (a wrong token, or no token at all but something else),
 *       {@link #REFUSED} goes out of {@code replies}, nothing at all goes out of
 *       {@code outbox}, and the check ends at once, passing
 *       {@link axon.Ipc.ProducerFinished} out of {@code signal}: whatever came with the
 *       wrong token, and whatever follows it, is dropped.</li>
 *   <li>After the token, the line {@code /exit} is passed on like any other, and then the
 *       check ends quietly, with nothing out of {@code signal}: the interpreter behind it
 *       answers what came before the {@code /exit}, then ends by itself. (A shutdown
 *       message would tell it the client has gone, and stop what it runs.)</li>
 *   <li>The token is compared in a time that does not depend on how much of it is right
 *       ({@link MessageDigest#isEqual}), so that timing the answer tells nothing.</li>
 *   <li>A shutdown message on {@code control} ends it and is passed on.</li>
 * </ul>
 */
@Inbox(name = "inbox", doc = "Lines from a client: first the token, then what the client wants to run")
@Outbox(name = "outbox", doc = "Every line after a correct token, unchanged and in order")
@Outbox(name = "replies", doc = "What the client is told about its token: accepted or refused")
public class TokenCheck extends Component {
    /** Sent when the token is right. */
    public static final String ACCEPTED = "token accepted: type Java, one snippet or more per line; /exit ends";
    /** Sent when the first line is not the token. */
    public static final String REFUSED = "refused: the first line must be the token printed where the console was"
            + " started";

    private final byte[] token;
    private boolean accepted = false;

    /**
     * A check for {@code token}.
     *
     * @throws IllegalArgumentException if the token is blank
     */
    public TokenCheck(String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("a token check needs a token that is not blank: make one with"
                    + " Consoles.newToken()");
        }
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected boolean step() {
        while (dataReady("inbox")) {
            String line = recv("inbox").toString();
            if (accepted) {
                send(line, "outbox");
                if (line.strip().equals("/exit")) {    // the client leaves once answered: the door closes behind it
                    return false;
                }
            } else if (MessageDigest.isEqual(token, line.strip().getBytes(StandardCharsets.UTF_8))) {
                accepted = true;
                send(ACCEPTED, "replies");
            } else {
                send(REFUSED, "replies");
                passShutdownOn();
                return false;
            }
        }
        if (shutdownRequested()) {
            passShutdownOn();
            return false;
        }
        pause();
        return true;
    }
}
