package io.mojaloop.releasebot.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.mojaloop.releasebot.bot.Observed;
import io.mojaloop.releasebot.core.story.StoryFacts.Candidate;
import io.mojaloop.releasebot.core.story.StoryFacts.ComponentVersion;
import io.mojaloop.releasebot.core.story.StoryFacts.ExceptionGrant;
import io.mojaloop.releasebot.core.story.StoryFacts.Item;
import io.mojaloop.releasebot.core.contents.AuditSection;
import io.mojaloop.releasebot.core.contents.ContentsSection;
import io.mojaloop.releasebot.core.story.StoryView;

/**
 * What of an organisation the dashboard may show to someone it does not know: only what lives in public
 * repositories (a repository it cannot vouch for counts as private). An organisation whose {@code .github} repository
 * (where its configuration lives) is not public is not shown at all; of a release, the calendar, the verdict and the
 * gates' states are shown, and the story's link and each gate's evidence only when the story's repository is public;
 * candidates, exceptions and blocked PRs only from public repositories. It counts what it leaves out.
 */
final class PublicView {

    private final Set<String> publicRepositories;
    private final String web;
    private int hidden;

    /**
     * @param publicRepositories full names (any case) of the public repositories; null: everything may be shown
     * @param web where people read GitHub, to tell which repository a link points into
     */
    PublicView(Set<String> publicRepositories, String web) {
        this.publicRepositories = publicRepositories == null ? null
                : Set.copyOf(publicRepositories.stream().map(r -> r.toLowerCase(Locale.ROOT)).toList());
        this.web = web;
    }

    int hidden() {
        return hidden;
    }

    boolean showsEverything() {
        return publicRepositories == null;
    }

    /** Whether the repository may be named; counts it when not. */
    boolean repository(String fullName) {
        boolean shown = isPublic(fullName);
        if (!shown) {
            hidden++;
        }
        return shown;
    }

    private boolean isPublic(String fullName) {
        return publicRepositories == null || fullName != null && publicRepositories.contains(fullName.toLowerCase(Locale.ROOT));
    }

    boolean organisation(String org) {
        return repository(org + "/.github");
    }

    /** The repository of a story reference {@code owner/name#123}, or null. */
    static String storyRepository(String story) {
        if (story == null) {
            return null;
        }
        int hash = story.indexOf('#');
        return hash < 0 ? story : story.substring(0, hash);
    }

    /**
     * Whether a link may be shown: one into a repository on GitHub when that repository is public and where it was
     * found ({@code foundInPublic}) is too; any other link when where it was found is public. Counts it when not.
     */
    boolean link(String url, boolean foundInPublic) {
        boolean shown = linkIsPublic(url, foundInPublic);
        if (!shown) {
            hidden++;
        }
        return shown;
    }

    private boolean linkIsPublic(String url, boolean foundInPublic) {
        if (url == null || publicRepositories == null) {
            return true;
        }
        String repository = repositoryOf(url);
        return foundInPublic && (repository == null || isPublic(repository));
    }

    String repositoryOf(String url) {
        String prefix = web.endsWith("/") ? web : web + "/";
        if (!url.regionMatches(true, 0, prefix, 0, prefix.length())) {
            return null;
        }
        String[] parts = url.substring(prefix.length()).split("[/?#]");
        return parts.length >= 2 && !parts[0].isEmpty() && !parts[1].isEmpty() ? parts[0] + "/" + parts[1] : null;
    }

    List<Observed.BlockedPr> blocked(List<Observed.BlockedPr> blocked) {
        return blocked.stream().filter(b -> repository(b.repository())).toList();
    }

    /** The story's view with what may not be shown left out. */
    StoryView story(StoryView view, boolean storyPublic) {
        if (view == null || publicRepositories == null) {
            return view;
        }
        List<StoryView.GateRow> gates = new ArrayList<>();
        for (StoryView.GateRow g : view.gates()) {
            boolean evidence = g.evidenceUrl() == null ? storyPublic : link(g.evidenceUrl(), storyPublic);
            List<StoryView.Detail> details = storyPublic
                    ? g.details().stream().filter(d -> linkIsPublic(d.url(), true)).toList()
                    : List.of();
            gates.add(new StoryView.GateRow(g.gate(), g.status(), g.source(), evidence ? g.evidenceUrl() : null,
                    evidence ? g.by() : null, g.at(), evidence ? g.note() : null, items(g.bugs()), details, g.unread()));
        }
        List<Candidate> candidates = view.candidates().stream().filter(c -> repository(c.item().repository())).toList();
        List<ComponentVersion> helm = view.helmCandidates().stream().filter(h -> repository(h.repository())).toList();
        List<ExceptionGrant> exceptions = view.exceptions().stream().filter(e -> repository(e.pullRequest().repository())).toList();
        ComponentVersion released = view.released() != null && isPublic(view.released().repository()) ? view.released() : null;
        ContentsSection contents = view.contents() != null && view.contents().chartUrl() != null
                && linkIsPublic(view.contents().chartUrl(), true) ? view.contents() : null;
        AuditSection audit = view.audit() == null ? null : publicRows(view.audit());
        return new StoryView(view.release(), view.verdict(), gates, view.calendar(), candidates, helm, exceptions,
                items(view.blockingBugs()), versions(view.versions()), released, view.implementers(), view.candidatesUnread(),
                view.exceptionsUnread(), contents, audit);
    }

    /** The audit's counts, with only the rows of public repositories (the others are counted as hidden). */
    private AuditSection publicRows(AuditSection audit) {
        List<AuditSection.Row> rows = audit.rows().stream().filter(r -> linkIsPublic(r.url(), true)).toList();
        return new AuditSection(audit.checked(), rows, audit.hidden() + audit.rows().size() - rows.size(), audit.reviewRuleNotMet(),
                audit.reviewExceptions(), audit.freeze(), audit.fullUrl(), audit.unreadable());
    }

    /** Lists the dashboard does not draw: left out quietly. */
    private List<Item> items(List<Item> items) {
        return items == null ? List.of() : items.stream().filter(i -> isPublic(i.repository())).toList();
    }

    private List<ComponentVersion> versions(List<ComponentVersion> versions) {
        return versions == null ? List.of() : versions.stream().filter(v -> isPublic(v.repository())).toList();
    }
}
