package io.mojaloop.releasebot.core.story;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.mojaloop.releasebot.core.bugs.BugTriage;
import io.mojaloop.releasebot.core.config.Freeze;
import io.mojaloop.releasebot.core.config.Gate;
import io.mojaloop.releasebot.core.config.Release;
import io.mojaloop.releasebot.core.contents.Audit;
import io.mojaloop.releasebot.core.contents.Links;
import io.mojaloop.releasebot.core.contents.ReleaseContents;

/**
 * Everything GitHub says about one release, gathered by the edge for one rebuild of the story block.
 *
 * @param gateCommands authorised {@code /gate} commands on the story, oldest first
 * @param bugsByGate for each gate with an {@code issue-query}, the open issues it finds (each with its
 *        {@link Item#triage()} when the gate reads priorities from bodies); a gate is absent when the search could
 *        not be run
 * @param candidates issues and PRs labelled {@code release-candidate}
 * @param exceptions review and freeze exceptions granted on PRs of the release's repositories
 * @param versions the latest release or pre-release of each release repository (absent when it has none)
 * @param helmReleases the {@code helm} repository's releases and pre-releases
 * @param searchProblems for each gate whose issue search was incomplete or failed, why (absent when it answered in
 *        full)
 * @param candidatesProblem why the search for release candidates was incomplete or failed; null when it answered
 * @param exceptionsProblem the same for the searches for exception labels
 */
public record StoryFacts(Release release, Freeze freeze, List<Gate> gates, List<GateCommand> gateCommands,
        Map<String, List<Item>> bugsByGate, List<Candidate> candidates, List<ExceptionGrant> exceptions,
        List<ComponentVersion> versions, List<ComponentVersion> helmReleases, List<TtkEvidence> ttkReports,
        List<String> implementers, List<RepoStandard> standards, ReleaseNotes notes,
        Map<String, SearchProblem> searchProblems, SearchProblem candidatesProblem, SearchProblem exceptionsProblem,
        Contents contents) {

    public StoryFacts {
        searchProblems = searchProblems == null ? Map.of() : Map.copyOf(searchProblems);
    }

    /** Facts without the release's contents (not read by this caller). */
    public StoryFacts(Release release, Freeze freeze, List<Gate> gates, List<GateCommand> gateCommands,
            Map<String, List<Item>> bugsByGate, List<Candidate> candidates, List<ExceptionGrant> exceptions,
            List<ComponentVersion> versions, List<ComponentVersion> helmReleases, List<TtkEvidence> ttkReports,
            List<String> implementers, List<RepoStandard> standards, ReleaseNotes notes,
            Map<String, SearchProblem> searchProblems, SearchProblem candidatesProblem, SearchProblem exceptionsProblem) {
        this(release, freeze, gates, gateCommands, bugsByGate, candidates, exceptions, versions, helmReleases, ttkReports,
                implementers, standards, notes, searchProblems, candidatesProblem, exceptionsProblem, null);
    }

    public StoryFacts(Release release, Freeze freeze, List<Gate> gates, List<GateCommand> gateCommands,
            Map<String, List<Item>> bugsByGate, List<Candidate> candidates, List<ExceptionGrant> exceptions,
            List<ComponentVersion> versions, List<ComponentVersion> helmReleases, List<TtkEvidence> ttkReports,
            List<String> implementers, List<RepoStandard> standards, ReleaseNotes notes) {
        this(release, freeze, gates, gateCommands, bugsByGate, candidates, exceptions, versions, helmReleases, ttkReports,
                implementers, standards, notes, Map.of(), null, null, null);
    }

    /**
     * What the release is (its umbrella chart's components and their changes) and the audit of the PRs in those
     * changes.
     *
     * @param links where GitHub's pages are, for the story's links
     * @param draftUrl where the full draft notes are served (null: no public address of the bot is configured)
     * @param auditChecked false when the audit could not be made (the contents are unknown)
     * @param merged the merged PRs of the release's repositories that the changes name
     * @param unreadable PRs that could not be read: the audit is incomplete without them
     */
    public record Contents(ReleaseContents contents, Links links, String draftUrl, boolean auditChecked,
            List<Audit.MergedPullRequest> merged, List<String> unreadable) {
        public Contents {
            merged = List.copyOf(merged);
            unreadable = List.copyOf(unreadable);
        }
    }

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

        /** What a repository can lack. */
        public enum Problem {
            /** No CODEOWNERS at the root, in .github/ or in docs/. */
            NO_CODEOWNERS,
            NO_LICENSE,
            /** The default branch is not protected. */
            UNPROTECTED,
            /** Branch protection does not require all of the bot's checks ({@link RepoStandard#missingChecks()}). */
            MISSING_CHECKS
        }

        /** What this repository lacks, in that order; empty when nothing. */
        public List<Problem> problems() {
            List<Problem> problems = new java.util.ArrayList<>();
            if (!codeowners) {
                problems.add(Problem.NO_CODEOWNERS);
            }
            if (!license) {
                problems.add(Problem.NO_LICENSE);
            }
            if (Boolean.FALSE.equals(protection)) {
                problems.add(Problem.UNPROTECTED);
            }
            if (!missingChecks.isEmpty()) {
                problems.add(Problem.MISSING_CHECKS);
            }
            return problems;
        }

        public boolean failed() {
            return !problems().isEmpty();
        }

        public boolean unknown() {
            return protection == null;
        }

        public String name() {
            return repository.substring(repository.indexOf('/') + 1);
        }
    }

    /**
     * Where the release notes were found, or where they were looked for (url null when not found).
     *
     * @param source a notes file, a GitHub release with a body, or neither
     * @param path the notes file's path in {@code repository} (looked for when {@code source} is not FILE)
     * @param tag the GitHub release's tag (the release's version when nothing was found)
     * @param draft the GitHub release is a draft
     */
    public record ReleaseNotes(Source source, String path, String repository, String tag, boolean draft, String url, String text) {

        public enum Source {
            FILE, RELEASE, NONE
        }

        public static ReleaseNotes file(String path, String repository, String url) {
            return file(path, repository, url, null);
        }

        /** @param text the notes' text (null when it could not be read) */
        public static ReleaseNotes file(String path, String repository, String url, String text) {
            return new ReleaseNotes(Source.FILE, path, repository, null, false, url, text);
        }

        public static ReleaseNotes release(String tag, boolean draft, String url) {
            return release(tag, draft, url, null);
        }

        public static ReleaseNotes release(String tag, boolean draft, String url, String text) {
            return new ReleaseNotes(Source.RELEASE, null, null, tag, draft, url, text);
        }

        public static ReleaseNotes missing(String path, String repository, String version) {
            return new ReleaseNotes(Source.NONE, path, repository, version, false, null, null);
        }

        public boolean found() {
            return url != null;
        }
    }

    /**
     * An issue or PR, as linked from the story. {@code triage} is what its body says of its priority (and severity)
     * when it was found by a {@code priority-from: body} gate; null otherwise.
     */
    public record Item(String repository, int number, String title, String url, BugTriage triage) {

        public Item(String repository, int number, String title, String url) {
            this(repository, number, title, url, null);
        }

        public String ref() {
            return repository.substring(repository.indexOf('/') + 1) + "#" + number;
        }

        /** The issue blocks the gate that found it: every issue does, unless its body's priority says otherwise. */
        public boolean blocks() {
            return triage == null || triage.blocks();
        }
    }

    /** An issue or PR labelled {@code release-candidate}, with the versions of its {@code rc: <version>} labels. */
    public record Candidate(Item item, boolean pullRequest, List<String> versions) {
    }

    /**
     * An exception on a PR. Kind: {@code review} or {@code freeze}. {@code grantedBy} and {@code reason} are null when
     * the PR carries the exception's label but nobody allowed to grant it commented the command.
     */
    public record ExceptionGrant(String kind, Item pullRequest, String grantedBy, String reason) {
        public boolean granted() {
            return grantedBy != null;
        }
    }

    /** A published release of a repository. */
    public record ComponentVersion(String repository, String tag, String url, boolean prerelease, Instant publishedAt) {
        public String name() {
            return repository.substring(repository.indexOf('/') + 1);
        }
    }
}
