package io.mojaloop.releasebot.github.model;

/** A GitHub account as a payload names it: its login and whether GitHub marks it as a bot. */
public record User(String login, boolean bot) {
}
