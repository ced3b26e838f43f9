package io.mojaloop.releasebot.github;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The people cache: profile companies read once per TTL, and a bounded number of entries. */
class DirectoryTest {

    InMemoryGitHub github = new InMemoryGitHub();
    Directory directory = new Directory();

    @BeforeEach
    void start() {
        for (String login : new String[] { "alice", "a", "b", "c", "d" }) {
            github.companies.put(login, "@ModusBox");
        }
        directory.ttl = Duration.ofMinutes(10);
        directory.maxEntries = 3;
    }

    @Test
    void aCompanyIsReadOncePerTtl() throws Exception {
        assertThat(directory.company(github, "Alice")).contains("@ModusBox");
        assertThat(directory.company(github, "alice")).contains("@ModusBox");
        assertThat(github.count("profileCompany", "Alice")).isEqualTo(1);
        assertThat(github.count("profileCompany", "alice")).isEqualTo(0);
    }

    @Test
    void pastItsBoundTheCacheStartsAgainInsteadOfGrowing() throws Exception {
        for (String login : new String[] { "a", "b", "c" }) {
            directory.company(github, login);
        }
        directory.company(github, "a");
        assertThat(github.count("profileCompany", "a")).isEqualTo(1);
        // a fourth person: nothing has expired, so the full cache is emptied and "a" is read again later
        directory.company(github, "d");
        directory.company(github, "a");
        assertThat(github.count("profileCompany", "a")).isEqualTo(2);
    }

    @Test
    void expiredEntriesAreDroppedFirst() throws Exception {
        directory.company(github, "a");
        directory.ttl = Duration.ZERO;
        directory.company(github, "b");
        directory.company(github, "c");
        directory.ttl = Duration.ofMinutes(10);
        // full: "b" and "c" have expired and make room; "a" stays cached
        directory.company(github, "d");
        directory.company(github, "a");
        assertThat(github.count("profileCompany", "a")).isEqualTo(1);
    }
}
