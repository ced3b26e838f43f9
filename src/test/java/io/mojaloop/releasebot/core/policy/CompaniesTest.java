package io.mojaloop.releasebot.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CompaniesTest {

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
            " @Infitx Ltd |infitx",
            "Crosslake, Inc.|crosslake",
            "ModusBox GmbH|modusbox",
            "Acme LLC|acme",
            "Acme Inc|acme",
            "Acme Inc.|acme",
            "Acme Ltd.|acme",
            "Acme,Inc.|acme",
            "Acme , LLC|acme",
            "ACME   Payments\tLtd|acme payments",
            "Mojaloop Foundation|mojaloop foundation",
            "@mojaloop|mojaloop",
            "Incorporated Things|incorporated things",
            "Gmbh Systems|gmbh systems",
            "Inc|inc",
            "Vincinc|vincinc",
    })
    void normalises(String raw, String expected) {
        assertThat(Companies.normalise(raw)).contains(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = { "   ", "@", " @ ", "\t" })
    void blankIsNone(String raw) {
        assertThat(Companies.normalise(raw)).isEmpty();
    }

    @Test
    void sameCompanyDifferentSpellingsAgree() {
        assertThat(Companies.normalise("INFITX")).isEqualTo(Companies.normalise("@infitx ltd."))
                .isEqualTo(Optional.of("infitx"));
    }
}
