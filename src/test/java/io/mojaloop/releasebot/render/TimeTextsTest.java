package io.mojaloop.releasebot.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class TimeTextsTest {

    final Instant now = Instant.parse("2026-11-24T12:00:00Z");
    final TimeTexts t = new TimeTexts(now);

    @Test
    void relativeTimesUseTheCoarsestSensibleUnit() {
        assertThat(t.until(Instant.parse("2026-11-29T12:00:00Z"))).isEqualTo("in 5 days");
        assertThat(t.until(Instant.parse("2026-11-25T15:00:00Z"))).isEqualTo("in 27 hours");
        assertThat(t.until(Instant.parse("2026-11-24T12:30:00Z"))).isEqualTo("in 30 minutes");
        assertThat(t.until(Instant.parse("2026-11-24T12:00:08Z"))).isEqualTo("in 8 seconds");
        assertThat(t.until(Instant.parse("2026-11-21T12:00:00Z"))).isEqualTo("3 days ago");
    }

    @Test
    void datesShowTheReleaseZoneAndUtc() {
        assertThat(t.at(Instant.parse("2026-12-06T23:00:00Z"), ZoneId.of("Europe/Berlin")))
                .isEqualTo("Mon 7 Dec 2026 00:00 CET (2026-12-06 23:00 UTC)");
        assertThat(t.at(Instant.parse("2026-12-07T00:00:00Z"), ZoneId.of("UTC"))).isEqualTo("2026-12-07 00:00 UTC");
    }
}
