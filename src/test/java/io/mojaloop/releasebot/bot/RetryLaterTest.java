package io.mojaloop.releasebot.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The backoff of failed work: seconds, then minutes; one retry per key; bounded. */
class RetryLaterTest {

    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    RetryLater retries = retryLater(5, Duration.ofSeconds(10), Duration.ofMinutes(15));

    RetryLater retryLater(int attempts, Duration first, Duration max) {
        RetryLater r = new RetryLater();
        r.attempts = attempts;
        r.firstDelay = first;
        r.maxDelay = max;
        r.registry = registry;
        return r;
    }

    @AfterEach
    void stop() {
        retries.stop();
    }

    @Test
    void secondsThenMinutesCapped() {
        long[] expected = { 10, 40, 160, 640, 900, 900 };
        for (int n = 1; n <= expected.length; n++) {
            Duration d = retries.delay(n);
            assertThat(d.toMillis()).as("retry %d", n).isBetween(expected[n - 1] * 800, expected[n - 1] * 1200);
        }
    }

    @Test
    void aKeyFailingAgainWhileItsRetryWaitsKeepsTheOneRetry() {
        AtomicInteger ran = new AtomicInteger();
        assertThat(retries.failed("checks", "pr:o/r#1", ran::incrementAndGet)).isPresent();
        assertThat(retries.failed("checks", "pr:o/r#1", ran::incrementAndGet)).isPresent();
        assertThat(retries.following()).isEqualTo(1);
        assertThat(registry.counter("release_bot_retries", "work", "checks").count()).isEqualTo(1);
    }

    @Test
    void successCallsOffTheWaitingRetry() throws Exception {
        retries.stop();
        retries = retryLater(3, Duration.ofMillis(200), Duration.ofSeconds(1));
        AtomicInteger ran = new AtomicInteger();
        retries.failed("story", "story:1/mojaloop", ran::incrementAndGet);
        retries.succeeded("story:1/mojaloop");
        Thread.sleep(600);
        assertThat(ran.get()).isZero();
        assertThat(retries.following()).isZero();
    }

    @Test
    void afterTheLastAttemptTheWorkIsLeftToTheResync() {
        retries.stop();
        retries = retryLater(2, Duration.ofMillis(10), Duration.ofMillis(50));
        AtomicInteger ran = new AtomicInteger();
        String key = "pr:o/r#2";
        // each retry runs, and fails again
        Runnable failAgain = new Runnable() {
            @Override
            public void run() {
                ran.incrementAndGet();
                retries.failed("checks", key, this);
            }
        };
        assertThat(retries.failed("checks", key, failAgain)).isPresent();
        await().atMost(Duration.ofSeconds(5))
                .until(() -> registry.counter("release_bot_retries_exhausted", "work", "checks").count() == 1);
        assertThat(ran.get()).isEqualTo(2);
        assertThat(retries.following()).isZero();
    }
}
