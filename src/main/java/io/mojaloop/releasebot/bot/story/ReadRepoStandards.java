package io.mojaloop.releasebot.bot.story;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.mojaloop.releasebot.bot.checks.EvaluatePullRequest;
import io.mojaloop.releasebot.bot.checks.PullRequestCheck;
import io.mojaloop.releasebot.core.config.GateKind;
import io.mojaloop.releasebot.core.story.StoryFacts.RepoStandard;
import io.mojaloop.releasebot.github.GitHub;
import io.mojaloop.releasebot.github.model.BranchProtection;
import io.mojaloop.releasebot.github.model.Repository;

/**
 * CODEOWNERS, LICENSE and the bot's checks required by branch protection, in every repository of the release
 * (only when a gate asks for them). The required checks are every check the bot writes.
 */
@ApplicationScoped
public class ReadRepoStandards implements EvidenceReader {

    static final List<String> CODEOWNERS = List.of("CODEOWNERS", ".github/CODEOWNERS", "docs/CODEOWNERS");

    @Inject
    EvaluatePullRequest evaluations;

    @Override
    public void read(StoryScope scope, StoryEvidence into) throws IOException {
        if (scope.config().gates().stream().noneMatch(g -> g.kind() == GateKind.REPO_STANDARDS)) {
            return;
        }
        List<String> requiredChecks = requiredChecks();
        List<RepoStandard> result = new ArrayList<>();
        GitHub github = scope.github();
        for (String repo : scope.release().repos()) {
            String full = scope.fullName(repo);
            Optional<Repository> info = github.repository(full);
            if (info.isEmpty()) {
                result.add(new RepoStandard(full, false, false, false, requiredChecks));
                continue;
            }
            boolean codeowners = false;
            for (String path : CODEOWNERS) {
                if (github.file(full, path).isPresent()) {
                    codeowners = true;
                    break;
                }
            }
            boolean license = github.hasLicense(full);
            BranchProtection protection = github.requiredChecks(full, info.get().defaultBranch());
            List<String> missing = protection.kind() == BranchProtection.Kind.UNKNOWN ? List.of()
                    : requiredChecks.stream().filter(c -> !protection.requiredChecks().contains(c)).toList();
            Boolean protectedBranch = switch (protection.kind()) {
                case PROTECTED -> true;
                case UNPROTECTED -> false;
                case UNKNOWN -> null;
            };
            result.add(new RepoStandard(full, codeowners, license, protectedBranch, missing));
        }
        into.standards = result;
    }

    /** Every check the bot writes. */
    List<String> requiredChecks() {
        return evaluations.all().stream().map(PullRequestCheck::name).toList();
    }
}
