package io.mojaloop.releasebot.bot.contents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.mojaloop.releasebot.core.config.BotConfig;
import io.mojaloop.releasebot.core.config.ConfigLoader;
import io.mojaloop.releasebot.core.contents.Audit;
import io.mojaloop.releasebot.core.contents.ContentsExamples;
import io.mojaloop.releasebot.core.contents.ReleaseContents;
import io.mojaloop.releasebot.github.InMemoryGitHub;
import io.mojaloop.releasebot.github.model.CheckRun;
import io.mojaloop.releasebot.github.model.PullRequest;
import io.mojaloop.releasebot.github.model.User;

/**
 * The audit's facts from GitHub, on the contents of the real umbrella chart ({@link ContentsExamples}): its changes
 * name central-ledger #1172, #1173, #1180 and #1183, ml-api-adapter #512, #515, #517, quoting-service #407, #409.
 */
class ReadMergeAuditTest {

    static final BotConfig CONFIG = ConfigLoader.parseOrg("release-bot.yml", """
            releases:
              - version: v17.2.0
                feature-freeze: 2027-01-04
                bugfix-freeze: 2027-01-18
                release-date: 2027-01-25
                story: mojaloop/project#4300
                repos: [central-ledger, ml-api-adapter, helm]
            """).config();

    final InMemoryGitHub github = new InMemoryGitHub();
    final ReadMergeAudit reader = new ReadMergeAudit();
    final ReleaseContents contents = ContentsExamples.contents();

    static PullRequest merged(String repo, int number, String title, String head, String at, String by, String... labels) {
        return new PullRequest("mojaloop/" + repo, number, "closed", false, title, new User("dev", false), head, "main",
                List.of(labels), "https://github.com/mojaloop/" + repo + "/pull/" + number, Instant.parse(at), by, "m" + number);
    }

    void run(String repo, String head, String conclusion) {
        github.checkRuns.put("mojaloop/" + repo + "#" + head, List.of(new CheckRun(1, "review-rules", head, "completed", conclusion, 42L, null)));
    }

    void seed() {
        github.pullRequest(merged("central-ledger", 1172, "feat(mojaloop/#3122): timeout handler distributed lock (#1172)", "h1172",
                "2026-12-10T10:00:00Z", "alice"));
        run("central-ledger", "h1172", "success");
        github.pullRequest(merged("central-ledger", 1180, "feat(mojaloop/#3130)!: settlement models move to the admin API (#1180)", "h1180",
                "2027-01-06T10:00:00Z", "bob"));
        run("central-ledger", "h1180", "failure");
        github.pullRequest(merged("ml-api-adapter", 517, "fix: handle callbacks (#517)", "h517", "2027-01-20T10:00:00Z", "carol",
                "review-exception"));
        run("ml-api-adapter", "h517", "success");
        github.pullRequest(merged("ml-api-adapter", 512, "fix(mojaloop/#3529): headers (#512)", "h512", "2027-01-19T10:00:00Z", "dave",
                "freeze-exception"));
        run("ml-api-adapter", "h512", "success");
        // #1173 is not merged; #515 has no run of the bot; #1183 and quoting-service are outside the release's repos
        github.pullRequest(new PullRequest("mojaloop/central-ledger", 1173, "open", false, "fix: broker (#1173)", new User("dev", false),
                "h1173", "main", List.of(), "u", null, null, null));
        github.pullRequest(merged("ml-api-adapter", 515, "chore(deps): bump axios (#515)", "h515", "2026-12-01T10:00:00Z", "erin"));
    }

    @Test
    void eachMergedPullRequestOfTheReleasesRepositories() {
        seed();
        ReadMergeAudit.Result result = reader.read("mojaloop", CONFIG, CONFIG.releases().get(0), contents, github);
        assertThat(result.checked()).isTrue();
        assertThat(result.merged()).extracting(Audit.MergedPullRequest::number).containsExactlyInAnyOrder(1172, 1180, 517, 512, 515);
        assertThat(github.calls).noneMatch(c -> c.contains("quoting-service"));
        List<Audit.Row> rows = Audit.rows(result.merged());
        assertThat(rows).extracting(r -> r.pr().number() + " " + r.reasons()).containsExactly(
                "1180 [REVIEW_RULE_NOT_MET, FREEZE]",
                "515 [REVIEW_RULE_NOT_MET]",
                "517 [REVIEW_EXCEPTION, FREEZE]");
        Audit.MergedPullRequest pr1180 = result.merged().stream().filter(p -> p.number() == 1180).findFirst().orElseThrow();
        assertThat(pr1180.mergedBy()).isEqualTo("bob");
        assertThat(pr1180.mergedHead()).isEqualTo("h1180");
        assertThat(pr1180.freezeWindow()).isEqualTo("FEATURE_FREEZE");
    }

    @Test
    void aMergedPullRequestIsReadOnceItsRunIsComplete() {
        seed();
        reader.read("mojaloop", CONFIG, CONFIG.releases().get(0), contents, github);
        int first = github.calls.size();
        reader.read("mojaloop", CONFIG, CONFIG.releases().get(0), contents, github);
        // again: only what was not final: the open #1173, #1183 (not found) and #515 (no run of the bot yet: PR and runs)
        assertThat(github.calls.subList(first, github.calls.size())).containsExactlyInAnyOrder(
                "pullRequest mojaloop/central-ledger 1173", "pullRequest mojaloop/central-ledger 1183",
                "pullRequest mojaloop/ml-api-adapter 515", "ownCheckRuns mojaloop/ml-api-adapter h515");
    }

    @Test
    void unknownContentsAreNotAudited() {
        ReleaseContents unknown = new ReleaseContents("v17.2.0", "helm", "mojaloop/Chart.yaml", null, null, false, false, List.of(),
                List.of());
        ReadMergeAudit.Result result = reader.read("mojaloop", CONFIG, CONFIG.releases().get(0), unknown, github);
        assertThat(result.checked()).isFalse();
        assertThat(github.calls).isEmpty();
    }

    @Test
    void aPullRequestThatCannotBeReadMakesTheAuditIncomplete() {
        InMemoryGitHub failing = new InMemoryGitHub() {
            @Override
            public java.util.Optional<PullRequest> pullRequest(String repository, int number) {
                if (number == 1180) {
                    throw new java.io.UncheckedIOException(new java.io.IOException("timed out"));
                }
                return super.pullRequest(repository, number);
            }
        };
        ReadMergeAudit.Result result = reader.read("mojaloop", CONFIG, CONFIG.releases().get(0), contents, failing);
        assertThat(result.checked()).isTrue();
        assertThat(result.unreadable()).containsExactly("mojaloop/central-ledger#1180");
    }
}
