package kit;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import kamaelia.experimental.NetworkConsole.Reach;
import kamaelia.experimental.NetworkConsole;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The network console of stage 12 runs any Java it is sent: these tests check, on the
 * reference, that it cannot be put on a non-loopback address by accident.
 */
@Tag("kit")
@DisplayName("Kit: the network console listens on loopback only, unless told otherwise in so many words")
class NetworkConsoleTest {

    @Test
    @DisplayName("loopback addresses are accepted")
    void loopbackIsAccepted() {
        for (String host : new String[] {"127.0.0.1", "::1", "localhost"}) {
            InetSocketAddress address = new InetSocketAddress(host, 0);
            assertSame(address, NetworkConsole.checked(address, Reach.LOOPBACK_ONLY));
        }
    }

    @Test
    @DisplayName("any other address, the wildcard included, is refused with a sentence that says what to do")
    void otherAddressesAreRefused() {
        for (String host : new String[] {"0.0.0.0", "192.0.2.1", "::", "10.1.2.3"}) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> NetworkConsole.checked(new InetSocketAddress(host, 0), Reach.LOOPBACK_ONLY), host);
            assertTrue(refused.getMessage().contains("loopback") && refused.getMessage().contains("127.0.0.1")
                    && refused.getMessage().contains("Reach.ANY_ADDRESS"), refused.getMessage());
        }
    }

    @Test
    @DisplayName("Reach.ANY_ADDRESS, written out, accepts another address; an unknown host is refused either way")
    void anyAddressOnlyWhenSaid() {
        InetSocketAddress everywhere = new InetSocketAddress("0.0.0.0", 0);
        assertSame(everywhere, NetworkConsole.checked(everywhere, Reach.ANY_ADDRESS));
        assertThrows(IllegalArgumentException.class, () -> NetworkConsole.checked(
                InetSocketAddress.createUnresolved("no-such-host.invalid", 0), Reach.ANY_ADDRESS));
    }
}
