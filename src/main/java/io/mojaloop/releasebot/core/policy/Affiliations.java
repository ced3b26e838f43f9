package io.mojaloop.releasebot.core.policy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code affiliations:} map turned around: login to organisation, case-insensitive on logins. Organisation
 * names keep the map's spelling. Should a login be listed under two organisations, the one first in case-insensitive
 * alphabetical order wins (deterministic; the config's map order is not preserved).
 */
public final class Affiliations {

    private final Map<String, String> orgByLogin;

    private Affiliations(Map<String, String> orgByLogin) {
        this.orgByLogin = orgByLogin;
    }

    public static Affiliations of(Map<String, List<String>> orgToLogins) {
        Map<String, String> byLogin = new HashMap<>();
        if (orgToLogins != null) {
            List<String> orgs = new ArrayList<>();
            for (String org : orgToLogins.keySet()) {
                if (org != null && !org.isBlank()) {
                    orgs.add(org);
                }
            }
            orgs.sort(String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder()));
            for (String org : orgs) {
                List<String> logins = orgToLogins.get(org);
                if (logins == null) {
                    continue;
                }
                for (String login : logins) {
                    String key = key(login);
                    if (key != null) {
                        byLogin.putIfAbsent(key, org.strip());
                    }
                }
            }
        }
        return new Affiliations(Map.copyOf(byLogin));
    }

    /** The organisation the map puts this login in (any case), as spelled in the map. */
    public Optional<String> organisationOf(String login) {
        String key = key(login);
        return key == null ? Optional.empty() : Optional.ofNullable(orgByLogin.get(key));
    }

    /** Case-folded login, without surrounding blanks or a leading {@code @}; null when blank. */
    static String key(String login) {
        if (login == null) {
            return null;
        }
        String s = login.strip();
        if (s.startsWith("@")) {
            s = s.substring(1).strip();
        }
        return s.isEmpty() ? null : s.toLowerCase(Locale.ROOT);
    }
}
