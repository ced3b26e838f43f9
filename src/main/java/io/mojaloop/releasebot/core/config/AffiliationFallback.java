package io.mojaloop.releasebot.core.config;

/** Where an approver's organisation comes from when the {@code affiliations} map does not name them. */
public enum AffiliationFallback {
    /** The company field of the person's GitHub profile, normalised. */
    PROFILE_COMPANY("profile-company"),
    /** Nobody outside the affiliations map belongs to an organisation. */
    NONE("none");

    private final String yaml;

    AffiliationFallback(String yaml) {
        this.yaml = yaml;
    }

    public String yaml() {
        return yaml;
    }

    public static AffiliationFallback fromYaml(String value) {
        for (AffiliationFallback f : values()) {
            if (f.yaml.equals(value)) {
                return f;
            }
        }
        return null;
    }
}
