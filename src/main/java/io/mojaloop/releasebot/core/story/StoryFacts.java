package io.mojaloop.releasebot.core.story;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.mojaloop.releasebot.core.config.Freeze;
import io.mojaloop.releasebot.core.config.Gate;
import io.mojaloop.releasebot.core.config.Release;

/**
 * Everything GitHub says about one release, gathered by the edge for one rebuild of the story block.
 *
 * @param gateCommands authorised {@code /gate} commands on the story, oldest first
 * @param bugsByGate for each gate with an {@code issue-query}, the open issues it finds; a gate is absent when the
 *        search could not be run
 * @param candidates issues and PRs labelled {@code release-candidate}
 * @param exceptions review and freeze exceptions granted on PRs of the release's repositories
 * @param versions the latest release or pre-release of each release repository (absent when it has none)
 * @param helmReleases the {@code helm} repository's releases and pre-releases
 */
public record StoryFacts(Release release, Freeze freeze, List<Gate> gates, List<GateCommand> gateCommands,
        Map<String, List<Item>> bugsByGate, List<Candidate> candidates, List<ExceptionGrant> exceptions,
        List<ComponentVersion> versions, List<ComponentVersion> helmReleases, List<TtkEvidence> ttkReports,
        List<String> implementers, List<RepoStandard> standards, ReleaseNotes notes) {

    public StoryFacts(Release release, Freeze freeze, List<Gate> gates, List<GateCommand> gateCommands,
            Map<String, List<Item>> bugsByGate, List<Candidate> candidates, List<ExceptionGrant> exceptions,
            List<ComponentVersion> versions, List<ComponentVersion> helmReleases) {
        this(release, freeze, gates, gateCommands, bugsByGate, candidates, exceptions, versions, helmReleases, List.of(),
                io.mojaloop.releasebot.core.config.BotConfig.DEFAULT_IMPLEMENTERS, null, null);
    }

    /** A TTK report summary the bot posted on the story (read back from its own comment). */
    public record TtkEvidence(io.mojaloop.releasebot.core.report.TtkRecord record, java.time.Instant at, String commentUrl) {
    }

    /**
     * One repository's standards. {@code protection} is null when the app may not read branch protection
     * (no administration read permission); {@code missingChecks} lists required checks branch protection lacks.
     */
    public record RepoStandard(String repository, boolean codeowners, boolean license, Boolean protection,
            List<String> missingChecks) {
        public boolean failed() {
            return !codeowners || !license || Boolean.FALSE.equals(protection) || !missingChecks.isEmpty();
        }

        public boolean unknown() {
            return protection == null;
        }

        public String name() {
            return repository.substring(repository.indexOf('/') + 1);
        }
    }

    /** Where the release notes were found (url null when not found). */
    public record ReleaseNotes(String where, String url) {
        public boolean found() {
            return url != null;
        }
    }

    /** An issue or PR, as linked from the story. */
    public record Item(String repository, int number, String title, String url) {
        public String ref() {
            return repository.substring(repository.indexOf('/') + 1) + "#" + number;
        }
    }

    /** An issue or PR labelled {@code release-candidate}, with the versions of its {@code rc: <version>} labels. */
    public record Candidate(Item item, boolean pullRequest, List<String> versions) {
    }

    /** An exception granted on a PR. Kind: {@code review} or {@code freeze}. */
    public record ExceptionGrant(String kind, Item pullRequest, String grantedBy, String reason) {
    }

    /** A published release of a repository. */
    public record ComponentVersion(String repository, String tag, String url, boolean prerelease, Instant publishedAt) {
        public String name() {
            return repository.substring(repository.indexOf('/') + 1);
        }
    }
}
