package io.mojaloop.releasebot.core.policy;

import io.mojaloop.releasebot.core.config.FreezeWindows;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import io.mojaloop.releasebot.core.config.AffiliationFallback;
import io.mojaloop.releasebot.core.config.BotConfig;
import io.mojaloop.releasebot.core.config.DateSpec;
import io.mojaloop.releasebot.core.config.Freeze;
import io.mojaloop.releasebot.core.config.ReleaseCandidates;
import io.mojaloop.releasebot.core.config.Release;
import io.mojaloop.releasebot.core.config.Reviews;
import io.mojaloop.releasebot.core.config.WindowOverride;

/**
 * The v17.2.0 example: PI kick-off Mon 18 Jan 2027, release Mon 25 Jan 2027 (UTC). Feature freeze from
 * 7 Dec 2026 (6 weeks before the kick-off), bug-fix freeze from 28 Dec 2026 (4 weeks before the release).
 */
class FreezePolicyTest {

    static final List<String> REPOS = List.of("central-ledger", "ml-api-adapter", "helm");

    static Release release(String version, String kickoff, String releaseDate, String zone) {
        return new Release(version, DateSpec.parse(kickoff), DateSpec.parse(releaseDate), ZoneId.of(zone), null, null,
                "mojaloop/project#4300", REPOS, 10);
    }

    static BotConfig config(Release... releases) {
        return new BotConfig(Reviews.DEFAULTS, Map.of(), AffiliationFallback.NONE, Freeze.DEFAULTS,
                ReleaseCandidates.DEFAULTS, List.of(releases), List.of());
    }

    static final BotConfig V17 = config(release("v17.2.0", "2027-01-18", "2027-01-25", "UTC"));

    static FreezeVerdict eval(BotConfig config, String title, String at, String... labels) {
        return FreezePolicy.evaluate(config, new FreezeFacts("central-ledger", "main", title, List.of(labels), null),
                Instant.parse(at));
    }

    @Nested
    class Windows {
        @Test
        void beforeAnyWindowEverythingPasses() {
            FreezeVerdict v = eval(V17, "feat: x", "2026-11-01T00:00:00Z");
            assertThat(v.passed()).isTrue();
            assertThat(v.outcome()).isEqualTo(FreezeVerdict.Outcome.NO_WINDOW);
            assertThat(v.next().kind()).isEqualTo(WindowKind.FEATURE_FREEZE);
            assertThat(v.next().at()).isEqualTo(Instant.parse("2026-12-07T00:00:00Z"));
            assertThat(v.warning()).isNull();
        }

        @Test
        void featureFreezeOpensAtTheExactInstant() {
            assertThat(eval(V17, "feat: x", "2026-12-06T23:59:59.999Z").passed()).isTrue();
            FreezeVerdict open = eval(V17, "feat: x", "2026-12-07T00:00:00Z");
            assertThat(open.passed()).isFalse();
            assertThat(open.outcome()).isEqualTo(FreezeVerdict.Outcome.BLOCKED_BY_FEATURE_FREEZE);
            assertThat(open.window().start()).isEqualTo(Instant.parse("2026-12-07T00:00:00Z"));
            assertThat(open.window().end()).isEqualTo(Instant.parse("2027-01-25T00:00:00Z"));
            assertThat(open.window().release().version()).isEqualTo("v17.2.0");
        }

        @Test
        void inAFeatureFreezeFixesAndChoresPass() {
            assertThat(eval(V17, "fix: x", "2026-12-10T00:00:00Z").outcome())
                    .isEqualTo(FreezeVerdict.Outcome.ALLOWED_IN_FEATURE_FREEZE);
            assertThat(eval(V17, "chore: x", "2026-12-10T00:00:00Z").passed()).isTrue();
        }

        @Test
        void unknownTitlesAreFeaturesDuringAFreeze() {
            FreezeVerdict v = eval(V17, "Add a thing", "2026-12-10T00:00:00Z");
            assertThat(v.passed()).isFalse();
            assertThat(v.classification().prClass()).isEqualTo(PrClass.UNKNOWN);
        }

        @Test
        void bugfixFreezeBlocksEverythingButTheAllowedLabel() {
            assertThat(eval(V17, "fix: x", "2026-12-27T23:59:59Z").passed()).isTrue();
            FreezeVerdict fix = eval(V17, "fix: x", "2026-12-28T00:00:00Z");
            assertThat(fix.passed()).isFalse();
            assertThat(fix.outcome()).isEqualTo(FreezeVerdict.Outcome.BLOCKED_BY_BUGFIX_FREEZE);
            assertThat(fix.window().kind()).isEqualTo(WindowKind.BUGFIX_FREEZE);
            assertThat(fix.otherWindows()).extracting(ActiveWindow::kind).containsExactly(WindowKind.FEATURE_FREEZE);
            assertThat(eval(V17, "docs: x", "2026-12-28T00:00:00Z").passed()).isFalse();
            FreezeVerdict critical = eval(V17, "fix: x", "2026-12-28T00:00:00Z", "Priority: Critical");
            assertThat(critical.passed()).isTrue();
            assertThat(critical.outcome()).isEqualTo(FreezeVerdict.Outcome.ALLOWED_BY_LABEL);
            assertThat(critical.allowingLabel()).isEqualTo("Priority: Critical");
            assertThat(eval(V17, "feat: x", "2026-12-28T00:00:00Z", "priority: critical").passed()).isTrue();
        }

        @Test
        void windowsCloseAtTheReleaseInstant() {
            assertThat(eval(V17, "feat: x", "2027-01-24T23:59:59Z").passed()).isFalse();
            FreezeVerdict after = eval(V17, "feat: x", "2027-01-25T00:00:00Z");
            assertThat(after.passed()).isTrue();
            assertThat(after.outcome()).isEqualTo(FreezeVerdict.Outcome.NO_WINDOW);
            assertThat(after.next()).isNull();
        }

        @Test
        void nextChangeIsTheReleaseDateInsideTheLastWindow() {
            FreezeVerdict v = eval(V17, "fix: x", "2027-01-01T00:00:00Z");
            assertThat(v.next().opens()).isFalse();
            assertThat(v.next().at()).isEqualTo(Instant.parse("2027-01-25T00:00:00Z"));
        }
    }

    @Nested
    class Scope {
        @Test
        void reposOutsideTheReleaseAreNotFrozen() {
            FreezeVerdict v = FreezePolicy.evaluate(V17,
                    new FreezeFacts("quoting-service", "main", "feat: x", List.of(), null), Instant.parse("2026-12-30T00:00:00Z"));
            assertThat(v.passed()).isTrue();
            assertThat(v.outcome()).isEqualTo(FreezeVerdict.Outcome.REPO_NOT_IN_RELEASE);
        }

        @Test
        void ownerQualifiedAndCaseInsensitiveRepoNames() {
            FreezeVerdict v = FreezePolicy.evaluate(V17,
                    new FreezeFacts("mojaloop/Central-Ledger", "main", "feat: x", List.of(), null), Instant.parse("2026-12-30T00:00:00Z"));
            assertThat(v.passed()).isFalse();
        }

        @Test
        void onlyFrozenBranches() {
            Instant in = Instant.parse("2026-12-30T00:00:00Z");
            assertThat(FreezePolicy.evaluate(V17, new FreezeFacts("central-ledger", "feature/bulk", "feat: x", List.of(), null), in)
                    .outcome()).isEqualTo(FreezeVerdict.Outcome.BRANCH_NOT_FROZEN);
            assertThat(FreezePolicy.evaluate(V17, new FreezeFacts("central-ledger", "release/v17.2.0", "feat: x", List.of(), null), in)
                    .passed()).isFalse();
            assertThat(FreezePolicy.evaluate(V17, new FreezeFacts("central-ledger", "master", "feat: x", List.of(), null), in)
                    .passed()).isFalse();
        }

        @Test
        void globs() {
            assertThat(FreezePolicy.branchMatches(List.of("release/*"), "release/v17")).isTrue();
            assertThat(FreezePolicy.branchMatches(List.of("release/*"), "release/v17/hotfix")).isFalse();
            assertThat(FreezePolicy.branchMatches(List.of("release/**"), "release/v17/hotfix")).isTrue();
            assertThat(FreezePolicy.branchMatches(List.of("release/*"), "release")).isFalse();
            assertThat(FreezePolicy.branchMatches(List.of("main"), "Main")).isFalse();
            assertThat(FreezePolicy.branchMatches(List.of("v1?"), "v12")).isTrue();
            assertThat(FreezePolicy.branchMatches(List.of("a.b"), "aXb")).isFalse();
            assertThat(FreezePolicy.branchMatches(List.of(), "main")).isFalse();
            assertThat(FreezePolicy.branchMatches(List.of("main"), null)).isFalse();
        }
    }

    @Nested
    class Exceptions {
        @Test
        void anExceptionLetsABlockedPrPass() {
            FreezeVerdict v = FreezePolicy.evaluate(V17, new FreezeFacts("central-ledger", "main", "feat: x", List.of(),
                    new FreezeException("rm-lead", "agreed at the PI planning")), Instant.parse("2026-12-10T00:00:00Z"));
            assertThat(v.passed()).isTrue();
            assertThat(v.byException()).isTrue();
            assertThat(v.blocked()).isTrue();
            assertThat(v.exception().grantedBy()).isEqualTo("rm-lead");
        }

        @Test
        void anUnneededExceptionIsNotByException() {
            FreezeVerdict v = FreezePolicy.evaluate(V17, new FreezeFacts("central-ledger", "main", "fix: x", List.of(),
                    new FreezeException("rm-lead", "r")), Instant.parse("2026-12-10T00:00:00Z"));
            assertThat(v.passed()).isTrue();
            assertThat(v.byException()).isFalse();
        }
    }

    @Nested
    class Warnings {
        @Test
        void aPassingFeatureWarnsFourteenDaysAhead() {
            FreezeVerdict v = eval(V17, "feat: x", "2026-11-23T00:00:00Z");
            assertThat(v.passed()).isTrue();
            assertThat(v.warning().kind()).isEqualTo(WindowKind.FEATURE_FREEZE);
            assertThat(eval(V17, "feat: x", "2026-11-22T23:59:59Z").warning()).isNull();
        }

        @Test
        void aFixIsWarnedOnlyAboutTheBugfixFreeze() {
            assertThat(eval(V17, "fix: x", "2026-11-30T00:00:00Z").warning()).isNull();
            FreezeVerdict v = eval(V17, "fix: x", "2026-12-20T00:00:00Z");
            assertThat(v.warning().kind()).isEqualTo(WindowKind.BUGFIX_FREEZE);
            assertThat(eval(V17, "fix: x", "2026-12-20T00:00:00Z", "priority: critical").warning()).isNull();
        }

        @Test
        void aFailingCheckDoesNotWarn() {
            assertThat(eval(V17, "feat: x", "2026-12-20T00:00:00Z").warning()).isNull();
        }
    }

    @Nested
    class TimeZones {
        @Test
        void aDayStartsAtMidnightInTheReleaseZoneEastOfUtc() {
            BotConfig nairobi = config(release("v17.2.0", "2027-01-18", "2027-01-25", "Africa/Nairobi"));
            // midnight 7 Dec in Nairobi (UTC+3) is 21:00 UTC on 6 Dec
            assertThat(eval(nairobi, "feat: x", "2026-12-06T20:59:59Z").passed()).isTrue();
            assertThat(eval(nairobi, "feat: x", "2026-12-06T21:00:00Z").passed()).isFalse();
            assertThat(eval(nairobi, "feat: x", "2027-01-24T20:59:59Z").passed()).isFalse();
            assertThat(eval(nairobi, "feat: x", "2027-01-24T21:00:00Z").passed()).isTrue();
        }

        @Test
        void aDayStartsAtMidnightInTheReleaseZoneWestOfUtc() {
            BotConfig ny = config(release("v17.2.0", "2027-01-18", "2027-01-25", "America/New_York"));
            // midnight 7 Dec in New York (UTC-5) is 05:00 UTC on 7 Dec
            assertThat(eval(ny, "feat: x", "2026-12-07T04:59:59Z").passed()).isTrue();
            assertThat(eval(ny, "feat: x", "2026-12-07T05:00:00Z").passed()).isFalse();
        }

        @Test
        void weeksAreCountedInLocalDaysAcrossDst() {
            // Release 2027-04-05 in London (BST, UTC+1); four weeks earlier is 2027-03-08 (GMT, UTC+0)
            BotConfig london = config(release("v18.0.0", "2027-04-30", "2027-04-05", "Europe/London"));
            FreezeWindows w = FreezeWindows.of(london.releases().get(0), Freeze.DEFAULTS);
            assertThat(w.releaseAt()).isEqualTo(Instant.parse("2027-04-04T23:00:00Z"));
            assertThat(w.bugfixFreezeStart()).isEqualTo(Instant.parse("2027-03-08T00:00:00Z"));
            // The US changes clocks on 14 Mar 2027: a release on 1 Apr counts back to 4 Mar local midnight (EST)
            BotConfig ny = config(release("v18.0.0", "2027-04-30", "2027-04-01", "America/New_York"));
            assertThat(FreezeWindows.of(ny.releases().get(0), Freeze.DEFAULTS).bugfixFreezeStart())
                    .isEqualTo(Instant.parse("2027-03-04T05:00:00Z"));
        }

        @Test
        void anInstantCarriesItsOwnOffset() {
            Release r = new Release("v17.2.0", DateSpec.parse("2027-01-18"),
                    DateSpec.parse("2027-01-25T09:00:00+02:00"), ZoneId.of("UTC"), null,
                    new WindowOverride(DateSpec.parse("2026-12-28T09:00:00+02:00")), null, REPOS, 1);
            BotConfig c = config(r);
            assertThat(eval(c, "fix: x", "2026-12-28T06:59:59Z").passed()).isTrue();
            assertThat(eval(c, "fix: x", "2026-12-28T07:00:00Z").passed()).isFalse();
            assertThat(eval(c, "fix: x", "2027-01-25T06:59:59Z").passed()).isFalse();
            assertThat(eval(c, "fix: x", "2027-01-25T07:00:00Z").passed()).isTrue();
        }

        @Test
        void leapDay() {
            // Release on 29 Feb 2028: four weeks before is 1 Feb 2028; six weeks before a kick-off on 29 Feb is 18 Jan
            BotConfig leap = config(release("v19.0.0", "2028-02-29", "2028-02-29", "UTC"));
            FreezeWindows w = FreezeWindows.of(leap.releases().get(0), Freeze.DEFAULTS);
            assertThat(w.bugfixFreezeStart()).isEqualTo(Instant.parse("2028-02-01T00:00:00Z"));
            assertThat(w.featureFreezeStart()).isEqualTo(Instant.parse("2028-01-18T00:00:00Z"));
            assertThat(eval(leap, "fix: x", "2028-02-28T23:59:59Z").passed()).isFalse();
            assertThat(eval(leap, "fix: x", "2028-02-29T00:00:00Z").passed()).isTrue();
        }
    }

    @Nested
    class Calendars {
        @Test
        void aReleaseMovedLaterReopensTheWindowLater() {
            Instant now = Instant.parse("2026-12-29T00:00:00Z");
            assertThat(eval(V17, "fix: x", now.toString()).passed()).isFalse();
            BotConfig moved = config(release("v17.2.0", "2027-02-15", "2027-02-22", "UTC"));
            FreezeVerdict v = eval(moved, "fix: x", now.toString());
            // feature freeze now from 4 Jan 2027, bug-fix freeze from 25 Jan 2027
            assertThat(v.passed()).isTrue();
            assertThat(v.outcome()).isEqualTo(FreezeVerdict.Outcome.NO_WINDOW);
            assertThat(v.next().kind()).isEqualTo(WindowKind.FEATURE_FREEZE);
            assertThat(v.next().at()).isEqualTo(Instant.parse("2027-01-04T00:00:00Z"));
            assertThat(eval(moved, "fix: x", "2027-01-10T00:00:00Z").window().kind()).isEqualTo(WindowKind.FEATURE_FREEZE);
        }

        @Test
        void overlappingReleasesTheStrictestWindowDecidesAndIsNamed() {
            Release v17 = release("v17.2.0", "2027-01-18", "2027-01-25", "UTC");
            Release v18 = new Release("v18.0.0", DateSpec.parse("2027-04-19"), DateSpec.parse("2027-04-26"), ZoneId.of("UTC"),
                    null, null, null, List.of("central-ledger"), 20);
            BotConfig both = config(v18, v17);
            // 1 Jan 2027: v17 bug-fix freeze open; v18's feature freeze (8 Mar) not yet
            FreezeVerdict v = eval(both, "feat: x", "2027-01-01T00:00:00Z");
            assertThat(v.window().release().version()).isEqualTo("v17.2.0");
            assertThat(v.window().kind()).isEqualTo(WindowKind.BUGFIX_FREEZE);
            assertThat(v.releases()).containsExactly("v18.0.0", "v17.2.0");
            // 10 Mar 2027: v17 released, v18 in feature freeze
            FreezeVerdict later = eval(both, "feat: x", "2027-03-10T00:00:00Z");
            assertThat(later.window().release().version()).isEqualTo("v18.0.0");
            assertThat(later.window().kind()).isEqualTo(WindowKind.FEATURE_FREEZE);
        }

        @Test
        void overlappingFeatureAndBugfixFreezesOfTwoReleases() {
            Release a = new Release("v17.2.0", null, DateSpec.parse("2027-03-01"), ZoneId.of("UTC"), null, null, null, REPOS, 1);
            Release b = new Release("v17.3.0", DateSpec.parse("2027-03-01"), DateSpec.parse("2027-06-01"), ZoneId.of("UTC"),
                    null, null, null, REPOS, 2);
            // 20 Feb: a in bug-fix freeze (from 1 Feb), b in feature freeze (from 18 Jan)
            FreezeVerdict v = eval(config(b, a), "fix: x", "2027-02-20T00:00:00Z");
            assertThat(v.passed()).isFalse();
            assertThat(v.window().release().version()).isEqualTo("v17.2.0");
            assertThat(v.otherWindows()).extracting(w -> w.release().version()).containsExactly("v17.3.0");
        }

        @Test
        void aWindowTurnedOff() {
            Release patch = new Release("v17.1.1", DateSpec.parse("2027-01-18"), DateSpec.parse("2027-01-25"), ZoneId.of("UTC"),
                    WindowOverride.OFF, null, null, REPOS, 1);
            BotConfig c = config(patch);
            assertThat(eval(c, "feat: x", "2026-12-10T00:00:00Z").passed()).isTrue();
            assertThat(eval(c, "feat: x", "2026-12-30T00:00:00Z").passed()).isFalse();
        }

        @Test
        void nextBoundaryForTheClock() {
            assertThat(FreezePolicy.nextBoundary(V17, Instant.parse("2026-11-01T00:00:00Z")))
                    .contains(Instant.parse("2026-12-07T00:00:00Z"));
            assertThat(FreezePolicy.nextBoundary(V17, Instant.parse("2026-12-07T00:00:00Z")))
                    .contains(Instant.parse("2026-12-28T00:00:00Z"));
            assertThat(FreezePolicy.nextBoundary(V17, Instant.parse("2026-12-28T00:00:00Z")))
                    .contains(Instant.parse("2027-01-25T00:00:00Z"));
            assertThat(FreezePolicy.nextBoundary(V17, Instant.parse("2027-01-25T00:00:00Z"))).isEmpty();
            assertThat(FreezePolicy.nextBoundary(config(), Instant.EPOCH)).isEmpty();
        }

        @Test
        void offsetDateSpecsAreComparedAsInstants() {
            assertThat(DateSpec.parse("2027-01-18T09:00:00+02:00").resolve(ZoneId.of("UTC")))
                    .isEqualTo(OffsetDateTime.parse("2027-01-18T07:00:00Z").toInstant());
            assertThat(DateSpec.parse("2027-01-18")).isEqualTo(new DateSpec.Day(LocalDate.of(2027, 1, 18)));
        }
    }
}
