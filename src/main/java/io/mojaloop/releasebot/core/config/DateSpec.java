package io.mojaloop.releasebot.core.config;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * A date as written in the config: either a day ({@code 2027-01-18}, meaning the start of that day in the
 * release's time zone) or an instant with an offset ({@code 2027-01-18T09:00:00+02:00}).
 */
public sealed interface DateSpec {

    Instant resolve(ZoneId zone);

    /** A whole day: it starts at the first instant of that day in the release's time zone. */
    record Day(LocalDate date) implements DateSpec {
        @Override
        public Instant resolve(ZoneId zone) {
            return date.atStartOfDay(zone).toInstant();
        }

        @Override
        public String toString() {
            return date.toString();
        }
    }

    /** An exact instant, carrying its own offset. */
    record At(OffsetDateTime dateTime) implements DateSpec {
        @Override
        public Instant resolve(ZoneId zone) {
            return dateTime.toInstant();
        }

        @Override
        public String toString() {
            return dateTime.toString();
        }
    }

    /** Parses a day or an offset date-time; returns null when the text is neither. */
    static DateSpec parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim();
        try {
            return new Day(LocalDate.parse(t));
        } catch (RuntimeException notADay) {
            try {
                return new At(OffsetDateTime.parse(t));
            } catch (RuntimeException notAnInstant) {
                return null;
            }
        }
    }
}
