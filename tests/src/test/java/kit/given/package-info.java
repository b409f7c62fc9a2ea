/**
 * The kit's tests of the given code, which no learner writes and no graded test fully
 * reaches, tagged {@code kit} like every kit test: the kit check runs them, a learner's run
 * never loads them. Each holds a given class to its class comment:
 * <ul>
 *   <li>{@code GivenComponentsTest}: the components of {@code kamaelia.util} sleep when idle
 *       and do what their comments say;</li>
 *   <li>{@code FollowTest}: {@code Follow}, the given {@code tail -F} of chapter 9's
 *       walkthrough, through truncation, replacement and deletion;</li>
 *   <li>{@code GivenSelectorTest}, {@code ConnectedSocketTimeOutsTest} and
 *       {@code GivenServerTest}: the selector service's ending, a socket's time-outs and
 *       limits on a channel the test controls, and a server's settings and time-outs on
 *       loopback;</li>
 *   <li>{@code ServersUnderAbuseTest}: the reference's servers and consoles, used the way
 *       an attacker or a careless user would;</li>
 *   <li>{@code BoxGuardTest}: the box guard refuses a platform thread declared as a
 *       component's own, as it does the virtual threads of threaded components.</li>
 * </ul>
 * They share the graded tests' fixtures ({@code grading.Network}, {@code RunningServer},
 * {@code LineClient}, {@code ControlledChannel}, {@code LogFile} ...), which are public for
 * them.
 */
package kit.given;
