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
}
