package io.mojaloop.releasebot.bot.commands;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.mojaloop.releasebot.bot.story.UpdateReleaseStory;
import io.mojaloop.releasebot.core.story.ReleaseVersion;
import io.mojaloop.releasebot.github.GitHub;

/**
 * {@code /release-candidate [version]} and {@code /release-candidate cancel}: release managers mark a PR or issue as
 * a release candidate with the labels {@code release-candidate} and {@code rc: <version>} (created when the
 * repository lacks them); cancel removes both. The release story lists what is labelled.
 */
@ApplicationScoped
public class DeclareReleaseCandidate extends TemplatedCommand {

    static final String RC_COLOUR = "0e8a16";
    static final String VERSION_COLOUR = "c2e0c6";

    @Inject
    UpdateReleaseStory stories;

    @Override
    public String name() {
        return "/release-candidate";
    }

    @Override
    public Where where() {
        return Where.ANYWHERE;
    }

    @Override
    public Access access() {
        return Access.releaseManagers();
    }

    @Override
    public Optional<String> refuseInput(CommandContext context) {
        String argument = context.line().arguments().strip();
        if (!argument.isEmpty() && !argument.equalsIgnoreCase("cancel") && ReleaseVersion.parse(argument).isEmpty()) {
            return Optional.of(usageProblem("notAVersion", Map.of("argument", argument)));
        }
        return Optional.empty();
    }

    @Override
    public void run(CommandContext context) throws IOException {
        String argument = context.line().arguments().strip();
        GitHub github = context.github();
        if (argument.equalsIgnoreCase("cancel")) {
            for (String name : github.labels(context.repository(), context.number())) {
                if (name.equals(UpdateReleaseStory.RC_LABEL) || name.startsWith(UpdateReleaseStory.RC_VERSION_LABEL_PREFIX)) {
                    github.removeLabel(context.repository(), context.number(), name);
                }
            }
        } else {
            ensureLabel(github, context.repository(), UpdateReleaseStory.RC_LABEL, RC_COLOUR,
                    texts.fragment(template(), "label", Map.of()));
            Optional<ReleaseVersion> version = argument.isEmpty() ? Optional.empty() : ReleaseVersion.parse(argument);
            if (version.isPresent()) {
                String versionLabel = UpdateReleaseStory.RC_VERSION_LABEL_PREFIX + version.get().text();
                ensureLabel(github, context.repository(), versionLabel, VERSION_COLOUR,
                        texts.fragment(template(), "versionLabel", Map.of()));
                context.addLabels(UpdateReleaseStory.RC_LABEL, versionLabel);
            } else {
                context.addLabels(UpdateReleaseStory.RC_LABEL);
            }
        }
        context.done();
        stories.request(context.installationId(), context.owner());
    }

    /** Creates the label with a colour when the repository does not have it yet. */
    static void ensureLabel(GitHub github, String repository, String name, String colour, String description) throws IOException {
        if (!github.labelExists(repository, name)) {
            github.createLabel(repository, name, colour, description);
        }
    }
}
