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

/** A release's calendar laid out for an inline SVG (viewBox 0 0 600 96): window bars, date marks, today. */
public record Timeline(List<Bar> bars, List<Mark> marks, double today, String description) {

    public static final double WIDTH = 600;
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    /** A window: x from, width, row y, css class, label. */
    public record Bar(double x, double width, double y, String css, String label) {
    }

    /** A date: x, label. */
    public record Mark(double x, String label, String css) {
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
        StringBuilder text = new StringBuilder(release.version());
        if (w.featureFreezeStart() != null && w.releaseAt() != null) {
            bars.add(new Bar(x.applyAsDouble(w.featureFreezeStart()), x.applyAsDouble(w.releaseAt()) - x.applyAsDouble(w.featureFreezeStart()),
                    22, "feature", "Feature freeze"));
            marks.add(new Mark(x.applyAsDouble(w.featureFreezeStart()), "FF " + DAY.format(w.featureFreezeStart()), "ff"));
            text.append(": feature freeze from ").append(DAY.format(w.featureFreezeStart()));
        }
        if (w.bugfixFreezeStart() != null && w.releaseAt() != null) {
            bars.add(new Bar(x.applyAsDouble(w.bugfixFreezeStart()), x.applyAsDouble(w.releaseAt()) - x.applyAsDouble(w.bugfixFreezeStart()),
                    40, "bugfix", "Bug-fix freeze"));
            marks.add(new Mark(x.applyAsDouble(w.bugfixFreezeStart()), "BF " + DAY.format(w.bugfixFreezeStart()), "bf"));
            text.append(", bug-fix freeze from ").append(DAY.format(w.bugfixFreezeStart()));
        }
        if (kickoff != null) {
            marks.add(new Mark(x.applyAsDouble(kickoff), "PI " + DAY.format(kickoff), "pi"));
        }
        if (w.releaseAt() != null) {
            marks.add(new Mark(x.applyAsDouble(w.releaseAt()), "Release " + DAY.format(w.releaseAt()), "release"));
            text.append(", release on ").append(DAY.format(w.releaseAt()));
        }
        text.append("; today is ").append(DAY.format(now));
        return new Timeline(bars, marks, x.applyAsDouble(now), text.toString());
    }
}
