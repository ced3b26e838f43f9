package io.mojaloop.releasebot.github;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class GitHubWebTest {

    @Test
    void githubComByDefault() {
        assertThat(GitHubWeb.baseFor(Optional.empty(), "https://api.github.com")).isEqualTo("https://github.com");
        assertThat(GitHubWeb.baseFor(Optional.empty(), "https://api.github.com/")).isEqualTo("https://github.com");
        assertThat(GitHubWeb.baseFor(Optional.empty(), null)).isEqualTo("https://github.com");
    }

    @Test
    void anEnterpriseServerLinksToItself() {
        assertThat(GitHubWeb.baseFor(Optional.empty(), "https://ghe.example.org/api/v3")).isEqualTo("https://ghe.example.org");
        assertThat(GitHubWeb.baseFor(Optional.empty(), "https://ghe.example.org/API/v3/")).isEqualTo("https://ghe.example.org");
    }

    @Test
    void theSettingWins() {
        assertThat(GitHubWeb.baseFor(Optional.of("https://code.example.org/"), "https://ghe.example.org/api/v3"))
                .isEqualTo("https://code.example.org");
        assertThat(GitHubWeb.baseFor(Optional.of(" "), "http://127.0.0.1:8089")).isEqualTo("https://github.com");
    }
}
