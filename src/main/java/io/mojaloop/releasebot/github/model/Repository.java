package io.mojaloop.releasebot.github.model;

/** A repository the installation can see. */
public record Repository(String fullName, String defaultBranch, boolean archived, boolean privateRepository) {
}
