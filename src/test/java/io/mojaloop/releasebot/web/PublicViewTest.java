package io.mojaloop.releasebot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.mojaloop.releasebot.bot.Observed;
import io.mojaloop.releasebot.core.config.Gate;
import io.mojaloop.releasebot.core.story.StoryFacts.Candidate;
import io.mojaloop.releasebot.core.story.StoryFacts.ExceptionGrant;
import io.mojaloop.releasebot.core.story.StoryFacts.Item;
import io.mojaloop.releasebot.core.contents.Audit;
import io.mojaloop.releasebot.core.contents.AuditSection;
import io.mojaloop.releasebot.core.contents.ContentsExamples;
import io.mojaloop.releasebot.core.contents.ContentsSection;
import io.mojaloop.releasebot.core.contents.Links;
import io.mojaloop.releasebot.core.story.StoryView;
import io.mojaloop.releasebot.github.InMemoryGitHub;
import io.mojaloop.releasebot.github.model.Repository;

class PublicViewTest {

    static final String WEB = "https://github.com";

    @Test
    void onlyTheInstallationsPublicRepositoriesCount() {
        InMemoryGitHub github = new InMemoryGitHub();
        github.repositories.put("a", new Repository("org/.github", "main", false, false));
        github.repositories.put("b", new Repository("org/Open", "main", false, false));
        github.repositories.put("c", new Repository("org/secret", "main", false, true));
        assertThat(DashboardReads.publicRepositories(github, "org")).containsExactlyInAnyOrder("org/.github", "org/open");
    }

    @Test
    void privateAndUnknownRepositoriesAreLeftOutAndCounted() {
        PublicView view = new PublicView(Set.of("org/.github", "org/open"), WEB);
        assertThat(view.organisation("ORG")).isTrue();
        List<Observed.BlockedPr> blocked = view.blocked(List.of(
                new Observed.BlockedPr("org/open", 1, "review-rules", "t", Instant.EPOCH),
                new Observed.BlockedPr("org/secret", 2, "review-rules", "t", Instant.EPOCH),
                new Observed.BlockedPr("other/unlisted", 3, "review-rules", "t", Instant.EPOCH)));
        assertThat(blocked).extracting(Observed.BlockedPr::repository).containsExactly("org/open");
        assertThat(view.hidden()).isEqualTo(2);
        assertThat(new PublicView(Set.of("org/open"), WEB).organisation("org")).isFalse();
    }

    @Test
    void aStoryShowsOnlyWhatPublicRepositoriesHold() {
        PublicView view = new PublicView(Set.of("org/.github", "org/project", "org/open"), WEB);
        Gate gate = new Gate("golden-path", "Golden path", "GP", null);
        StoryView story = new StoryView(null, StoryView.Verdict.BLOCKED,
                List.of(new StoryView.GateRow(gate, StoryView.GateStatus.PASSED, "command",
                                WEB + "/org/project/issues/4#issuecomment-1", "henry", Instant.EPOCH, null, List.of()),
                        new StoryView.GateRow(gate, StoryView.GateStatus.PASSED, "command",
                                WEB + "/org/secret/actions/runs/7", "henry", Instant.EPOCH, null, List.of()),
                        new StoryView.GateRow(gate, StoryView.GateStatus.PASSED, "command",
                                "https://ci.example/7", "henry", Instant.EPOCH, null, List.of())),
                List.of(),
                List.of(new Candidate(new Item("org/open", 1, "rc", WEB + "/org/open/pull/1"), true, List.of("v1")),
                        new Candidate(new Item("org/secret", 2, "rc", WEB + "/org/secret/pull/2"), true, List.of("v1"))),
                List.of(),
                List.of(new ExceptionGrant("freeze", new Item("org/secret", 3, "x", WEB + "/org/secret/pull/3"), "henry", "private reason")),
                List.of(), List.of(), null, List.of());

        StoryView shown = view.story(story, true);
        assertThat(shown.gates()).extracting(StoryView.GateRow::evidenceUrl)
                .containsExactly(WEB + "/org/project/issues/4#issuecomment-1", null, "https://ci.example/7");
        assertThat(shown.gates()).extracting(StoryView.GateRow::status).containsOnly(StoryView.GateStatus.PASSED);
        assertThat(shown.candidates()).extracting(c -> c.item().repository()).containsExactly("org/open");
        assertThat(shown.exceptions()).isEmpty();

        // a story in a private repository: its evidence is private too, even links elsewhere
        StoryView fromPrivate = new PublicView(Set.of("org/.github", "org/open"), WEB).story(story, false);
        assertThat(fromPrivate.gates()).extracting(StoryView.GateRow::evidenceUrl).containsOnlyNulls();
        assertThat(fromPrivate.gates()).extracting(StoryView.GateRow::by).containsOnlyNulls();

        // the page behind authentication shows it all
        assertThat(new PublicView(null, WEB).story(story, false)).isSameAs(story);
    }

    @Test
    void contentsOnlyFromAPublicUmbrellaAndAuditRowsOnlyOfPublicRepositories() {
        ContentsSection contents = ContentsSection.of(ContentsExamples.contents(), new Links(WEB, "org"), null);
        List<Audit.MergedPullRequest> merged = List.of(
                new Audit.MergedPullRequest("org/open", 1, "fix: a (#1)", WEB + "/org/open/pull/1", "ann", "a1", "failure", false, null, false),
                new Audit.MergedPullRequest("org/secret", 2, "fix: private words (#2)", WEB + "/org/secret/pull/2", "bob", "b2", null, false,
                        null, false));
        AuditSection audit = AuditSection.of(true, Audit.rows(merged), null);
        StoryView story = new StoryView(null, StoryView.Verdict.PENDING, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), null, List.of(), contents, audit);

        StoryView shown = new PublicView(Set.of("org/.github", "org/helm", "org/open"), WEB).story(story, true);
        assertThat(shown.contents()).isSameAs(contents);
        assertThat(shown.audit().rows()).extracting(AuditSection.Row::ref).containsExactly("open#1");
        assertThat(shown.audit().hidden()).isEqualTo(1);
        assertThat(shown.audit().listed()).isEqualTo(2);

        StoryView privateUmbrella = new PublicView(Set.of("org/.github", "org/open"), WEB).story(story, true);
        assertThat(privateUmbrella.contents()).isNull();
    }
}
