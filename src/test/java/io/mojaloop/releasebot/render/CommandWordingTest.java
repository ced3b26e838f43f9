package io.mojaloop.releasebot.render;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.mojaloop.releasebot.bot.commands.BotCommand;
import io.mojaloop.releasebot.bot.commands.CommandRouter;
import io.mojaloop.releasebot.bot.commands.DeclareReleaseCandidate;
import io.mojaloop.releasebot.bot.commands.GrantFreezeException;
import io.mojaloop.releasebot.bot.commands.GrantReviewException;
import io.mojaloop.releasebot.bot.commands.Help;
import io.mojaloop.releasebot.bot.commands.RecordGate;
import io.mojaloop.releasebot.bot.commands.RefreshReleaseStatus;
import io.mojaloop.releasebot.core.command.CommandLine;
import io.mojaloop.releasebot.core.config.AffiliationFallback;
import io.mojaloop.releasebot.core.config.BotConfig;
import io.mojaloop.releasebot.core.config.ConfigProblem;
import io.mojaloop.releasebot.core.config.Freeze;
import io.mojaloop.releasebot.core.config.Gate;
import io.mojaloop.releasebot.core.config.ReleaseCandidates;
import io.mojaloop.releasebot.core.config.Reviews;
import io.mojaloop.releasebot.core.story.GateCommand;
import io.quarkus.test.junit.QuarkusTest;

/** Every reply a command gives, with and without teams configured, compared with {@code wording/commands.md}. */
@QuarkusTest
class CommandWordingTest {

    @Inject
    Texts texts;
    @Inject
    CommandRouter router;
    @Inject
    Help help;
    @Inject
    RecordGate gate;
    @Inject
    DeclareReleaseCandidate releaseCandidate;
    @Inject
    RefreshReleaseStatus releaseStatus;
    @Inject
    GrantReviewException reviewException;
    @Inject
    GrantFreezeException freezeException;

    static final BotConfig WITH_TEAMS = new BotConfig(new Reviews(2, 2, true, List.of("design-authority")), Map.of(),
            AffiliationFallback.NONE, new Freeze(6, 4, List.of("main"), List.of("feat"), List.of("priority: critical"),
                    List.of("release-managers", "product-council", "ops")),
            new ReleaseCandidates(List.of("release-managers")), List.of(),
            List.of(new Gate("golden-path-dev", "TTK Golden Path on dev", "GP Tests", null),
                    new Gate("downstream", "Validated by a *downstream* implementer", null, null)));
    static final BotConfig PLAIN = BotConfig.DEFAULTS;

    String help(BotConfig config, boolean pullRequest, String comment) {
        CommandLine line = CommandLine.parse(comment).orElseThrow();
        List<Help.Entry> entries = router.all().stream().filter(c -> c.where().allows(pullRequest))
                .map(c -> new Help.Entry(c.usage(), c.description(), c.who(config))).toList();
        boolean asked = line.arguments().strip().equalsIgnoreCase("help");
        return texts.render("commands/help.md", Map.of("entries", entries, "asked", asked, "line", line, "pullRequest", pullRequest));
    }

    String usage(BotCommand command, String problem) {
        return texts.render("commands/usage.md", Map.of("command", command, "problem", problem));
    }

    String refused(BotCommand command, BotConfig config) {
        return texts.render("commands/refused.md", Map.of("command", command, "author", "mallory", "who", command.who(config)));
    }

    String gateProblem(String arguments) {
        return texts.fragment(gate.template(), "problem", Map.of("problem", GateCommand.parse(arguments).problem()));
    }

    String fragment(BotCommand command, String id, Map<String, Object> data) {
        return texts.fragment(command.template(), id, data);
    }

    @Test
    void everyReply() throws IOException {
        List<BotCommand> all = List.of(help, gate, releaseCandidate, releaseStatus, reviewException, freezeException);
        Wording.Sheet sheet = new Wording.Sheet()
                .add("help on a pull request", help(WITH_TEAMS, true, "/release-bot help"))
                .add("help on an issue", help(WITH_TEAMS, false, "/release-bot HELP"))
                .add("help without teams, on a pull request", help(PLAIN, true, "/release-bot"))
                .add("unknown words, on an issue", help(PLAIN, false, "/release-bot do *this* @now"))
                .add("gate without arguments", usage(gate, gateProblem("")))
                .add("gate with a wrong action", usage(gate, gateProblem("downstream maybe")))
                .add("not a release version", usage(releaseCandidate, fragment(releaseCandidate, "notAVersion",
                        Map.of("argument", "v17.2*<b>"))))
                .add("review exception without a reason", usage(reviewException, fragment(reviewException, "noReason", Map.of())))
                .add("review exception granted", fragment(reviewException, "granted", Map.of("author", "da-lead", "commit",
                        "6dcb09b5b57875f334f61aebed695e2e4193db5e")))
                .add("freeze exception without a reason", usage(freezeException, fragment(freezeException, "noReason", Map.of())))
                .add("unknown gate", texts.render("commands/unknown-gate.md", Map.of("command", gate, "id", "golden_path",
                        "gates", WITH_TEAMS.gates())))
                .add("gate, not a story", texts.render("commands/not-a-story.md", Map.of("command", gate)))
                .add("release status, not a story", texts.render("commands/not-a-story.md", Map.of("command", releaseStatus)))
                .add("config error", texts.render("commands/config-error.md", Map.of("line", CommandLine.parse("/gate x").orElseThrow(),
                        "problems", List.of(new ConfigProblem("release-bot.yml", 3, 5, "unknown key *x*")))))
                .add("release candidate label", fragment(releaseCandidate, "label", Map.of()))
                .add("release candidate version label", fragment(releaseCandidate, "versionLabel", Map.of()));
        for (BotCommand command : all) {
            sheet.add(command.name() + " refused, with teams", refused(command, WITH_TEAMS))
                    .add(command.name() + " refused, without teams", refused(command, PLAIN))
                    .add(command.name() + " in the wrong place", texts.render("commands/wrong-place.md", Map.of("command", command)));
        }
        Wording.matches("commands.md", sheet.toString());
    }

    @Test
    void aReplyEchoesAtMostAClippedPartOfWhatWasTyped() {
        // a 100,000-character argument must not become a reply GitHub refuses (65,536), failing the command forever
        String huge = "x".repeat(100_000);
        String unknownGate = texts.render("commands/unknown-gate.md", Map.of("command", gate, "id", huge,
                "gates", WITH_TEAMS.gates()));
        String notAVersion = usage(releaseCandidate, fragment(releaseCandidate, "notAVersion", Map.of("argument", huge)));
        org.assertj.core.api.Assertions.assertThat(unknownGate).hasSizeLessThan(2_000).contains("x".repeat(200) + "…");
        org.assertj.core.api.Assertions.assertThat(notAVersion).hasSizeLessThan(2_000).contains("x".repeat(200));
    }
}
