package io.mojaloop.releasebot.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PrClassifierTest {

    private static final List<String> FEAT = List.of("feat");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "feat: add bulk quotes                      | FEATURE | feat",
            "feat(mojaloop/#3122): bulk quotes          | FEATURE | feat",
            "Feat: capitalised type                      | FEATURE | feat",
            "fix: rounding in settlement                | FIX     | fix",
            "fix(central-ledger)!: change the API       | FEATURE | fix",
            "chore(deps): bump axios                    | OTHER   | chore",
            "docs: readme                               | OTHER   | docs",
            "refactor: tidy                             | OTHER   | refactor",
            "perf: faster                               | OTHER   | perf",
            "test: more                                 | OTHER   | test",
            "build: image                               | OTHER   | build",
            "ci: workflow                               | OTHER   | ci",
            "revert: feat: x                            | OTHER   | revert",
            "  fix:   leading spaces                    | FIX     | fix",
    })
    void conventionalTitles(String title, PrClass expected, String type) {
        Classification c = PrClassifier.classify(title, List.of(), FEAT);
        assertThat(c.prClass()).isEqualTo(expected);
        assertThat(c.type()).isEqualTo(type);
        assertThat(c.reason()).isNotNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Add bulk quotes",
            "feat add bulk quotes",
            "feat:",
            "feat:   ",
            "wip: half done",
            "feat(unclosed: x",
            "''",
    })
    void titlesThatAreNotConventionalCommitsAreUnknown(String title) {
        Classification c = PrClassifier.classify(title, List.of(), FEAT);
        assertThat(c.prClass()).isEqualTo(PrClass.UNKNOWN);
        assertThat(c.prClass().blockedByFeatureFreeze()).isTrue();
        assertThat(c.reason()).isIn(Classification.Reason.NO_TYPE, Classification.Reason.UNKNOWN_TYPE);
    }

    @Test
    void nullTitleIsUnknown() {
        assertThat(PrClassifier.classify(null, List.of(), FEAT).prClass()).isEqualTo(PrClass.UNKNOWN);
    }

    @Test
    void scopeAndBreakingAreKept() {
        Classification c = PrClassifier.classify("feat(mojaloop/#3122)!: drop v1", List.of(), FEAT);
        assertThat(c.scope()).isEqualTo("mojaloop/#3122");
        assertThat(c.breaking()).isTrue();
        assertThat(c.reason()).isEqualTo(Classification.Reason.BREAKING);
    }

    @Test
    void configuredFeatureTypesCount() {
        assertThat(PrClassifier.classify("perf: faster", List.of(), List.of("feat", "perf")).prClass()).isEqualTo(PrClass.FEATURE);
        assertThat(PrClassifier.classify("story: custom type", List.of(), List.of("feat", "story")).prClass())
                .isEqualTo(PrClass.FEATURE);
    }

    @Test
    void labelsOverrideTheTitle() {
        Classification bug = PrClassifier.classify("feat: actually a fix", List.of("Type: Bug"), FEAT);
        assertThat(bug.prClass()).isEqualTo(PrClass.FIX);
        assertThat(bug.label()).isEqualTo("Type: Bug");
        assertThat(PrClassifier.classify("fix: x", List.of("enhancement"), FEAT).prClass()).isEqualTo(PrClass.FEATURE);
        assertThat(PrClassifier.classify("no type at all", List.of("bug"), FEAT).prClass()).isEqualTo(PrClass.FIX);
    }

    @Test
    void featureLabelWinsOverFixLabel() {
        Classification c = PrClassifier.classify("fix: x", List.of("bug", "feature"), FEAT);
        assertThat(c.prClass()).isEqualTo(PrClass.FEATURE);
        assertThat(c.label()).isEqualTo("feature");
    }

    @Test
    void unrelatedLabelsChangeNothing() {
        assertThat(PrClassifier.classify("fix: x", List.of("priority: critical", "documentation"), FEAT).prClass())
                .isEqualTo(PrClass.FIX);
    }
}
