package io.mojaloop.releasebot.bot.story;

import io.mojaloop.releasebot.bot.Observed;
import io.mojaloop.releasebot.bot.checks.EvaluateReleaseFreeze;
import io.mojaloop.releasebot.bot.checks.EvaluateReviewRules;
import io.mojaloop.releasebot.bot.checks.ExceptionGrants;
import io.mojaloop.releasebot.github.ConfigService;
import io.mojaloop.releasebot.github.Directory;
import io.mojaloop.releasebot.github.GitHubApi;
import io.mojaloop.releasebot.github.GitHubApiException;
import io.mojaloop.releasebot.github.GitHubApiFactory;
import io.mojaloop.releasebot.github.GitHubWeb;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.kohsuke.github.GHEventPayload;

import com.fasterxml.jackson.databind.JsonNode;

import io.micrometer.core.instrument.MeterRegistry;
import io.mojaloop.releasebot.core.command.CommandLine;
import io.mojaloop.releasebot.core.config.BotConfig;
import io.mojaloop.releasebot.core.config.Gate;
import io.mojaloop.releasebot.core.config.ParsedConfig;
import io.mojaloop.releasebot.core.config.Release;
import io.mojaloop.releasebot.render.Texts;
import io.mojaloop.releasebot.render.TimeTexts;
import io.mojaloop.releasebot.core.story.GateCommand;
import io.mojaloop.releasebot.core.story.ReleaseReadiness;
import io.mojaloop.releasebot.core.story.ReleaseVersion;
import io.mojaloop.releasebot.core.story.StoryBlock;
import io.mojaloop.releasebot.core.story.StoryFacts;
import io.mojaloop.releasebot.core.story.StoryFacts.Candidate;
import io.mojaloop.releasebot.core.story.StoryFacts.ComponentVersion;
import io.mojaloop.releasebot.core.story.StoryFacts.ExceptionGrant;
import io.mojaloop.releasebot.core.story.StoryFacts.Item;
import io.mojaloop.releasebot.core.story.StoryView;
import io.quarkiverse.githubapp.event.Issue;
import io.quarkiverse.githubapp.event.PullRequest;

/**
 * Keeps each release's story issue current: gathers everything from GitHub (the story's {@code /gate} comments,
 * labels, exceptions, issue searches, releases), decides readiness with {@link ReleaseReadiness}, renders the block
 * and writes the issue body only when the block changed. Nothing is remembered: deleting the block and asking
 * again rebuilds the same text.
 * <p>
 * Events that may change a story (labels, issues opening and closing, releases, commands) ask for a refresh of
 * their organisation's stories; requests within {@code release-bot.story.debounce} are coalesced into one.
 */
@ApplicationScoped
public class UpdateReleaseStory {

    private static final Logger LOG = Logger.getLogger(UpdateReleaseStory.class);
    static final Pattern STORY = Pattern.compile("([^/\\s]+)/([^#\\s]+)#(\\d+)");

    public static final String RC_LABEL = "release-candidate";
    public static final String RC_VERSION_LABEL_PREFIX = "rc: ";

    @Inject
    GitHubApiFactory apis;
    @Inject
    GitHubWeb web;
    @Inject
    ConfigService configs;
    @Inject
    Directory directory;
    @Inject
    ExceptionGrants grants;
    @Inject
    Texts texts;
    @Inject
    Clock clock;
    @Inject
    MeterRegistry registry;
    @Inject
    Observed observed;

    @ConfigProperty(name = "quarkus.github-app.app-id", defaultValue = "0")
    String appId;

    @ConfigProperty(name = "quarkus.github-app.app-name", defaultValue = "mojaloop-release-bot")
    String appName;

    @ConfigProperty(name = "release-bot.story.debounce", defaultValue = "2s")
    Duration debounce;

    @ConfigProperty(name = "release-bot.story.follow-after-release", defaultValue = "14d")
    Duration followAfterRelease;

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "story-refresh");
        t.setDaemon(true);
        return t;
    });
    private final Set<String> pending = ConcurrentHashMap.newKeySet();

    // ---- triggers -------------------------------------------------------------------------------------------

    void onPullRequest(@PullRequest.Labeled @PullRequest.Unlabeled @PullRequest.Closed @PullRequest.Reopened
    GHEventPayload.PullRequest payload) {
        request(payload.getInstallation().getId(), payload.getRepository().getOwnerName());
    }

    void onIssue(@Issue.Opened @Issue.Closed @Issue.Reopened @Issue.Labeled @Issue.Unlabeled @Issue.Deleted
    @Issue.Transferred GHEventPayload.Issue payload) {
        request(payload.getInstallation().getId(), payload.getRepository().getOwnerName());
    }

    void onRelease(@io.quarkiverse.githubapp.event.Release.Published @io.quarkiverse.githubapp.event.Release.Prereleased
    @io.quarkiverse.githubapp.event.Release.Released @io.quarkiverse.githubapp.event.Release.Edited
    @io.quarkiverse.githubapp.event.Release.Deleted @io.quarkiverse.githubapp.event.Release.Unpublished GHEventPayload.Release payload) {
        request(payload.getInstallation().getId(), payload.getRepository().getOwnerName());
    }

    /** Asks for the organisation's stories to be rebuilt soon; several requests in a burst make one rebuild. */
    public void request(long installationId, String org) {
        String key = installationId + "/" + org.toLowerCase(Locale.ROOT);
        if (!pending.add(key)) {
            return;
        }
        timer.schedule(() -> {
            pending.remove(key);
            try {
                refreshAll(installationId, org);
            } catch (IOException | RuntimeException e) {
                LOG.errorf(e, "Release stories of %s could not be updated (the resync will heal)", org);
            }
        }, debounce.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Rebuilds every followed story of the organisation now. */
    public void refreshAll(long installationId, String org) throws IOException {
        GitHubApi api = apis.forInstallation(installationId);
        Optional<ParsedConfig> parsed = configs.forOrganisation(api, org);
        if (parsed.isEmpty() || !parsed.get().ok()) {
            return;
        }
        BotConfig config = parsed.get().config();
        Instant now = clock.instant();
        for (Release release : config.releases()) {
            if (release.story() == null || !followed(release, now)) {
                continue;
            }
            try {
                refresh(api, org, config, release);
            } catch (IOException | RuntimeException e) {
                LOG.errorf(e, "Story of %s (%s) could not be updated (the resync will heal)", release.version(), release.story());
            }
        }
    }

    boolean followed(Release release, Instant now) {
        if (release.releaseDate() == null) {
            return true;
        }
        return now.isBefore(release.releaseDate().resolve(release.timezone()).plus(followAfterRelease));
    }

    /**
     * True for a comment this app made (GitHub marks it with {@code performed_via_github_app}; the login is
     * {@code <app-name>[bot]}). Machine-readable lines are trusted only there.
     */
    public boolean isOwnComment(JsonNode comment) {
        JsonNode app = comment.path("performed_via_github_app").path("id");
        if (!app.isMissingNode() && !app.isNull()) {
            return app.asText().equals(appId);
        }
        JsonNode user = comment.path("user");
        return "Bot".equals(user.path("type").asText()) && user.path("login").asText("").equalsIgnoreCase(appName + "[bot]");
    }

    /** The release whose story is this issue, if any. */
    public static Optional<Release> releaseWithStory(BotConfig config, String repository, int number) {
        for (Release release : config.releases()) {
            if (release.story() != null && release.story().equalsIgnoreCase(repository + "#" + number)) {
                return Optional.of(release);
            }
        }
        return Optional.empty();
    }

    /** Rebuilds one story; returns true when the issue body was written. */
    public boolean refresh(GitHubApi api, String org, BotConfig config, Release release) throws IOException {
        Matcher m = STORY.matcher(release.story());
        if (!m.matches()) {
            return false;
        }
        String storyRepo = m.group(1) + "/" + m.group(2);
        int number = Integer.parseInt(m.group(3));
        Optional<JsonNode> issue = api.find("/repos/" + storyRepo + "/issues/" + number);
        if (issue.isEmpty()) {
            LOG.warnf("Story %s of %s does not exist (or the app is not installed on %s)", release.story(), release.version(), storyRepo);
            return false;
        }
        StoryFacts facts = gather(api, org, config, release, storyRepo, number);
        Instant now = clock.instant();
        StoryView view = ReleaseReadiness.evaluate(facts, now, web.base());
        observed.story(org, view, now);
        String block = texts.render("story/block.md", Map.of("s", view, "time", new TimeTexts(now)));
        String body = issue.get().path("body").asText("");
        String updated = StoryBlock.splice(body, block);
        registry.counter("release_bot_verdicts", "check", "story", "conclusion", view.verdict().name().toLowerCase(Locale.ROOT)).increment();
        if (updated.equals(body.replace("\r\n", "\n"))) {
            LOG.debugf("Story %s unchanged (%s)", release.story(), view.verdict());
            return false;
        }
        api.patch("/repos/" + storyRepo + "/issues/" + number, Map.of("body", updated));
        LOG.infof("Story %s of %s updated: %s", release.story(), release.version(), view.verdict());
        return true;
    }

    StoryFacts gather(GitHubApi api, String org, BotConfig config, Release release, String storyRepo, int number)
            throws IOException {
        // gate commands, by release managers, in the story's comments
        List<GateCommand> commands = new ArrayList<>();
        List<StoryFacts.TtkEvidence> reports = new ArrayList<>();
        Set<String> gateIds = new java.util.HashSet<>();
        config.gates().forEach(g -> gateIds.add(g.id()));
        for (JsonNode comment : api.getAll("/repos/" + storyRepo + "/issues/" + number + "/comments")) {
            if (isOwnComment(comment)) {
                var record = io.mojaloop.releasebot.core.report.TtkRecord.read(comment.path("body").asText(null));
                String created = comment.path("created_at").asText(null);
                record.ifPresent(r -> reports.add(new StoryFacts.TtkEvidence(r, created == null ? null : Instant.parse(created),
                        comment.path("html_url").asText(null))));
                continue;
            }
            Optional<CommandLine> line = CommandLine.parse(comment.path("body").asText(null));
            if (line.isEmpty() || !line.get().name().equals("/gate")) {
                continue;
            }
            GateCommand.Parsed parsed = GateCommand.parse(line.get().arguments());
            String author = comment.path("user").path("login").asText("");
            if (!parsed.ok() || !gateIds.contains(parsed.gateId()) || author.endsWith("[bot]")
                    || !directory.isReleaseManager(api, org, config.releaseCandidates().approvers(), storyRepo, author)) {
                continue;
            }
            String created = comment.path("created_at").asText(null);
            commands.add(new GateCommand(parsed.gateId(), parsed.action(), parsed.evidenceUrl(), parsed.note(), author,
                    created == null ? null : Instant.parse(created), comment.path("html_url").asText(null)));
        }
        // open issues found by each gate's query
        Map<String, List<Item>> bugs = new LinkedHashMap<>();
        for (Gate gate : config.gates()) {
            if (gate.issueQuery() == null) {
                continue;
            }
            try {
                bugs.put(gate.id(), search(api, gate.issueQuery()).stream().map(UpdateReleaseStory::item).toList());
            } catch (GitHubApiException e) {
                LOG.warnf("Issue search of gate %s failed: %s", gate.id(), e.getMessage());
            }
        }
        // release candidates
        List<Candidate> candidates = new ArrayList<>();
        for (JsonNode found : search(api, "org:" + org + " label:\"" + RC_LABEL + "\"")) {
            List<String> versions = new ArrayList<>();
            for (JsonNode label : found.path("labels")) {
                String name = label.path("name").asText("");
                if (name.startsWith(RC_VERSION_LABEL_PREFIX)) {
                    versions.add(name.substring(RC_VERSION_LABEL_PREFIX.length()).trim());
                }
            }
            boolean ours = versions.isEmpty() || versions.stream()
                    .anyMatch(v -> ReleaseVersion.parse(v).map(rv -> rv.belongsTo(release.version())).orElse(false));
            if (ours) {
                candidates.add(new Candidate(item(found), found.has("pull_request"), versions));
            }
        }
        // exceptions on PRs of the release's repositories
        List<ExceptionGrant> exceptions = new ArrayList<>();
        exceptions(api, org, release, "review", "review-exception", "/review-exception", config.reviews().exceptionApprovers(), exceptions);
        exceptions(api, org, release, "freeze", "freeze-exception", "/freeze-exception", config.freeze().exceptionApprovers(), exceptions);
        // published versions
        List<ComponentVersion> versions = new ArrayList<>();
        List<ComponentVersion> helm = new ArrayList<>();
        for (String repo : release.repos()) {
            String full = repo.contains("/") ? repo : org + "/" + repo;
            List<ComponentVersion> published = new ArrayList<>();
            for (JsonNode r : api.getAll("/repos/" + full + "/releases")) {
                if (r.path("draft").asBoolean(false)) {
                    continue;
                }
                String at = r.path("published_at").asText(null);
                published.add(new ComponentVersion(full, r.path("tag_name").asText(), r.path("html_url").asText(null),
                        r.path("prerelease").asBoolean(false), at == null ? null : Instant.parse(at)));
            }
            published.sort(java.util.Comparator.comparing(ComponentVersion::publishedAt,
                    java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())).reversed());
            if (!published.isEmpty()) {
                versions.add(published.get(0));
            }
            if (full.substring(full.indexOf('/') + 1).equalsIgnoreCase(ReleaseReadiness.HELM)) {
                helm.addAll(published);
            }
        }
        boolean wantsStandards = config.gates().stream().anyMatch(g -> g.kind() == io.mojaloop.releasebot.core.config.GateKind.REPO_STANDARDS);
        List<StoryFacts.RepoStandard> standards = wantsStandards ? standards(api, org, release) : null;
        StoryFacts.ReleaseNotes notes = null;
        for (Gate gate : config.gates()) {
            if (gate.kind() == io.mojaloop.releasebot.core.config.GateKind.RELEASE_NOTES) {
                notes = releaseNotes(api, org, release, gate, helm);
                break;
            }
        }
        return new StoryFacts(release, config.freeze(), config.gates(), commands, bugs, candidates, exceptions, versions, helm,
                reports, config.implementers(), standards, notes);
    }

    static final List<String> CODEOWNERS = List.of("CODEOWNERS", ".github/CODEOWNERS", "docs/CODEOWNERS");
    static final List<String> REQUIRED_CHECKS = List.of(EvaluateReviewRules.CHECK, EvaluateReleaseFreeze.CHECK);

    /** CODEOWNERS, LICENSE and the required checks of every repository of the release. */
    List<StoryFacts.RepoStandard> standards(GitHubApi api, String org, Release release) throws IOException {
        List<StoryFacts.RepoStandard> result = new ArrayList<>();
        for (String repo : release.repos()) {
            String full = repo.contains("/") ? repo : org + "/" + repo;
            Optional<JsonNode> info = api.find("/repos/" + full);
            if (info.isEmpty()) {
                result.add(new StoryFacts.RepoStandard(full, false, false, false, REQUIRED_CHECKS));
                continue;
            }
            String branch = info.get().path("default_branch").asText("main");
            boolean codeowners = false;
            for (String path : CODEOWNERS) {
                if (api.find("/repos/" + full + "/contents/" + path).isPresent()) {
                    codeowners = true;
                    break;
                }
            }
            boolean license = api.find("/repos/" + full + "/license").isPresent();
            Boolean protection;
            List<String> missing = new ArrayList<>();
            try {
                Optional<JsonNode> checks = api.find("/repos/" + full + "/branches/" + GitHubApi.encode(branch)
                        + "/protection/required_status_checks");
                if (checks.isEmpty()) {
                    protection = false;
                    missing.addAll(REQUIRED_CHECKS);
                } else {
                    protection = true;
                    Set<String> required = new java.util.HashSet<>();
                    checks.get().path("contexts").forEach(c -> required.add(c.asText()));
                    checks.get().path("checks").forEach(c -> required.add(c.path("context").asText()));
                    for (String check : REQUIRED_CHECKS) {
                        if (!required.contains(check)) {
                            missing.add(check);
                        }
                    }
                }
            } catch (GitHubApiException e) {
                if (e.status() != 403) {
                    throw e;
                }
                protection = null; // the app lacks administration read
            }
            result.add(new StoryFacts.RepoStandard(full, codeowners, license, protection, missing));
        }
        return result;
    }

    /** The release notes: the notes file on the helm repository's default branch, or a release body for the version. */
    StoryFacts.ReleaseNotes releaseNotes(GitHubApi api, String org, Release release, Gate gate, List<ComponentVersion> helm)
            throws IOException {
        String helmRepo = release.repos().stream()
                .filter(r -> r.substring(r.indexOf('/') + 1).equalsIgnoreCase(ReleaseReadiness.HELM))
                .map(r -> r.contains("/") ? r : org + "/" + r).findFirst().orElse(org + "/" + ReleaseReadiness.HELM);
        String path = gate.notesPath(release.version());
        Optional<JsonNode> file = api.find("/repos/" + helmRepo + "/contents/" + path);
        if (file.isPresent() && file.get().path("size").asLong(1) > 0) {
            return StoryFacts.ReleaseNotes.file(path, helmRepo, file.get().path("html_url").asText(
                    "https://github.com/" + helmRepo + "/blob/HEAD/" + path));
        }
        for (JsonNode r : api.getAll("/repos/" + helmRepo + "/releases")) {
            if (ReleaseVersion.sameTag(r.path("tag_name").asText(), release.version()) && !r.path("body").asText("").isBlank()) {
                return StoryFacts.ReleaseNotes.release(r.path("tag_name").asText(), r.path("draft").asBoolean(),
                        r.path("html_url").asText(null));
            }
        }
        return StoryFacts.ReleaseNotes.missing(path, helmRepo, release.version());
    }

    private void exceptions(GitHubApi api, String org, Release release, String kind, String label, String command,
            List<String> teams, List<ExceptionGrant> into) throws IOException {
        for (JsonNode pr : search(api, "org:" + org + " is:pr label:\"" + label + "\"")) {
            String repository = repositoryOf(pr);
            if (repository == null || !release.covers(repository)) {
                continue;
            }
            List<JsonNode> comments = api.getAll("/repos/" + repository + "/issues/" + pr.path("number").asInt() + "/comments");
            ExceptionGrants.Grant grant = grants.latest(api, org, teams, command, comments);
            into.add(new ExceptionGrant(kind, item(pr), grant == null ? null : grant.grantedBy(), grant == null ? null : grant.reason()));
        }
    }

    private static List<JsonNode> search(GitHubApi api, String query) throws IOException {
        return api.getAll("/search/issues?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
    }

    static String repositoryOf(JsonNode found) {
        String url = found.path("repository_url").asText("");
        int at = url.indexOf("/repos/");
        return at < 0 ? null : url.substring(at + "/repos/".length());
    }

    static Item item(JsonNode found) {
        String repository = repositoryOf(found);
        return new Item(repository == null ? "?/?" : repository, found.path("number").asInt(), found.path("title").asText(""),
                found.path("html_url").asText(null));
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }
}
