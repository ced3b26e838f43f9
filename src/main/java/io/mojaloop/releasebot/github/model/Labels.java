package io.mojaloop.releasebot.github.model;

import java.util.List;

/** How GitHub matches a label by name: ignoring case ("Review-Exception" is the label "review-exception"). */
final class Labels {

    private Labels() {
    }

    static boolean carries(List<String> labels, String name) {
        return labels.stream().anyMatch(name::equalsIgnoreCase);
    }
}
