package io.mojaloop.releasebot.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestLimitsTest {

    @Test
    void aClientGetsItsBudgetThenWaits() {
        RequestLimits limits = new RequestLimits();
        limits.perMinute = 3;
        assertThat(limits.allow("10.0.0.1")).isTrue();
        assertThat(limits.allow("10.0.0.1")).isTrue();
        assertThat(limits.allow("10.0.0.1")).isTrue();
        assertThat(limits.allow("10.0.0.1")).isFalse();
        assertThat(limits.allow("10.0.0.2")).isTrue();
    }

    @Test
    void manyOtherClientsDoNotGiveALimitedClientAFreshBudget() {
        RequestLimits limits = new RequestLimits();
        limits.perMinute = 1;
        assertThat(limits.allow("10.0.0.1")).isTrue();
        assertThat(limits.allow("10.0.0.1")).isFalse();
        for (int i = 0; i < 30_000; i++) {
            limits.allow("10.1." + (i / 250) + "." + (i % 250));
            if (i % 1000 == 0) {
                assertThat(limits.allow("10.0.0.1")).as("after %d other clients", i).isFalse();
            }
        }
        assertThat(limits.allow("10.0.0.1")).isFalse();
    }
}
