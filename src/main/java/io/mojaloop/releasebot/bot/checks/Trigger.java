package io.mojaloop.releasebot.bot.checks;

/**
 * What can make a check's verdict change, so a check declares the triggers that concern it and only those
 * events evaluate it. A re-run request, a command naming the check and the periodic resync evaluate a check
 * whatever its triggers.
 */
public enum Trigger {
    /** The PR was opened, reopened or marked ready for review. */
    OPENED,
    /** New commits: the head changed. */
    PUSHED,
    /** The PR now targets another branch. */
    BASE_CHANGED,
    /** The title or body was edited. */
    EDITED,
    /** A label was added or removed. */
    LABELS,
    /** A review was submitted, edited or dismissed. */
    REVIEW,
    /** A freeze window opened or closed (on the clock, no event). */
    FREEZE_BOUNDARY
}
