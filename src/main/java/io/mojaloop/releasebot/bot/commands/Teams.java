package io.mojaloop.releasebot.bot.commands;

import java.util.List;

/** Words for "who may do this" from a list of team slugs. Never an @mention: naming a team must not notify it. */
public final class Teams {

    private Teams() {
    }

    public static String describe(List<String> slugs) {
        if (slugs.isEmpty()) {
            return "nobody (no team is configured for it)";
        }
        StringBuilder out = new StringBuilder("members of ");
        for (int i = 0; i < slugs.size(); i++) {
            if (i > 0) {
                out.append(i == slugs.size() - 1 ? " or " : ", ");
            }
            out.append('`').append(slugs.get(i)).append('`');
        }
        return out.toString();
    }
}
