package io.mojaloop.releasebot.github.model;

/** A person's permission on a repository, as GitHub names it. */
public enum Permission {
    ADMIN, MAINTAIN, WRITE, TRIAGE, READ, NONE;

    public boolean canWrite() {
        return this == ADMIN || this == MAINTAIN || this == WRITE;
    }
}
