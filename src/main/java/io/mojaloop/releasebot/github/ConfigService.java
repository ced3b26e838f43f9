package io.mojaloop.releasebot.github;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.mojaloop.releasebot.core.config.ConfigLoader;
import io.mojaloop.releasebot.core.config.ParsedConfig;
import io.mojaloop.releasebot.github.model.FileContent;

/**
 * Reads the bot's configuration from GitHub: the org-wide {@code release-bot.yml} at the root of the org's
 * {@code .github} repository and the optional {@code .github/release-bot.yml} of a repository, both from their
 * default branch (never from a PR's head, so a PR cannot change its own verdict).
 * <p>
 * Each file's text is fetched once and kept until a push to the default branch touches it
 * ({@link #invalidate(String, String)}); the parsed result is kept per repository.
 */
@ApplicationScoped
public class ConfigService {

    private static final Logger LOG = Logger.getLogger(ConfigService.class);

    public static final String ORG_CONFIG_REPO = ".github";
    public static final String ORG_CONFIG_PATH = "release-bot.yml";
    public static final String REPO_CONFIG_PATH = ".github/release-bot.yml";

    /** file key ("owner/repo:path", lower case) to its text; Optional.empty() = the file does not exist. */
    private final Map<String, Optional<String>> files = new ConcurrentHashMap<>();
    /** repository full name (lower case) to its parsed config. */
    private final Map<String, RepoConfig> parsed = new ConcurrentHashMap<>();

    /** Fired when an organisation's configuration was (re)read, so the freeze clock can re-arm. */
    public record OrgConfigLoaded(String org, long installationId, ParsedConfig parsed) {
    }

    @Inject
    Event<OrgConfigLoaded> loaded;

    /** The configuration that applies to a repository, and whether the repository is configured at all. */
    public record RepoConfig(boolean configured, ParsedConfig parsed) {
    }

    public RepoConfig forRepository(GitHub github, String fullName) throws IOException {
        RepoConfig cached = parsed.get(key(fullName));
        if (cached != null) {
            return cached;
        }
        String owner = fullName.substring(0, fullName.indexOf('/'));
        String orgFile = owner + "/" + ORG_CONFIG_REPO + ":" + ORG_CONFIG_PATH;
        String repoFile = fullName + ":" + REPO_CONFIG_PATH;
        Optional<String> orgText = file(orgFile, () -> read(github, owner + "/" + ORG_CONFIG_REPO, ORG_CONFIG_PATH));
        Optional<String> repoText = fullName.equalsIgnoreCase(owner + "/" + ORG_CONFIG_REPO) ? Optional.empty()
                : file(repoFile, () -> read(github, fullName, REPO_CONFIG_PATH));
        RepoConfig result = new RepoConfig(orgText.isPresent() || repoText.isPresent(),
                ConfigLoader.load(orgFile, orgText.orElse(null), repoFile, repoText.orElse(null)));
        parsed.put(key(fullName), result);
        if (orgText.isPresent()) {
            loaded.fire(new OrgConfigLoaded(owner, github.installationId(), result.parsed()));
        }
        return result;
    }

    /** The org-wide configuration alone (for org-level work such as the freeze clock). */
    public Optional<ParsedConfig> forOrganisation(GitHub github, String owner) throws IOException {
        String orgFile = owner + "/" + ORG_CONFIG_REPO + ":" + ORG_CONFIG_PATH;
        Optional<String> orgText = file(orgFile, () -> read(github, owner + "/" + ORG_CONFIG_REPO, ORG_CONFIG_PATH));
        return orgText.map(text -> ConfigLoader.parseOrg(orgFile, text));
    }

    /**
     * Called for a push to a repository's default branch touching {@code path}: forgets the file and every parsed
     * config that depends on it.
     */
    public void invalidate(String repositoryFullName, String path) {
        String owner = repositoryFullName.substring(0, repositoryFullName.indexOf('/'));
        boolean orgFile = repositoryFullName.equalsIgnoreCase(owner + "/" + ORG_CONFIG_REPO) && ORG_CONFIG_PATH.equals(path);
        boolean repoFile = REPO_CONFIG_PATH.equals(path);
        if (orgFile) {
            files.remove(key(repositoryFullName + ":" + path));
            String prefix = key(owner + "/");
            parsed.keySet().removeIf(k -> k.startsWith(prefix));
            LOG.infof("Org config %s:%s changed: configuration of %s reloaded on next use", repositoryFullName, path, owner);
        } else if (repoFile) {
            files.remove(key(repositoryFullName + ":" + path));
            parsed.remove(key(repositoryFullName));
            LOG.infof("Repository config %s:%s changed: reloaded on next use", repositoryFullName, path);
        }
    }

    /** True when a path is one of the config files (for push filtering). */
    public static boolean isConfigPath(String repositoryName, String path) {
        return REPO_CONFIG_PATH.equals(path) || (ORG_CONFIG_REPO.equalsIgnoreCase(repositoryName) && ORG_CONFIG_PATH.equals(path));
    }

    public void clear() {
        files.clear();
        parsed.clear();
    }

    private interface Reader {
        Optional<String> read() throws IOException;
    }

    private Optional<String> file(String fileKey, Reader reader) throws IOException {
        Optional<String> text = files.get(key(fileKey));
        if (text == null) {
            text = reader.read();
            files.put(key(fileKey), text);
        }
        return text;
    }

    /** The file's text on the default branch (no ref: GitHub answers with the default branch's version). */
    private static Optional<String> read(GitHub github, String repositoryFullName, String path) throws IOException {
        return github.file(repositoryFullName, path).map(FileContent::text);
    }

    private static String key(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
