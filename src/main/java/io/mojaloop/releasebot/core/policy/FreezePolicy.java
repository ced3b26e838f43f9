package io.mojaloop.releasebot.core.policy;

import io.mojaloop.releasebot.core.config.FreezeWindows;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import io.mojaloop.releasebot.core.config.BotConfig;
import io.mojaloop.releasebot.core.config.Freeze;
import io.mojaloop.releasebot.core.config.Release;

/**
 * The freeze calendar's rules, over plain data.
 * <ul>
 * <li>Only repositories in a release's {@code repos} and base branches matching {@code freeze.branches} are frozen.</li>
 * <li>A window is open from its start (inclusive) until the release date (exclusive).</li>
 * <li>In a feature freeze, features (and titles that are not Conventional Commits) fail; everything else passes.</li>
 * <li>In a bug-fix freeze, everything fails unless it carries one of {@code allowed-during-bugfix-freeze-labels}.</li>
 * <li>Several open windows: the strictest decides (bug-fix over feature; then the earlier release).</li>
 * <li>A freeze exception makes a blocked PR pass.</li>
 * </ul>
 */
public final class FreezePolicy {

    /** A passing check warns when a window that would block the PR opens within this time. */
    public static final Duration WARN_AHEAD = Duration.ofDays(14);

    private FreezePolicy() {
    }

    public static FreezeVerdict evaluate(BotConfig config, FreezeFacts facts, Instant now) {
        Freeze freeze = config.freeze();
        Classification classification = PrClassifier.classify(facts.title(), facts.labels(), freeze.featureTypes());
        List<Release> covering = config.releases().stream().filter(r -> r.covers(facts.repo())).toList();
        List<String> versions = covering.stream().map(Release::version).toList();
        boolean branchFrozen = branchMatches(freeze.branches(), facts.baseBranch());
        FreezeException exception = facts.exception();
        if (covering.isEmpty()) {
            return pass(FreezeVerdict.Outcome.REPO_NOT_IN_RELEASE, classification, branchFrozen, versions, exception);
        }
        if (!branchFrozen) {
            return pass(FreezeVerdict.Outcome.BRANCH_NOT_FROZEN, classification, branchFrozen, versions, exception);
        }
        List<ActiveWindow> active = new ArrayList<>();
        List<NextChange> coming = new ArrayList<>();
        for (Release release : covering) {
            FreezeWindows w = FreezeWindows.of(release, freeze);
            if (w.releaseAt() == null) {
                continue;
            }
            addWindow(active, coming, release, WindowKind.FEATURE_FREEZE, w.featureFreezeStart(), w.releaseAt(), now);
            addWindow(active, coming, release, WindowKind.BUGFIX_FREEZE, w.bugfixFreezeStart(), w.releaseAt(), now);
            if (w.releaseAt().isAfter(now) && (w.featureFreezeStart() != null || w.bugfixFreezeStart() != null)) {
                WindowKind ending = w.bugfixFreezeStart() != null ? WindowKind.BUGFIX_FREEZE : WindowKind.FEATURE_FREEZE;
                coming.add(new NextChange(release, ending, false, w.releaseAt()));
            }
        }
        active.sort(Comparator.comparingInt((ActiveWindow a) -> -a.kind().strictness())
                .thenComparing(a -> a.end()).thenComparing(a -> a.release().line()));
        coming.sort(Comparator.comparing(NextChange::at).thenComparing(c -> c.opens() ? 0 : 1));
        NextChange next = coming.isEmpty() ? null : coming.get(0);
        String allowingLabel = allowingLabel(freeze, facts.labels());
        NextChange warning = null;
        for (NextChange c : coming) {
            if (c.opens() && !c.at().isAfter(now.plus(WARN_AHEAD)) && wouldBlock(c.kind(), classification, allowingLabel)) {
                warning = c;
                break;
            }
        }
        if (active.isEmpty()) {
            return new FreezeVerdict(true, false, FreezeVerdict.Outcome.NO_WINDOW, classification, true, versions, null,
                    List.of(), allowingLabel, next, warning, exception);
        }
        ActiveWindow window = active.get(0);
        List<ActiveWindow> others = active.subList(1, active.size());
        FreezeVerdict.Outcome outcome;
        if (window.kind() == WindowKind.BUGFIX_FREEZE) {
            outcome = allowingLabel != null ? FreezeVerdict.Outcome.ALLOWED_BY_LABEL
                    : FreezeVerdict.Outcome.BLOCKED_BY_BUGFIX_FREEZE;
        } else {
            outcome = classification.prClass().blockedByFeatureFreeze() ? FreezeVerdict.Outcome.BLOCKED_BY_FEATURE_FREEZE
                    : FreezeVerdict.Outcome.ALLOWED_IN_FEATURE_FREEZE;
        }
        boolean blocked = outcome == FreezeVerdict.Outcome.BLOCKED_BY_BUGFIX_FREEZE
                || outcome == FreezeVerdict.Outcome.BLOCKED_BY_FEATURE_FREEZE;
        boolean passed = !blocked || exception != null;
        if (!passed || blocked) {
            warning = null;
        } else if (warning != null && warning.kind().strictness() <= window.kind().strictness()) {
            warning = null;
        }
        return new FreezeVerdict(passed, blocked && exception != null, outcome, classification, true, versions, window,
                others, allowingLabel, next, warning, exception);
    }

    /**
     * The next instant after {@code now} at which any window of any release opens or closes (to arm the clock).
     */
    public static Optional<Instant> nextBoundary(BotConfig config, Instant now) {
        Instant next = null;
        for (Release release : config.releases()) {
            FreezeWindows w = FreezeWindows.of(release, config.freeze());
            for (Instant b : new Instant[] {w.featureFreezeStart(), w.bugfixFreezeStart(), w.releaseAt()}) {
                if (b != null && b.isAfter(now) && (next == null || b.isBefore(next))) {
                    next = b;
                }
            }
        }
        return Optional.ofNullable(next);
    }

    /**
     * Whether a branch matches one of the globs: {@code *} matches within one path segment, {@code **} across
     * segments, {@code ?} one character. Branch names are case-sensitive, as in git.
     */
    public static boolean branchMatches(List<String> globs, String branch) {
        if (branch == null) {
            return false;
        }
        for (String glob : globs) {
            if (toRegex(glob).matcher(branch).matches()) {
                return true;
            }
        }
        return false;
    }

    private static Pattern toRegex(String glob) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*') {
                if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                    re.append(".*");
                    i++;
                } else {
                    re.append("[^/]*");
                }
            } else if (c == '?') {
                re.append("[^/]");
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString());
    }

    private static void addWindow(List<ActiveWindow> active, List<NextChange> coming, Release release, WindowKind kind,
            Instant start, Instant end, Instant now) {
        if (start == null || !start.isBefore(end)) {
            return;
        }
        if (!now.isBefore(start) && now.isBefore(end)) {
            active.add(new ActiveWindow(release, kind, start, end));
        } else if (start.isAfter(now)) {
            coming.add(new NextChange(release, kind, true, start));
        }
    }

    private static String allowingLabel(Freeze freeze, List<String> labels) {
        for (String label : labels) {
            for (String allowed : freeze.allowedDuringBugfixFreezeLabels()) {
                if (label.trim().toLowerCase(Locale.ROOT).equals(allowed.trim().toLowerCase(Locale.ROOT))) {
                    return label;
                }
            }
        }
        return null;
    }

    private static boolean wouldBlock(WindowKind kind, Classification classification, String allowingLabel) {
        return kind == WindowKind.BUGFIX_FREEZE ? allowingLabel == null : classification.prClass().blockedByFeatureFreeze();
    }

    private static FreezeVerdict pass(FreezeVerdict.Outcome outcome, Classification classification, boolean branchFrozen,
            List<String> versions, FreezeException exception) {
        return new FreezeVerdict(true, false, outcome, classification, branchFrozen, versions, null, List.of(), null, null,
                null, exception);
    }
}
