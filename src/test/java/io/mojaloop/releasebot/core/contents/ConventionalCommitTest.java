package io.mojaloop.releasebot.core.contents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.mojaloop.releasebot.core.contents.ConventionalCommit.Group;

class ConventionalCommitTest {

    @Test
    void aMojaloopSquashTitle() {
        ConventionalCommit c = ConventionalCommit.parse("feat(mojaloop/#3122): bulk transfer expiry (#1172)\n\n* wip\n* tests");
        assertThat(c.title()).isEqualTo("feat(mojaloop/#3122): bulk transfer expiry (#1172)");
        assertThat(c.type()).isEqualTo("feat");
        assertThat(c.scope()).isEqualTo("mojaloop/#3122");
        assertThat(c.breaking()).isFalse();
        assertThat(c.description()).isEqualTo("bulk transfer expiry (#1172)");
        assertThat(c.group()).isEqualTo(Group.FEATURE);
        assertThat(c.issues()).containsExactly("mojaloop/project#3122");
        assertThat(ConventionalCommit.pullRequestInTitle(c.title())).isEqualTo(1172);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "feat(mojaloop/#3748): add fx | FEATURE",
            "fix(mojaloop/#2382): rounding | FIX",
            "feat(mojaloop/3058): no hash | FEATURE",
            "feat(mojaloop/#3130)!: drop the v1 API | BREAKING",
            "feat!: drop node 16 | BREAKING",
            "fix!: change the default | BREAKING",
            "chore!: new image layout | BREAKING",
            "chore(release): 18.19.1 [skip ci] | OTHER",
            "feat(auto): release candidate for Irrawaddy v17.0.0 | FEATURE",
            "docs: typo | OTHER",
            "refactor(core): split | OTHER",
            "perf: faster | OTHER",
            "Feat: capitalised type | FEATURE",
            "FIX(x): upper case type | FIX",
            "Merge pull request #12 from mojaloop/feature/x | OTHER",
            "Revert \"feat: x\" | OTHER",
            "update readme | OTHER",
            "feat : space before colon | OTHER",
            "feat(unclosed: scope | OTHER",
            "featfix | OTHER",
            "'' | OTHER"
    })
    void titlesAreGrouped(String title, Group group) {
        assertThat(ConventionalCommit.parse(title).group()).isEqualTo(group);
    }

    @Test
    void breakingChangeFooters() {
        assertThat(ConventionalCommit.parse("feat: new config\n\nBREAKING CHANGE: the env var is renamed").group()).isEqualTo(Group.BREAKING);
        assertThat(ConventionalCommit.parse("fix: x\n\nBREAKING-CHANGE: y").breaking()).isTrue();
        assertThat(ConventionalCommit.parse("chore: x\r\n\r\nBREAKING CHANGES: y").breaking()).isTrue();
        // squash bodies list the PR's commits as bullets
        assertThat(ConventionalCommit.parse("feat(mojaloop/#1): x (#5)\n\n* feat: a\n\n* BREAKING CHANGE: the API moved").breaking()).isTrue();
        assertThat(ConventionalCommit.parse("refactor: x\n\n  BREAKING CHANGE : spaced").breaking()).isTrue();
        // a title that is not a Conventional Commit can still break, by its footer
        ConventionalCommit odd = ConventionalCommit.parse("Update everything\n\nBREAKING CHANGE: all of it");
        assertThat(odd.type()).isNull();
        assertThat(odd.group()).isEqualTo(Group.BREAKING);
    }

    @Test
    void whatIsNotABreakingChangeFooter() {
        assertThat(ConventionalCommit.parse("feat: BREAKING CHANGE in the title is not a footer").breaking()).isFalse();
        assertThat(ConventionalCommit.parse("feat: x\n\nThis is not a BREAKING CHANGE: mid-line").breaking()).isFalse();
        assertThat(ConventionalCommit.parse("feat: x\n\nbreaking change: lower case").breaking()).isFalse();
        assertThat(ConventionalCommit.parse("feat: x\n\nBREAKING CHANGE without a colon").breaking()).isFalse();
    }

    @Test
    void issuesFromTheScope() {
        assertThat(ConventionalCommit.issuesInScope("mojaloop/#3122")).containsExactly("mojaloop/project#3122");
        assertThat(ConventionalCommit.issuesInScope("mojaloop/3058")).containsExactly("mojaloop/project#3058");
        assertThat(ConventionalCommit.issuesInScope("mojaloop/#3122, mojaloop/3123")).containsExactly("mojaloop/project#3122",
                "mojaloop/project#3123");
        assertThat(ConventionalCommit.issuesInScope("mojaloop/#3122,mojaloop/#3122")).containsExactly("mojaloop/project#3122");
        assertThat(ConventionalCommit.issuesInScope("mojaloop/#1 mojaloop/#2")).containsExactly("mojaloop/project#1", "mojaloop/project#2");
        assertThat(ConventionalCommit.issuesInScope("mojaloop/central-ledger#12")).containsExactly("mojaloop/central-ledger#12");
        assertThat(ConventionalCommit.issuesInScope("other-org/#7")).containsExactly("other-org/project#7");
        assertThat(ConventionalCommit.issuesInScope("release")).isEmpty();
        assertThat(ConventionalCommit.issuesInScope("#12")).isEmpty();
        assertThat(ConventionalCommit.issuesInScope("12")).isEmpty();
        assertThat(ConventionalCommit.issuesInScope("mojaloop/#0")).isEmpty();
        assertThat(ConventionalCommit.issuesInScope("mojaloop/#")).isEmpty();
        assertThat(ConventionalCommit.issuesInScope("mojaloop/#99999999999")).isEmpty();
        assertThat(ConventionalCommit.issuesInScope("")).isEmpty();
        assertThat(ConventionalCommit.issuesInScope(null)).isEmpty();
        assertThat(ConventionalCommit.parse("feat: no scope").issues()).isEmpty();
        assertThat(ConventionalCommit.parse("fix(mojaloop/3058): x").issues()).containsExactly("mojaloop/project#3058");
    }

    @Test
    void thePullRequestFromTheTitle() {
        assertThat(ConventionalCommit.pullRequestInTitle("fix: x (#123)")).isEqualTo(123);
        assertThat(ConventionalCommit.pullRequestInTitle("fix: x (#123)  ")).isEqualTo(123);
        assertThat(ConventionalCommit.pullRequestInTitle("fix: x (#12) (#123)")).isEqualTo(123);
        assertThat(ConventionalCommit.pullRequestInTitle("fix: handle #45 edge case (#123)")).isEqualTo(123);
        assertThat(ConventionalCommit.pullRequestInTitle("Merge pull request #77 from mojaloop/fix/x")).isEqualTo(77);
        assertThat(ConventionalCommit.pullRequestInTitle("fix: handle #45 edge case")).isNull();
        assertThat(ConventionalCommit.pullRequestInTitle("fix: x (#123) and more")).isNull();
        assertThat(ConventionalCommit.pullRequestInTitle("fix: x #123")).isNull();
        assertThat(ConventionalCommit.pullRequestInTitle("fix: x (#0)")).isNull();
        assertThat(ConventionalCommit.pullRequestInTitle("fix: x (#99999999999)")).isNull();
        assertThat(ConventionalCommit.pullRequestInTitle(null)).isNull();
        assertThat(ConventionalCommit.withoutPullRequest("fix: x (#123)")).isEqualTo("fix: x");
        assertThat(ConventionalCommit.withoutPullRequest("fix: x")).isEqualTo("fix: x");
    }

    @Test
    void anEntryTakesTheTitlesPullRequestBeforeTheAssociatedOne() {
        ConventionalCommit parsed = ConventionalCommit.parse("fix(mojaloop/#9): x (#5)");
        assertThat(ChangeEntry.of(new CompareResult.Commit("abc", "fix(mojaloop/#9): x (#5)", 6), parsed).pr()).isEqualTo(5);
        ConventionalCommit plain = ConventionalCommit.parse("fix: x");
        assertThat(ChangeEntry.of(new CompareResult.Commit("abc", "fix: x", 6), plain).pr()).isEqualTo(6);
        assertThat(ChangeEntry.of(new CompareResult.Commit("abc", "fix: x"), plain).pr()).isNull();
        ChangeEntry e = ChangeEntry.of(new CompareResult.Commit("abc", "fix(mojaloop/#9): x (#5)\n\nbody"), parsed);
        assertThat(e).isEqualTo(new ChangeEntry("fix(mojaloop/#9): x (#5)", "abc", 5, java.util.List.of("mojaloop/project#9")));
        assertThat(e.shortTitle()).isEqualTo("fix(mojaloop/#9): x");
    }

    @Test
    void anEmptyOrMissingMessage() {
        assertThat(ConventionalCommit.parse(null).title()).isEmpty();
        assertThat(ConventionalCommit.parse("\n\nbody only").title()).isEmpty();
        assertThat(ConventionalCommit.parse("   feat: indented   ").type()).isEqualTo("feat");
    }
}
