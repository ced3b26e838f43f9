package io.mojaloop.releasebot.core.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.mojaloop.releasebot.render.Texts;
import io.mojaloop.releasebot.render.TimeTexts;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The story block rendered from plain data, compared with golden files in {@code src/test/resources/golden/}.
 * After an intended change of the template, regenerate them with {@code -Dgolden.update=true} and review the diff.
 */
@QuarkusTest
class StoryRenderingTest {

    @Inject
    Texts texts;

    @ParameterizedTest
    @ValueSource(strings = { "ready", "blocked", "pending" })
    void matchesTheGoldenFile(String state) throws IOException {
        StoryFacts facts = switch (state) {
            case "ready" -> StoryExamples.ready();
            case "blocked" -> StoryExamples.blocked();
            default -> StoryExamples.pending();
        };
        String rendered = texts.render("story/block.md", Map.of("s", ReleaseReadiness.evaluate(facts, StoryExamples.NOW),
                "time", new TimeTexts(StoryExamples.NOW))) + "\n";
        Path golden = Path.of("src/test/resources/golden/story-" + state + ".md");
        if (Boolean.getBoolean("golden.update") || !Files.exists(golden)) {
            Files.writeString(golden, rendered, StandardCharsets.UTF_8);
        }
        assertThat(rendered).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
        // whatever people typed cannot inject markup, links or mentions
        assertThat(rendered).doesNotContain("<script>").doesNotContain("<b>").doesNotContain("](javascript:")
                .doesNotContain("@everyone");
    }
}
