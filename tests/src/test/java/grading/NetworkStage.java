package grading;

import grading.support.OnTimeout;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Marks a class of stage 11's network tests, beside its {@code @Graded}: ten seconds a test
 * (a network test waits for sockets: more than the usual 3 s), and what usually loops when
 * one runs out of time.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Timeout(value = 10, unit = TimeUnit.SECONDS)
@OnTimeout("a server or a client never answered, or the run never ended. Does the selector's thread send a report for"
        + " every ready key (and come back to select), does a ConnectedSocket read until read() returns 0 and ask to be"
        + " woken again, and does every connection close once its protocol has finished?")
@interface NetworkStage {
}
