package io.mojaloop.releasebot.core.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.mojaloop.releasebot.core.config.BotConfig;
import io.mojaloop.releasebot.core.config.ConfigLoader;
import io.mojaloop.releasebot.core.config.Release;

/** Which labelled PRs and issues belong to a release's story, and how far back the shared search looks. */
class ReleaseWindowTest {

    static final BotConfig CONFIG = ConfigLoader.parseOrg("release-bot.yml", """
            releases:
              - version: v18.0.0
                release-date: 2027-04-26
              - version: v17.1.0
                release-date: 2026-10-26
              - version: v17.2.0
                release-date: 2027-01-25
            """).config();

    static Release release(String version) {
        return CONFIG.releases().stream().filter(r -> r.version().equals(version)).findFirst().orElseThrow();
    }

    static final Instant NOW = Instant.parse("2027-01-04T12:00:00Z");

    @Test
    void aReleaseBeginsAtThePreviousReleaseInTheConfigWhateverTheOrder() {
        assertThat(ReleaseWindow.since(CONFIG, release("v17.2.0"))).isEqualTo(Instant.parse("2026-10-26T00:00:00Z"));
        assertThat(ReleaseWindow.since(CONFIG, release("v18.0.0"))).isEqualTo(Instant.parse("2027-01-25T00:00:00Z"));
        // the first one configured: half a year before its own date
        assertThat(ReleaseWindow.since(CONFIG, release("v17.1.0")))
                .isEqualTo(Instant.parse("2026-10-26T00:00:00Z").minus(ReleaseWindow.LOOKBACK));
    }

    @Test
    void theSharedSearchLooksBackToTheEarliestStartOrHalfAYear() {
        Instant earliest = ReleaseWindow.searchesSince(CONFIG, List.of(release("v17.2.0"), release("v18.0.0")), NOW);
        // v17.2.0 began 2026-10-26, after half a year before now (2026-07-06)
        assertThat(earliest).isEqualTo(NOW.minus(ReleaseWindow.LOOKBACK));
        // a release far ahead: still half a year back from now, not from its own start
        assertThat(ReleaseWindow.searchesSince(CONFIG, List.of(release("v18.0.0")), NOW)).isEqualTo(NOW.minus(ReleaseWindow.LOOKBACK));
        assertThat(ReleaseWindow.searchesSince(CONFIG, List.of(release("v17.2.0")), Instant.parse("2027-06-01T00:00:00Z")))
                .isEqualTo(Instant.parse("2026-10-26T00:00:00Z"));
        assertThat(ReleaseWindow.updatedQualifier(Instant.parse("2026-10-26T00:00:00Z"))).isEqualTo(" updated:>=2026-10-25");
        assertThat(ReleaseWindow.updatedQualifier(null)).isEmpty();
    }

    @Test
    void openBelongsMergedSinceTheStartBelongsClosedUnmergedNever() {
        Instant since = Instant.parse("2026-10-26T00:00:00Z");
        Instant before = since.minusSeconds(1);
        assertThat(ReleaseWindow.belongs(true, true, null, null, since)).isTrue();
        assertThat(ReleaseWindow.belongs(false, true, since, since, since)).isTrue();
        assertThat(ReleaseWindow.belongs(false, true, before, before, since)).isFalse();
        assertThat(ReleaseWindow.belongs(false, true, since, null, since)).as("closed without merging").isFalse();
        assertThat(ReleaseWindow.belongs(false, true, since, null, null)).as("closed without merging, no limit").isFalse();
        assertThat(ReleaseWindow.belongs(false, false, since, null, since)).as("an issue closed since").isTrue();
        assertThat(ReleaseWindow.belongs(false, false, before, null, since)).isFalse();
        assertThat(ReleaseWindow.belongs(false, false, before, null, null)).isTrue();
    }
}
