package io.mojaloop.releasebot.core.contents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The JSON contents keep the names of the product contract. */
class ContentsJsonTest {

    static final ObjectMapper JSON = new ObjectMapper();

    /** Stands for the sentence the edge renders. */
    static String message(ContentsProblem p) {
        return p.kind() + " of " + p.component();
    }

    @Test
    void theContractsFields() throws Exception {
        JsonNode root = JSON.readTree(JSON.writeValueAsString(ContentsExamples.contents().json(ContentsJsonTest::message)));
        assertThat(root.get("version").asText()).isEqualTo("v17.2.0");
        assertThat(root.get("chart").toString()).isEqualTo(
                "{\"repository\":\"helm\",\"path\":\"mojaloop/Chart.yaml\",\"ref\":\"v17.2.0-rc.1\",\"source\":\"candidate\",\"read\":true}");
        assertThat(root.get("previous").toString()).isEqualTo("{\"ref\":\"v17.1.0\",\"source\":\"previous-highest\",\"read\":true}");
        JsonNode ledger = root.get("components").get(1);
        assertThat(ledger.fieldNames()).toIterable().containsExactly("name", "repository", "version", "previous", "change", "compare",
                "commits", "breaking", "features", "fixes", "other");
        assertThat(ledger.get("name").asText()).isEqualTo("central-ledger");
        assertThat(ledger.get("version").asText()).isEqualTo("v19.7.4");
        assertThat(ledger.get("previous").asText()).isEqualTo("v19.3.0");
        assertThat(ledger.get("change").asText()).isEqualTo("minor");
        assertThat(ledger.get("compare").asText()).isEqualTo("complete");
        assertThat(ledger.get("commits").asInt()).isEqualTo(5);
        JsonNode feature = ledger.get("features").get(0);
        assertThat(feature.fieldNames()).toIterable().containsExactly("title", "sha", "pr", "issues");
        assertThat(feature.get("title").asText()).isEqualTo("feat(mojaloop/#3122): timeout handler distributed lock (#1172)");
        assertThat(feature.get("pr").asInt()).isEqualTo(1172);
        assertThat(feature.get("issues").toString()).isEqualTo("[\"mojaloop/project#3122\"]");
        assertThat(ledger.get("breaking").get(0).get("pr").asInt()).isEqualTo(1180);
        assertThat(ledger.get("other").get(0).get("pr").isNull()).isTrue();
        JsonNode added = root.get("components").get(14);
        assertThat(added.get("name").asText()).isEqualTo("ml-testing-toolkit-ui");
        assertThat(added.get("previous").isNull()).isTrue();
        assertThat(added.get("change").asText()).isEqualTo("added");
        assertThat(added.get("compare").asText()).isEqualTo("none");
        JsonNode problem = root.get("problems").get(0);
        assertThat(problem.fieldNames()).toIterable().containsExactly("component", "message");
        assertThat(problem.get("component").asText()).isEqualTo("account-lookup-service");
        assertThat(problem.get("message").asText()).isEqualTo("TRUNCATED of account-lookup-service");
        assertThat(root.get("components").findValuesAsText("change")).contains("removed", "unchanged", "unknown", "major", "patch");
    }

    @Test
    void unknownContentsSayTheChartWasNotRead() throws Exception {
        ReleaseContents unknown = ContentsDiff.of(io.mojaloop.releasebot.core.config.Contents.DEFAULTS, "v2.0.0",
                new ReleaseTags.Selection(ContentsDiffTest.NOW, null, List.of()), ChartRead.notFound(ContentsDiffTest.NOW), null)
                .withCompares(List.of());
        Map<String, Object> json = unknown.json(ContentsJsonTest::message);
        assertThat(JSON.writeValueAsString(json)).contains("\"read\":false").contains("\"previous\":null").contains("\"components\":[]");
        assertThat((List<?>) json.get("problems")).hasSize(1);
    }
}
