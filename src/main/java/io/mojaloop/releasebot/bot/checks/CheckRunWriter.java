package io.mojaloop.releasebot.bot.checks;

import java.io.IOException;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.mojaloop.releasebot.github.GitHub;
import io.mojaloop.releasebot.github.RestGitHub;
import io.mojaloop.releasebot.github.model.CheckRun;
import io.mojaloop.releasebot.github.model.CheckRunOutput;

/**
 * Writes a whole check run for a commit, and only when it differs from the latest run of the same name by this app
 * on that commit: a redelivered event, a resync or a clock tick that changes nothing writes nothing.
 */
@ApplicationScoped
public class CheckRunWriter {

    private static final Logger LOG = Logger.getLogger(CheckRunWriter.class);

    final MeterRegistry registry;

    CheckRunWriter(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Writes against the run already on the commit ({@code existing}, null for none); true when something was written. */
    public boolean write(GitHub github, String repository, String headSha, CheckRunOutput output, CheckRun existing)
            throws IOException {
        registry.counter("release_bot_verdicts", "check", output.name(), "conclusion", output.conclusion()).increment();
        if (existing != null && same(existing, output)) {
            LOG.debugf("%s on %s@%s unchanged (%s)", output.name(), repository, shortSha(headSha), output.title());
            return false;
        }
        if (existing != null) {
            github.updateCheckRun(repository, existing.id(), output);
        } else {
            github.createCheckRun(repository, headSha, output);
        }
        LOG.infof("%s on %s@%s: %s (%s)", output.name(), repository, shortSha(headSha), output.conclusion(),
                output.title());
        return true;
    }

    static boolean same(CheckRun run, CheckRunOutput output) {
        CheckRunOutput shown = run.output();
        return "completed".equals(run.status())
                && Objects.equals(output.conclusion(), run.conclusion())
                && norm(output.title()).equals(norm(shown.title()))
                && norm(RestGitHub.truncate(output.summary())).equals(norm(shown.summary()))
                && norm(RestGitHub.truncate(output.text())).equals(norm(shown.text()));
    }

    private static String norm(String s) {
        return s == null ? "" : s.replace("\r\n", "\n").strip();
    }

    static String shortSha(String sha) {
        return sha == null || sha.length() < 7 ? String.valueOf(sha) : sha.substring(0, 7);
    }
}
