package io.mojaloop.releasebot.bot.story;

import io.mojaloop.releasebot.core.bugs.BugTriage;
import io.mojaloop.releasebot.core.story.StoryFacts.Item;
import io.mojaloop.releasebot.github.model.Issue;

/** An issue or PR as the story links it. */
final class Items {

    private Items() {
    }

    static Item of(Issue issue) {
        return of(issue, null);
    }

    static Item of(Issue issue, BugTriage triage) {
        return new Item(issue.repository() == null ? "?/?" : issue.repository(), issue.number(), issue.title(), issue.htmlUrl(),
                triage);
    }
}
