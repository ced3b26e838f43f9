package io.mojaloop.releasebot.github.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class PullRequestTest {

    static PullRequest labelled(String... labels) {
        return new PullRequest("mojaloop/central-ledger", 1, "open", false, "fix: x", new User("eve", false), "abc",
                "main", List.of(labels), null, null, null, null);
    }

    @Test
    void aLabelIsFoundWhateverItsCaseAsOnGitHub() {
        // a label created by hand as "Review-Exception" is the one the bot attaches when it adds "review-exception"
        assertThat(labelled("Review-Exception").hasLabel("review-exception")).isTrue();
        assertThat(labelled("review-exception").hasLabel("review-exception")).isTrue();
        assertThat(labelled("review-exceptions", "freeze-exception").hasLabel("review-exception")).isFalse();
        assertThat(labelled().hasLabel("review-exception")).isFalse();
    }

    @Test
    void anIssueFromASearchMatchesItsLabelsTheSameWay() {
        Issue found = new Issue("mojaloop/central-ledger", 1, "fix: x", "", "open", true, List.of("Freeze-Exception"), null,
                new User("eve", false));
        assertThat(found.hasLabel("freeze-exception")).isTrue();
        assertThat(found.hasLabel("review-exception")).isFalse();
    }
}
