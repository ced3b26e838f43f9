package io.mojaloop.releasebot.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class AffiliationsTest {

    private final Affiliations affiliations = Affiliations.of(Map.of(
            "Infitx", List.of("alice", "BOB"),
            "Crosslake", List.of(" carol ")));

    @Test
    void findsOrganisationInTheMapsSpelling() {
        assertThat(affiliations.organisationOf("alice")).contains("Infitx");
        assertThat(affiliations.organisationOf("carol")).contains("Crosslake");
    }

    @Test
    void loginsAreCaseInsensitiveBothWays() {
        assertThat(affiliations.organisationOf("bob")).contains("Infitx");
        assertThat(affiliations.organisationOf("Bob")).contains("Infitx");
        assertThat(affiliations.organisationOf("ALICE")).contains("Infitx");
        assertThat(affiliations.organisationOf("Carol")).contains("Crosslake");
    }

    @Test
    void unknownOrBlankLoginHasNone() {
        assertThat(affiliations.organisationOf("dave")).isEmpty();
        assertThat(affiliations.organisationOf(null)).isEmpty();
        assertThat(affiliations.organisationOf(" ")).isEmpty();
    }

    @Test
    void emptyOrNullMap() {
        assertThat(Affiliations.of(Map.of()).organisationOf("alice")).isEmpty();
        assertThat(Affiliations.of(null).organisationOf("alice")).isEmpty();
        Map<String, List<String>> withNull = new HashMap<>();
        withNull.put("Infitx", null);
        assertThat(Affiliations.of(withNull).organisationOf("alice")).isEmpty();
    }

    @Test
    void loginUnderTwoOrganisationsResolvesDeterministically() {
        Affiliations both = Affiliations.of(Map.of("Zeta", List.of("alice"), "alpha", List.of("Alice")));
        assertThat(both.organisationOf("alice")).contains("alpha");
    }
}
