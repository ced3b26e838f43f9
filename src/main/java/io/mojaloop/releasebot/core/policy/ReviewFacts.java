package io.mojaloop.releasebot.core.policy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the review policy needs about one pull request.
 *
 * @param author the PR author's login
 * @param headSha the PR's current head commit
 * @param reviews submitted reviews, in chronological order
 * @param profileCompanies raw GitHub profile company by login (any case) for the people the caller looked up (see
 *        {@link ReviewPolicy#loginsNeedingCompany}); values may be null
 * @param exception a granted review exception, or null
 */
public record ReviewFacts(String author, String headSha, List<ReviewFact> reviews, Map<String, String> profileCompanies,
        ReviewException exception) {

    public ReviewFacts {
        reviews = reviews == null ? List.of() : List.copyOf(reviews);
        profileCompanies = profileCompanies == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(profileCompanies));
    }
}
