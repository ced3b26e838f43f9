package io.mojaloop.releasebot.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The bearer token CI and operators present ({@code RELEASE_BOT_REPORT_TOKEN}), compared in constant time. */
@ApplicationScoped
public class ReportToken {

    public enum Check {
        NOT_CONFIGURED, MISSING, WRONG, OK
    }

    @ConfigProperty(name = "release-bot.report-token")
    Optional<String> token;

    public Check check(String authorization) {
        if (token.isEmpty() || token.get().isBlank()) {
            return Check.NOT_CONFIGURED;
        }
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Check.MISSING;
        }
        byte[] presented = authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(presented, token.get().trim().getBytes(StandardCharsets.UTF_8)) ? Check.OK : Check.WRONG;
    }
}
