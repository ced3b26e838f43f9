package io.mojaloop.releasebot.core.policy;

import java.util.List;

/**
 * What the freeze policy needs to know of a PR.
 *
 * @param repo the repository name (with or without the owner)
 * @param exception the latest valid freeze exception, or null
 */
public record FreezeFacts(String repo, String baseBranch, String title, List<String> labels, FreezeException exception) {

    public FreezeFacts {
        labels = List.copyOf(labels);
    }
}
