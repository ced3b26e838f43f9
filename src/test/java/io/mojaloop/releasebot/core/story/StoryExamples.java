package io.mojaloop.releasebot.core.story;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.mojaloop.releasebot.core.config.DateSpec;
import io.mojaloop.releasebot.core.config.Freeze;
import io.mojaloop.releasebot.core.config.Gate;
import io.mojaloop.releasebot.core.config.Release;
import io.mojaloop.releasebot.core.story.StoryFacts.Candidate;
import io.mojaloop.releasebot.core.story.StoryFacts.ComponentVersion;
import io.mojaloop.releasebot.core.story.StoryFacts.ExceptionGrant;
import io.mojaloop.releasebot.core.story.StoryFacts.Item;

/** The v17.2.0 story in three states, as plain data. */
final class StoryExamples {

    static final Instant NOW = Instant.parse("2027-01-04T12:00:00Z");
    static final Release V17 = new Release("v17.2.0", DateSpec.parse("2027-01-18"), DateSpec.parse("2027-01-25"),
            ZoneId.of("UTC"), null, null, "mojaloop/project#4300",
            List.of("central-ledger", "ml-api-adapter", "account-lookup-service", "quoting-service", "helm"), 20);
    static final List<Gate> GATES = List.of(
            new Gate("golden-path-dev", "TTK Golden Path on dev", "GP Tests", null),
            new Gate("downstream", "Validated by a downstream implementer", null, null),
            new Gate("blocking-bugs", "No high or medium priority bugs open", null,
                    "org:mojaloop is:issue is:open label:bug label:\"priority: high\",\"priority: medium\""));

    static final Item BUG = new Item("mojaloop/central-ledger", 1201, "Settlement <b>rounding</b> loses a cent @everyone",
            "https://github.com/mojaloop/central-ledger/issues/1201");
    static final List<Candidate> CANDIDATES = List.of(new Candidate(new Item("mojaloop/helm", 612,
            "chore(release): v17.2.0-rc.1", "https://github.com/mojaloop/helm/pull/612"), true, List.of("v17.2.0-rc.1")));
    static final List<ExceptionGrant> EXCEPTIONS = List.of(
            new ExceptionGrant("review", new Item("mojaloop/account-lookup-service", 88, "docs: clarify the oracle configuration",
                    "https://github.com/mojaloop/account-lookup-service/pull/88"), "grace", "Docs-only change, reviewed at the DA meeting"),
            new ExceptionGrant("freeze", new Item("mojaloop/ml-api-adapter", 57, "feat(mojaloop/#3122): bulk transfer expiry",
                    "https://github.com/mojaloop/ml-api-adapter/pull/57"), "henry", "[click](javascript:alert(1)) <script>x</script>"));
    static final List<ComponentVersion> VERSIONS = List.of(
            new ComponentVersion("mojaloop/central-ledger", "v17.8.1", "https://github.com/mojaloop/central-ledger/releases/tag/v17.8.1",
                    false, Instant.parse("2026-12-15T10:00:00Z")),
            new ComponentVersion("mojaloop/helm", "v17.2.0-rc.1", "https://github.com/mojaloop/helm/releases/tag/v17.2.0-rc.1",
                    true, Instant.parse("2027-01-02T09:30:00Z")));

    static GateCommand gate(String id, GateCommand.Action action, String url, String note, String at) {
        return new GateCommand(id, action, url, note, "henry", Instant.parse(at), null);
    }

    static StoryFacts facts(List<GateCommand> commands, List<Item> bugs, List<ComponentVersion> helm) {
        Map<String, List<Item>> byGate = new LinkedHashMap<>();
        byGate.put("blocking-bugs", bugs);
        return new StoryFacts(V17, Freeze.DEFAULTS, GATES, commands, byGate, CANDIDATES, EXCEPTIONS, VERSIONS, helm);
    }

    static final List<ComponentVersion> HELM_RC = List.of(VERSIONS.get(1));

    static StoryFacts ready() {
        return facts(List.of(
                gate("golden-path-dev", GateCommand.Action.PASS, "https://ci.example/gp/42", "all 1,312 assertions passed", "2027-01-03T10:00:00Z"),
                gate("downstream", GateCommand.Action.PASS, "https://github.com/mojaloop/mini-loop/actions/runs/7", "mini-loop", "2027-01-03T11:00:00Z")),
                List.of(), HELM_RC);
    }

    static StoryFacts blocked() {
        return facts(List.of(
                gate("golden-path-dev", GateCommand.Action.FAIL, "https://ci.example/gp/41", "3 failures in quotes | transfers", "2027-01-02T10:00:00Z")),
                List.of(BUG), HELM_RC);
    }

    static StoryFacts pending() {
        return facts(List.of(), List.of(), List.of());
    }

    private StoryExamples() {
    }
}
