package io.mojaloop.releasebot.github;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** GitHub's write limits as sliding windows, on a clock the test moves. */
class WriteBudgetTest {

    static final long SECOND = 1_000_000_000L;
    long now = 1_000 * SECOND;
    WriteBudget budget = new WriteBudget(80, 500, Duration.ofMinutes(15), () -> now);

    /** Sends a write: waits as long as the budget says, then it goes out. Answers the wait. */
    long write() {
        long wait = budget.reserve();
        now += wait;
        return wait;
    }

    @Test
    void anIdleBotWritesAtOnce() {
        assertThat(write()).isZero();
        assertThat(write()).isZero();
    }

    @Test
    void eightyWritesGoOutAtOnceAndThe81stWaitsUntilTheFirstIsAMinuteOld() {
        long start = now;
        for (int i = 0; i < 80; i++) {
            assertThat(write()).as("write %d", i + 1).isZero();
        }
        now += 10 * SECOND;
        assertThat(write()).isEqualTo(50 * SECOND);
        assertThat(now).isEqualTo(start + 60 * SECOND);
        // the window slides: the 82nd waits for the second write, sent at the same moment as the first
        assertThat(write()).isZero();
    }

    @Test
    void aWriteCountsFromItsAnswerSoTheWindowDoesNotReopenBeforeGitHubs() {
        long start = now;
        long first = budget.reserveAt();
        now += SECOND / 2; // GitHub answered the first write half a second after it was let through
        budget.answered(first);
        for (int i = 1; i < 80; i++) {
            assertThat(write()).as("write %d", i + 1).isZero();
        }
        // the 81st waits until the first is a minute old counted from its answer, not from its start
        now = start + 60 * SECOND;
        assertThat(write()).isEqualTo(SECOND / 2);
        // an answer for a moment the budget no longer holds changes nothing
        budget.answered(start - 7200 * SECOND);
        assertThat(write()).isZero();
    }

    @Test
    void theHourWindowHoldsWritesPast500() {
        long start = now;
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            waits.add(write());
        }
        // 80 a minute: the 500th went out in the seventh minute
        assertThat(now - start).isEqualTo(6 * 60 * SECOND);
        assertThat(waits.stream().filter(w -> w > 0).count()).isEqualTo(6);
        // the 501st waits until the first is an hour old, although the minute has room
        long wait = write();
        assertThat(now).isEqualTo(start + 3600 * SECOND);
        assertThat(wait).isEqualTo(54 * 60 * SECOND);
    }

    @Test
    void aRefusalHoldsWritesBackForRetryAfterAndLowersTheAllowanceForAWhile() {
        for (int i = 0; i < 40; i++) {
            write();
        }
        // another tool shares the installation: GitHub refuses the bot's 41st write of the minute
        budget.refused(Duration.ofSeconds(90));
        assertThat(budget.allowance()).isEqualTo(30); // three quarters of the 40 the bot had sent
        // a second write refused in the same burst does not lower it again
        budget.refused(Duration.ofSeconds(90));
        assertThat(budget.allowance()).isEqualTo(30);
        // nothing goes out before Retry-After
        assertThat(write()).isEqualTo(90 * SECOND);
        // then 30 in the minute, the 31st a minute after the first of them
        for (int i = 0; i < 29; i++) {
            assertThat(write()).isZero();
        }
        assertThat(write()).isEqualTo(60 * SECOND);
        // after learned-limit-for, the configured allowance again and no spacing
        now += Duration.ofMinutes(16).toNanos();
        assertThat(budget.allowance()).isEqualTo(80);
        assertThat(write()).isZero();
        assertThat(write()).isZero();
    }

    @Test
    void whileTheLoweredAllowanceHoldsTheMinuteWindowCountsWithIt() {
        for (int i = 0; i < 40; i++) {
            write();
        }
        budget.refused(Duration.ofSeconds(1));
        // 30 a minute now, and the 40 sent a moment ago fill the window until they are a minute old
        assertThat(write()).isEqualTo(60 * SECOND);
    }

    @Test
    void theAllowanceNeverFallsBelowATenthOfTheConfiguredOne() {
        write();
        budget.refused(Duration.ofSeconds(1));
        assertThat(budget.allowance()).isEqualTo(8);
    }

    @Test
    void writesAreServedInTheOrderTheyAsked() {
        for (int i = 0; i < 80; i++) {
            write();
        }
        long first = budget.reserve();
        long second = budget.reserve();
        assertThat(second).isGreaterThanOrEqualTo(first);
    }
}
