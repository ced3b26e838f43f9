package io.mojaloop.releasebot.bot.story;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

import io.mojaloop.releasebot.bot.contents.ReadMergeAudit;
import io.mojaloop.releasebot.core.contents.Links;
import io.mojaloop.releasebot.core.contents.ReleaseContents;
import java.util.Map;

import io.mojaloop.releasebot.core.config.BotConfig;
import io.mojaloop.releasebot.core.config.Release;
import io.mojaloop.releasebot.core.story.GateCommand;
import io.mojaloop.releasebot.core.story.SearchProblem;
import io.mojaloop.releasebot.core.story.StoryFacts;
import io.mojaloop.releasebot.core.story.StoryFacts.Candidate;
import io.mojaloop.releasebot.core.story.StoryFacts.ComponentVersion;
import io.mojaloop.releasebot.core.story.StoryFacts.ExceptionGrant;
import io.mojaloop.releasebot.core.story.StoryFacts.Item;

/** What the evidence readers found for one story, collected into the core's {@link StoryFacts}. */
public final class StoryEvidence {

    final List<GateCommand> gateCommands = new ArrayList<>();
    final List<StoryFacts.TtkEvidence> ttkReports = new ArrayList<>();
    final Map<String, List<Item>> bugsByGate = new LinkedHashMap<>();
    final List<Candidate> candidates = new ArrayList<>();
    final List<ExceptionGrant> exceptions = new ArrayList<>();
    final List<ComponentVersion> versions = new ArrayList<>();
    final List<ComponentVersion> helmReleases = new ArrayList<>();
    final Map<String, SearchProblem> searchProblems = new LinkedHashMap<>();
    SearchProblem candidatesProblem;
    SearchProblem exceptionsProblem;
    List<StoryFacts.RepoStandard> standards;
    StoryFacts.ReleaseNotes notes;
    ReleaseContents contents;
    ReadMergeAudit.Result audit;

    /** A search was incomplete or failed in a way asking again may fix: the story is to be rebuilt again soon. */
    boolean worthRebuilding() {
        return searchProblems.values().stream().anyMatch(SearchProblem::worthRetrying)
                || (candidatesProblem != null && candidatesProblem.worthRetrying())
                || (exceptionsProblem != null && exceptionsProblem.worthRetrying());
    }

    StoryFacts facts(BotConfig config, Release release, Links links, String draftUrl) {
        StoryFacts.Contents read = contents == null ? null
                : new StoryFacts.Contents(contents, links, draftUrl, audit != null && audit.checked(),
                        audit == null ? List.of() : audit.merged(), audit == null ? List.of() : audit.unreadable());
        return new StoryFacts(release, config.freeze(), config.gates(), gateCommands, bugsByGate, candidates, exceptions,
                versions, helmReleases, ttkReports, config.implementers(), standards, notes, searchProblems, candidatesProblem,
                exceptionsProblem, read);
    }
}
