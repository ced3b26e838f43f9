package io.mojaloop.releasebot.bot.commands;

import java.io.IOException;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import io.mojaloop.releasebot.core.config.BotConfig;
import io.mojaloop.releasebot.github.Directory;
import io.mojaloop.releasebot.github.GitHubApi;
import io.mojaloop.releasebot.bot.story.UpdateReleaseStory;
import io.mojaloop.releasebot.render.Texts;
import io.mojaloop.releasebot.core.story.ReleaseVersion;

/**
 * {@code /release-candidate [version]} and {@code /release-candidate cancel}: release managers mark a PR or issue as
 * a release candidate with the labels {@code release-candidate} and {@code rc: <version>} (created when the
 * repository lacks them); cancel removes both. The release story lists what is labelled.
 */
@ApplicationScoped
public class DeclareReleaseCandidate implements BotCommand {

    static final String RC_COLOUR = "0e8a16";
    static final String VERSION_COLOUR = "c2e0c6";

    @Inject
    Directory directory;
    @Inject
    Texts texts;
    @Inject
    UpdateReleaseStory stories;

    @Override
    public String name() {
        return "/release-candidate";
    }

    @Override
    public String usage() {
        return texts.fragment(template(), "usage", Map.of());
    }

    @Override
    public String description() {
        return texts.fragment(template(), "description", Map.of());
    }

    @Override
    public Where where() {
        return Where.ANYWHERE;
    }

    @Override
    public String who(BotConfig config) {
        return texts.fragment(template(), "who", Map.of("config", config));
    }

    @Override
    public void run(CommandContext context) throws IOException {
        BotConfig config = context.config().config();
        String argument = context.line().arguments().strip();
        boolean cancel = argument.equalsIgnoreCase("cancel");
        ReleaseVersion version = null;
        if (!cancel && !argument.isEmpty()) {
            var parsed = ReleaseVersion.parse(argument);
            if (parsed.isEmpty()) {
                context.reply(texts.render("commands/usage.md", Map.of("command", this, "problem",
                        texts.fragment(template(), "notAVersion", Map.of("argument", argument)))));
                return;
            }
            version = parsed.get();
        }
        if (!directory.isReleaseManager(context.api(), context.owner(), config.releaseCandidates().approvers(),
                context.repository(), context.author())) {
            context.reply(texts.render("commands/refused.md", Map.of("command", this, "author", context.author(),
                    "who", who(config))));
            return;
        }
        GitHubApi api = context.api();
        if (cancel) {
            for (JsonNode label : api.getAll("/repos/" + context.repository() + "/issues/" + context.number() + "/labels")) {
                String name = label.path("name").asText("");
                if (name.equals(UpdateReleaseStory.RC_LABEL) || name.startsWith(UpdateReleaseStory.RC_VERSION_LABEL_PREFIX)) {
                    api.delete("/repos/" + context.repository() + "/issues/" + context.number() + "/labels/" + GitHubApi.encode(name));
                }
            }
        } else {
            ensureLabel(api, context.repository(), UpdateReleaseStory.RC_LABEL, RC_COLOUR, texts.fragment(template(), "label", Map.of()));
            if (version != null) {
                String versionLabel = UpdateReleaseStory.RC_VERSION_LABEL_PREFIX + version.text();
                ensureLabel(api, context.repository(), versionLabel, VERSION_COLOUR, texts.fragment(template(), "versionLabel", Map.of()));
                context.addLabels(UpdateReleaseStory.RC_LABEL, versionLabel);
            } else {
                context.addLabels(UpdateReleaseStory.RC_LABEL);
            }
        }
        context.done();
        stories.request(context.installationId(), context.owner());
    }

    /** Creates the label with a colour when the repository does not have it yet. */
    static void ensureLabel(GitHubApi api, String repository, String name, String colour, String description) throws IOException {
        if (api.find("/repos/" + repository + "/labels/" + GitHubApi.encode(name)).isEmpty()) {
            api.post("/repos/" + repository + "/labels", Map.of("name", name, "color", colour, "description", description));
        }
    }
}
