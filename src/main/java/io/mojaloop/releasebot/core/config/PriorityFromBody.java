package io.mojaloop.releasebot.core.config;

import java.util.List;
import java.util.Locale;

/**
 * An {@code issues} gate's {@code priority-from: body}: the gate blocks only on the issues its {@code issue-query}
 * finds whose body's {@code **Priority**:} field is one of {@code priorities} and, when {@code severities} is not
 * empty, whose {@code **Severity**:} field is one of those. Values are single words, kept in lower case.
 */
public record PriorityFromBody(List<String> priorities, List<String> severities) {

    public PriorityFromBody {
        priorities = priorities.stream().map(p -> p.toLowerCase(Locale.ROOT)).distinct().toList();
        severities = severities == null ? List.of() : severities.stream().map(s -> s.toLowerCase(Locale.ROOT)).distinct().toList();
    }

    public boolean readsSeverity() {
        return !severities.isEmpty();
    }
}
