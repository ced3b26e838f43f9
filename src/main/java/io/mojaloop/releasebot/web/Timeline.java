package io.mojaloop.releasebot.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

import io.mojaloop.releasebot.core.config.Freeze;
import io.mojaloop.releasebot.core.config.FreezeWindows;
import io.mojaloop.releasebot.core.config.Release;

/**
 * A release's calendar laid out for an inline SVG (viewBox 0 0 600 96): window bars, date marks, today; and the days
 * for the sentence that describes it (the dashboard's template says it; a day is null when that part is left out).
 */
public record Timeline(List<Bar> bars, List<Mark> marks, double today, String version, String featureFreezeFrom,
        String bugfixFreezeFrom, String releaseOn, String todayIs) {

    public static final double WIDTH = 600;
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    /** A window: x from, width, row y, css class ({@code feature} or {@code bugfix}). */
    public record Bar(double x, double width, double y, String css) {
    }

    /** A date: x, css class ({@code ff}, {@code bf}, {@code pi} or {@code release}), the day. */
    public record Mark(double x, String css, String day) {
    }

    public static Timeline of(Release release, Freeze freeze, Instant now) {
        FreezeWindows w = FreezeWindows.of(release, freeze);
        Instant kickoff = release.piKickoff() == null ? null : release.piKickoff().resolve(release.timezone());
        Instant start = now;
        Instant end = now;
        for (Instant i : new Instant[] { w.featureFreezeStart(), w.bugfixFreezeStart(), kickoff, w.releaseAt() }) {
            if (i != null) {
                start = i.isBefore(start) ? i : start;
                end = i.isAfter(end) ? i : end;
            }
        }
        start = start.minus(Duration.ofDays(7));
        end = end.plus(Duration.ofDays(7));
        double span = Math.max(1, Duration.between(start, end).toSeconds());
        Instant s = start;
        ToDoubleFunction<Instant> x = i -> Math.round(WIDTH * Duration.between(s, i).toSeconds() / span * 10) / 10.0;
        List<Bar> bars = new ArrayList<>();
        List<Mark> marks = new ArrayList<>();
        String featureFrom = null;
        String bugfixFrom = null;
        String releaseOn = null;
        if (w.featureFreezeStart() != null && w.releaseAt() != null) {
            bars.add(new Bar(x.applyAsDouble(w.featureFreezeStart()), x.applyAsDouble(w.releaseAt()) - x.applyAsDouble(w.featureFreezeStart()),
                    22, "feature"));
            featureFrom = DAY.format(w.featureFreezeStart());
            marks.add(new Mark(x.applyAsDouble(w.featureFreezeStart()), "ff", featureFrom));
        }
        if (w.bugfixFreezeStart() != null && w.releaseAt() != null) {
            bars.add(new Bar(x.applyAsDouble(w.bugfixFreezeStart()), x.applyAsDouble(w.releaseAt()) - x.applyAsDouble(w.bugfixFreezeStart()),
                    40, "bugfix"));
            bugfixFrom = DAY.format(w.bugfixFreezeStart());
            marks.add(new Mark(x.applyAsDouble(w.bugfixFreezeStart()), "bf", bugfixFrom));
        }
        if (kickoff != null) {
            marks.add(new Mark(x.applyAsDouble(kickoff), "pi", DAY.format(kickoff)));
        }
        if (w.releaseAt() != null) {
            releaseOn = DAY.format(w.releaseAt());
            marks.add(new Mark(x.applyAsDouble(w.releaseAt()), "release", releaseOn));
        }
        return new Timeline(bars, marks, x.applyAsDouble(now), release.version(), featureFrom, bugfixFrom, releaseOn, DAY.format(now));
    }
}
